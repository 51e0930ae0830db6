import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { CovenantVersionInput } from './partners-forms.ts';
import { insertCovenantVersion } from './partners-queries.ts';

export type AdoptOutcome = { ok: true; version: number } | { ok: false; reason: 'concurrent' };

/** Adds the covenant's next version. A version is never changed: a new text is a new version. */
export async function adoptCovenantVersion(
  tx: Executor,
  input: { pactId: string; values: CovenantVersionInput; personId: string | null; now: Date },
  audit: RouteContext['audit'],
): Promise<AdoptOutcome> {
  const added = await insertCovenantVersion(tx, input.pactId, input.values, input.personId, input.now);
  if (!added) return { ok: false, reason: 'concurrent' };
  await audit({
    action: 'covenant-version.create', recordType: 'covenant_version', recordId: added.id, purpose: 'pact-administration',
    details: { version: added.version, adoptedOn: input.values.adoptedOn },
  });
  return { ok: true, version: added.version };
}
