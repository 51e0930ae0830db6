import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import type { CovenantVersionInput } from './partners-forms.ts';
import { insertCovenantVersion } from './partners-queries.ts';

export type AdoptOutcome = { ok: true; version: number } | { ok: false; reason: 'concurrent' };

/** Adds the covenant's next version. A version is never changed: a new text is a new version. */
export async function adoptCovenantVersion(ctx: UseCaseContext, values: CovenantVersionInput): Promise<AdoptOutcome> {
  const added = await insertCovenantVersion(ctx.tx, ctx.pact.id, values, actingPersonId(ctx), ctx.now);
  if (!added) return { ok: false, reason: 'concurrent' };
  await ctx.audit({
    action: 'covenant-version.create', recordType: 'covenant_version', recordId: added.id, purpose: 'pact-administration',
    details: { version: added.version, adoptedOn: values.adoptedOn },
  });
  return { ok: true, version: added.version };
}
