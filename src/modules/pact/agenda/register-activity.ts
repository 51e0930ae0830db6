// Registering, changing and withdrawing a partner's activity. The rules of who may when:
// - a year locked for registration takes no new or changed activities from partners; the pact's
//   coordinators may still correct them;
// - a partner that has left the pact registers nothing new (its activities stay in the agenda);
// - the pillar must be one that is not archived (an activity keeps its archived pillar on edit);
// - the pillar and the partners involved must be the pact's (another pact's ids are field errors).
import type { AuditWriter } from '../../../platform/import/index.ts';
import type { Tx } from '../../../platform/db/database.ts';
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

async function checkChoices(tx: Tx, pactId: string, input: ActivityInput, organisationId: string, currentPillarId: string | null): Promise<ActivityOutcome | null> {
  if (!(await pillarUsable(tx, pactId, input.pillarId, currentPillarId))) return { ok: false, reason: 'field', field: 'pillar', key: 'agenda.error.pillar' };
  const partnerIds = input.partnerIds.filter((id) => id !== organisationId);
  const found = await existingOrganisationIds(tx, pactId, partnerIds);
  if (found.size !== partnerIds.length) return { ok: false, reason: 'field', field: 'partners', key: 'agenda.error.partners' };
  return null;
}

export async function registerActivity(
  tx: Tx,
  a: { pactId: string; year: AgendaYearRow; organisation: OrganisationStanding; input: ActivityInput; isCoordinator: boolean; today: string; by: string | null; now: Date },
  audit: AuditWriter,
): Promise<ActivityOutcome> {
  if (partnerHasLeftOn(a.organisation.left_on, a.today)) return { ok: false, reason: 'partner-left', leftOn: a.organisation.left_on! };
  if (a.year.status !== 'open' && !a.isCoordinator) return { ok: false, reason: 'year-locked' };
  const refused = await checkChoices(tx, a.pactId, a.input, a.organisation.id, null);
  if (refused) return refused;
  const id = await insertActivity(tx, { pactId: a.pactId, yearId: a.year.id, organisationId: a.organisation.id, input: a.input, by: a.by, now: a.now });
  await replaceActivityPartners(tx, a.pactId, id, a.input.partnerIds.filter((p) => p !== a.organisation.id));
  await replaceIndicators(tx, a.pactId, id, a.input.indicators);
  await audit({
    action: 'activity.register', recordType: 'activity', recordId: id, purpose: 'pact-administration',
    details: { year: a.year.year, organisation: a.organisation.id, indicators: a.input.indicators.length, partners: a.input.partnerIds.length },
  });
  return { ok: true, id };
}

/** The edit version as an ISO instant, or null when the form had none; undefined when it cannot be ours (stale). */
export function editVersion(raw: string): string | null | undefined {
  if (raw === '') return null;
  const ms = Date.parse(raw);
  if (!Number.isFinite(ms) || ms < 0 || ms >= Date.UTC(10000, 0, 1)) return undefined;
  return new Date(ms).toISOString();
}

export async function editActivity(
  tx: Tx,
  a: { pactId: string; activity: ActivityRow; input: ActivityInput; isCoordinator: boolean; now: Date },
  audit: AuditWriter,
): Promise<ActivityOutcome> {
  if (a.activity.year_status !== 'open' && !a.isCoordinator) return { ok: false, reason: 'year-locked' };
  const refused = await checkChoices(tx, a.pactId, a.input, a.activity.organisation_id, a.activity.pillar_id);
  if (refused) return refused;
  const version = editVersion(a.input.version);
  if (version === undefined) return { ok: false, reason: 'stale' };
  if (!(await updateActivity(tx, a.pactId, a.activity.id, a.input, version, a.now))) return { ok: false, reason: 'stale' };
  await replaceActivityPartners(tx, a.pactId, a.activity.id, a.input.partnerIds.filter((p) => p !== a.activity.organisation_id));
  await replaceIndicators(tx, a.pactId, a.activity.id, a.input.indicators);
  await audit({
    action: 'activity.update', recordType: 'activity', recordId: a.activity.id, purpose: 'pact-administration',
    details: { year: a.activity.year, indicators: a.input.indicators.length, partners: a.input.partnerIds.length },
  });
  return { ok: true, id: a.activity.id };
}

export async function withdrawActivity(
  tx: Tx,
  a: { pactId: string; activity: ActivityRow; isCoordinator: boolean; now: Date },
  audit: AuditWriter,
): Promise<ActivityOutcome> {
  if (a.activity.year_status !== 'open' && !a.isCoordinator) return { ok: false, reason: 'year-locked' };
  if (!(await markActivityWithdrawn(tx, a.pactId, a.activity.id, a.now))) return { ok: false, reason: 'stale' };
  await audit({ action: 'activity.withdraw', recordType: 'activity', recordId: a.activity.id, purpose: 'pact-administration', details: { year: a.activity.year } });
  return { ok: true, id: a.activity.id };
}
