// Registering, changing and withdrawing a partner's activity. The rules of who may when:
// - a year locked for registration takes no new or changed activities from partners; the pact's
//   coordinators may still correct them;
// - a partner that has left the pact registers nothing new (its activities stay in the agenda);
// - the pillar must be one that is not archived (an activity keeps its archived pillar on edit);
// - the pillar and the partners involved must be the pact's (another pact's ids are field errors);
// - a change is saved only at the revision the form was made from (src/platform/concurrency.ts).
import { can } from '../../../access/policy.ts';
import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { ActivityInput } from './activity-form.ts';
import { partnerHasLeftOn } from './agenda-grouping.ts';
import {
  existingOrganisationIds, insertActivity, markActivityWithdrawn, pillarUsable, replaceActivityPartners, replaceIndicators,
  updateActivity, type ActivityRow, type AgendaYearRow, type OrganisationStanding,
} from './agenda-queries.ts';

export type ActivityRefusal =
  | { reason: 'year-locked' }
  | { reason: 'partner-left'; leftOn: string }
  | { reason: 'field'; field: 'pillar' | 'partners'; key: 'agenda.error.pillar' | 'agenda.error.partners' }
  | { reason: 'stale' };

export type ActivityOutcome = { ok: true; id: string } | ({ ok: false } & ActivityRefusal);

/** Whether the actor is one of the pact's coordinators, who may register and correct in a locked year. */
export function actsAsCoordinator(ctx: Pick<UseCaseContext, 'actor' | 'pact'>): boolean {
  return can(ctx.actor, 'pact:manage', { pact: ctx.pact });
}

/** The pact's date today (its own time zone), for "has this partner left". */
export function pactToday(ctx: Pick<UseCaseContext, 'pact' | 'now'>): string {
  return localDate(ctx.pact.jurisdiction, ctx.now);
}

/**
 * Why saving an activity of this organisation in this year is refused whatever the input (a left
 * partner registers nothing new; a locked year takes nothing from partners), or null.
 */
export function standingRefusal(
  ctx: Pick<UseCaseContext, 'actor' | 'pact' | 'now'>,
  a: { mode: 'new' | 'edit'; yearStatus: AgendaYearRow['status']; organisation: Pick<OrganisationStanding, 'left_on'> },
): Extract<ActivityRefusal, { reason: 'year-locked' | 'partner-left' }> | null {
  if (a.mode === 'new' && partnerHasLeftOn(a.organisation.left_on, pactToday(ctx))) return { reason: 'partner-left', leftOn: a.organisation.left_on! };
  if (a.yearStatus !== 'open' && !actsAsCoordinator(ctx)) return { reason: 'year-locked' };
  return null;
}

async function checkChoices(tx: Executor, pactId: string, input: ActivityInput, organisationId: string, currentPillarId: string | null): Promise<ActivityOutcome | null> {
  if (!(await pillarUsable(tx, pactId, input.pillarId, currentPillarId))) return { ok: false, reason: 'field', field: 'pillar', key: 'agenda.error.pillar' };
  const partnerIds = input.partnerIds.filter((id) => id !== organisationId);
  const found = await existingOrganisationIds(tx, pactId, partnerIds);
  if (found.size !== partnerIds.length) return { ok: false, reason: 'field', field: 'partners', key: 'agenda.error.partners' };
  return null;
}

/** Registers an activity of the organisation in the year, with its partners and indicators. */
export async function registerActivity(
  ctx: UseCaseContext,
  a: { year: AgendaYearRow; organisation: OrganisationStanding; input: ActivityInput },
): Promise<ActivityOutcome> {
  const { tx, pact } = ctx;
  const standing = standingRefusal(ctx, { mode: 'new', yearStatus: a.year.status, organisation: a.organisation });
  if (standing) return { ok: false, ...standing };
  const refused = await checkChoices(tx, pact.id, a.input, a.organisation.id, null);
  if (refused) return refused;
  const id = await insertActivity(tx, { pactId: pact.id, yearId: a.year.id, organisationId: a.organisation.id, input: a.input, by: actingPersonId(ctx), now: ctx.now });
  await replaceActivityPartners(tx, pact.id, id, a.input.partnerIds.filter((p) => p !== a.organisation.id));
  await replaceIndicators(tx, pact.id, id, a.input.indicators);
  await ctx.audit({
    action: 'activity.register', recordType: 'activity', recordId: id, purpose: 'pact-administration',
    details: { year: a.year.year, organisation: a.organisation.id, indicators: a.input.indicators.length, partners: a.input.partnerIds.length },
  });
  return { ok: true, id };
}

/** Saves a change of the activity, at the revision the form was made from (else 'stale'). */
export async function editActivity(ctx: UseCaseContext, activity: ActivityRow, input: ActivityInput): Promise<ActivityOutcome> {
  const { tx, pact } = ctx;
  if (activity.year_status !== 'open' && !actsAsCoordinator(ctx)) return { ok: false, reason: 'year-locked' };
  const refused = await checkChoices(tx, pact.id, input, activity.organisation_id, activity.pillar_id);
  if (refused) return refused;
  if (input.revision === undefined) return { ok: false, reason: 'stale' };
  if (!(await updateActivity(tx, pact.id, activity.id, input, input.revision, ctx.now))) return { ok: false, reason: 'stale' };
  await replaceActivityPartners(tx, pact.id, activity.id, input.partnerIds.filter((p) => p !== activity.organisation_id));
  await replaceIndicators(tx, pact.id, activity.id, input.indicators);
  await ctx.audit({
    action: 'activity.update', recordType: 'activity', recordId: activity.id, purpose: 'pact-administration',
    details: { year: activity.year, indicators: input.indicators.length, partners: input.partnerIds.length },
  });
  return { ok: true, id: activity.id };
}

/** Withdraws the activity: it leaves the agenda, the row stays. */
export async function withdrawActivity(ctx: UseCaseContext, activity: ActivityRow): Promise<ActivityOutcome> {
  if (activity.year_status !== 'open' && !actsAsCoordinator(ctx)) return { ok: false, reason: 'year-locked' };
  if (!(await markActivityWithdrawn(ctx.tx, ctx.pact.id, activity.id, ctx.now))) return { ok: false, reason: 'stale' };
  await ctx.audit({ action: 'activity.withdraw', recordType: 'activity', recordId: activity.id, purpose: 'pact-administration', details: { year: activity.year } });
  return { ok: true, id: activity.id };
}
