import type { UseCaseContext } from '../../../access/use-case.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { carryActivityInto, findAgendaYear, findCarryLinks, type ActivityRow, type AgendaYearRow, type CarryLink } from '../agenda/index.ts';
import { carryOverRefusal, type CarryOverPeriod, type CarryOverRefusal } from './carry-over.ts';

export type CarryOverResult = { ok: true; id: string; year: number } | { ok: false; refusal: CarryOverRefusal };

export interface CarryOverSituation {
  nextYear: AgendaYearRow | undefined;
  carried: CarryLink | null;
  refusal: CarryOverRefusal | null;
}

/** Where carrying this activity over stands: the next year, the activity it was carried into, and the refusal, if any. */
export async function carryOverSituation(tx: Executor, pactId: string, activity: ActivityRow): Promise<CarryOverSituation> {
  const [nextYear, links] = [await findAgendaYear(tx, pactId, activity.year + 1), await findCarryLinks(tx, pactId, activity)];
  const carried = links.to;
  const refusal = carryOverRefusal({
    year: activity.year, status: activity.status, withdrawn: activity.withdrawn_at !== null, pillarArchived: activity.pillar_archived,
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
export async function carryOverActivity(ctx: UseCaseContext, activity: ActivityRow, period: CarryOverPeriod): Promise<CarryOverResult> {
  const { nextYear, refusal } = await carryOverSituation(ctx.tx, ctx.pact.id, activity);
  if (refusal || !nextYear) return { ok: false, refusal: refusal ?? { reason: 'next-year-missing', nextYear: activity.year + 1 } };
  const id = await carryActivityInto(ctx, { activityId: activity.id, yearId: nextYear.id, startsOn: period.startsOn, endsOn: period.endsOn });
  if (!id) {
    const carried = (await findCarryLinks(ctx.tx, ctx.pact.id, activity)).to;
    return { ok: false, refusal: { reason: 'already-carried', carriedId: carried?.id ?? '', carriedYear: carried?.year ?? nextYear.year } };
  }
  await ctx.audit({
    action: 'activity.carry-over', recordType: 'activity', recordId: id, purpose: 'pact-administration',
    details: { from: activity.id, fromYear: activity.year, toYear: nextYear.year },
  });
  return { ok: true, id, year: nextYear.year };
}
