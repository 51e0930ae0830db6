import type { RouteContext } from '../../access/route.ts';
import type { Executor } from '../../platform/db/database.ts';
import type { NewOrganisationInput } from './organisation.ts';
import { insertOrganisation, organisationNameTaken } from './pact-queries.ts';

export type AddOrganisationOutcome = { ok: true; organisationId: string } | { ok: false; reason: 'name-taken' };

/** Adds a partner organisation to the pact; a name the pact already has (in any case) is refused. */
export async function addOrganisation(
  tx: Executor,
  input: { pactId: string; organisation: NewOrganisationInput; now: Date },
  audit: RouteContext['audit'],
): Promise<AddOrganisationOutcome> {
  if (await organisationNameTaken(tx, input.pactId, input.organisation.name, null)) return { ok: false, reason: 'name-taken' };
  const organisationId = await insertOrganisation(tx, input.pactId, input.organisation, input.now);
  if (!organisationId) return { ok: false, reason: 'name-taken' };
  await audit({
    action: 'organisation.create', recordType: 'organisation', recordId: organisationId, purpose: 'pact-administration',
    details: { kind: input.organisation.kind },
  });
  return { ok: true, organisationId };
}
