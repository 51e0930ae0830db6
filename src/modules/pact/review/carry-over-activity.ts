import type { Tx } from '../../../platform/db/database.ts';
import type { AuditWriter } from '../../../platform/import/index.ts';
import { carryOverRefusal, type CarryOverPeriod, type CarryOverRefusal } from './carry-over.ts';
import { findCarriedInto, findYear, insertCarriedActivity, type ActivityRow } from './review-queries.ts';

export type CarryOverResult = { ok: true; id: string; year: number } | { ok: false; refusal: CarryOverRefusal };

/** Where carrying this activity over stands: the next year and the refusal, if any. */
export async function carryOverSituation(tx: Tx, pactId: string, activity: ActivityRow) {
  const [nextYear, carried] = [await findYear(tx, pactId, activity.year + 1), await findCarriedInto(tx, pactId, activity.id)];
  const refusal = carryOverRefusal({
    year: activity.year, status: activity.status, withdrawn: activity.withdrawn, pillarArchived: activity.pillar_archived,
    carried: carried ? { id: carried.id, year: carried.year } : null,
    nextYear: nextYear ? { status: nextYear.status } : null,
  });
  return { nextYear, carried, refusal };
}

/**
 * Carries an unfinished activity into the next year (same organisation, pillar, texts, partners
 * and indicator targets; the new period), linked back through carried_from_id. At most once: a
 * second request, also one at the same moment, gets the refusal naming the carried activity.
 */
export async function carryOverActivity(
  tx: Tx,
  input: { pactId: string; activity: ActivityRow; period: CarryOverPeriod; personId: string | null; now: Date },
  audit: AuditWriter,
): Promise<CarryOverResult> {
  const { nextYear, refusal } = await carryOverSituation(tx, input.pactId, input.activity);
  if (refusal || !nextYear) return { ok: false, refusal: refusal ?? { reason: 'next-year-missing', nextYear: input.activity.year + 1 } };
  const id = await insertCarriedActivity(tx, {
    pactId: input.pactId, activityId: input.activity.id, nextYearId: nextYear.id, startsOn: input.period.startsOn, endsOn: input.period.endsOn,
    personId: input.personId, now: input.now,
  });
  if (!id) {
    const carried = await findCarriedInto(tx, input.pactId, input.activity.id);
    return { ok: false, refusal: { reason: 'already-carried', carriedId: carried?.id ?? '', carriedYear: carried?.year ?? nextYear.year } };
  }
  await audit({
    action: 'activity.carry-over', recordType: 'activity', recordId: id, purpose: 'pact-administration',
    details: { from: input.activity.id, fromYear: input.activity.year, toYear: nextYear.year },
  });
  return { ok: true, id, year: nextYear.year };
}
