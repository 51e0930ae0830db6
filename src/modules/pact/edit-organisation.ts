import type { UseCaseContext } from '../../access/use-case.ts';
import { formRevision } from '../../platform/concurrency.ts';
import type { OrganisationProfileInput } from './organisation.ts';
import { findOrganisation, organisationNameTaken, updateOrganisationProfile, type OrganisationRow } from './pact-queries.ts';

export type EditOrganisationOutcome =
  | { ok: true }
  | { ok: false; reason: 'name-taken' }
  /** Someone saved first (or the form's revision is not one): `revision` is the stored one, for the form shown again. */
  | { ok: false; reason: 'stale'; revision: number };

/**
 * Saves an organisation's profile at the revision its form was shown with. A name another
 * organisation of the pact has (in any case) is refused; so is a save based on an older revision.
 */
export async function editOrganisation(ctx: UseCaseContext, organisation: OrganisationRow, values: OrganisationProfileInput): Promise<EditOrganisationOutcome> {
  if (await organisationNameTaken(ctx.tx, ctx.pact.id, values.name, organisation.id)) return { ok: false, reason: 'name-taken' };
  // A form without a revision saves on the one read in this request (as it always could); one that
  // is not a revision cannot be one of ours, and counts as stale.
  const expected = values.version === '' ? organisation.revision : formRevision(values.version);
  const saved = expected !== undefined && (await updateOrganisationProfile(ctx.tx, organisation.id, values, expected, ctx.now));
  if (!saved) {
    const stored = await findOrganisation(ctx.tx, ctx.pact.id, organisation.id);
    return { ok: false, reason: 'stale', revision: stored?.revision ?? organisation.revision };
  }
  await ctx.audit({
    action: 'organisation.update', recordType: 'organisation', recordId: organisation.id, purpose: 'pact-administration',
    details: { fields: Object.keys(values).filter((k) => k !== 'version') },
  });
  return { ok: true };
}
