import type { UseCaseContext } from '../../access/use-case.ts';
import type { NewOrganisationInput } from './organisation.ts';
import { insertOrganisation, organisationNameTaken } from './pact-queries.ts';

export type AddOrganisationOutcome = { ok: true; organisationId: string } | { ok: false; reason: 'name-taken' };

/** Adds a partner organisation to the pact; a name the pact already has (in any case) is refused. */
export async function addOrganisation(ctx: UseCaseContext, organisation: NewOrganisationInput): Promise<AddOrganisationOutcome> {
  if (await organisationNameTaken(ctx.tx, ctx.pact.id, organisation.name, null)) return { ok: false, reason: 'name-taken' };
  const organisationId = await insertOrganisation(ctx.tx, ctx.pact.id, organisation, ctx.now);
  if (!organisationId) return { ok: false, reason: 'name-taken' };
  await ctx.audit({
    action: 'organisation.create', recordType: 'organisation', recordId: organisationId, purpose: 'pact-administration',
    details: { kind: organisation.kind },
  });
  return { ok: true, organisationId };
}
