import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import type { SignatureInput } from './partners-forms.ts';
import { findCovenantVersion, insertSignature } from './partners-queries.ts';

export type SignOutcome = { ok: true } | { ok: false; reason: 'unknown-version' | 'already-signed' };

/** Records who signed which covenant version for a partner, on what date: once per version. */
export async function signCovenant(ctx: UseCaseContext, organisationId: string, values: SignatureInput): Promise<SignOutcome> {
  const version = await findCovenantVersion(ctx.tx, ctx.pact.id, Number(values.version));
  if (!version || version.version !== Number(values.version)) return { ok: false, reason: 'unknown-version' };
  const id = await insertSignature(ctx.tx, {
    pactId: ctx.pact.id, organisationId, versionId: version.id, signedByName: values.signedByName,
    signedOn: values.signedOn, personId: actingPersonId(ctx), now: ctx.now,
  });
  if (!id) return { ok: false, reason: 'already-signed' };
  await ctx.audit({
    action: 'covenant-signature.create', recordType: 'covenant_signature', recordId: id, purpose: 'pact-administration',
    details: { organisation: organisationId, version: version.version, signedOn: values.signedOn },
  });
  return { ok: true };
}
