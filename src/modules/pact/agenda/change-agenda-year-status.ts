import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { applyAgendaYearAction, type AgendaYearAction } from './agenda-year-status.ts';
import { insertAgendaYearEvent, updateAgendaYear, type AgendaYearRow } from './agenda-queries.ts';

export type ChangeAgendaYearResult = { ok: true } | { ok: false; reason: 'not-allowed' | 'stale' };

/**
 * Locks or reopens registration, publishes or unpublishes the compiled agenda (the lifecycles in
 * agenda-year-status.ts), or only saves the introduction (`action` 'introduction'). The year is
 * written only as it was read (else 'stale'); each status change is an agenda_year_event.
 */
export async function changeAgendaYearStatus(
  ctx: UseCaseContext,
  year: AgendaYearRow,
  change: { action: AgendaYearAction | 'introduction'; introduction: string; note: string },
): Promise<ChangeAgendaYearResult> {
  const current = { status: year.status, published: year.published_at !== null };
  let next = current;
  let event = null;
  if (change.action !== 'introduction') {
    const t = applyAgendaYearAction(current, change.action);
    if (!t.ok) return { ok: false, reason: 'not-allowed' };
    next = t.state;
    event = t.event;
  }
  const publishedAt = next.published ? (year.published_at ?? ctx.now) : null;
  const introduction = change.action === 'introduction' ? change.introduction : year.introduction;
  const saved = await updateAgendaYear(ctx.tx, ctx.pact.id, year.id, { status: next.status, publishedAt, introduction }, year.updated_at, ctx.now);
  if (!saved) return { ok: false, reason: 'stale' };
  if (event) {
    await insertAgendaYearEvent(ctx.tx, { pactId: ctx.pact.id, yearId: year.id, kind: event, note: change.note, by: actingPersonId(ctx), at: ctx.now });
  }
  await ctx.audit({
    action: `agenda-year.${change.action}`, recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration',
    details: { year: year.year, status: next.status, published: next.published },
  });
  return { ok: true };
}
