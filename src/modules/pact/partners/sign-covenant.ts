import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { SignatureInput } from './partners-forms.ts';
import { findCovenantVersion, insertSignature } from './partners-queries.ts';

export type SignOutcome = { ok: true } | { ok: false; reason: 'unknown-version' | 'already-signed' };

/** Records who signed which covenant version for a partner, on what date: once per version. */
export async function signCovenant(
  tx: Executor,
  input: { pactId: string; organisationId: string; values: SignatureInput; personId: string | null; now: Date },
  audit: RouteContext['audit'],
): Promise<SignOutcome> {
  const version = await findCovenantVersion(tx, input.pactId, Number(input.values.version));
  if (!version || version.version !== Number(input.values.version)) return { ok: false, reason: 'unknown-version' };
  const id = await insertSignature(tx, {
    pactId: input.pactId, organisationId: input.organisationId, versionId: version.id, signedByName: input.values.signedByName,
    signedOn: input.values.signedOn, personId: input.personId, now: input.now,
  });
  if (!id) return { ok: false, reason: 'already-signed' };
  await audit({
    action: 'covenant-signature.create', recordType: 'covenant_signature', recordId: id, purpose: 'pact-administration',
    details: { organisation: input.organisationId, version: version.version, signedOn: input.values.signedOn },
  });
  return { ok: true };
}
