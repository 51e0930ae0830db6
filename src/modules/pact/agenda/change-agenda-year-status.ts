import type { AuditWriter } from '../../../platform/import/index.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { applyAgendaYearAction, type AgendaYearAction } from './agenda-year-status.ts';
import { insertAgendaYearEvent, updateAgendaYear, type AgendaYearRow } from './agenda-queries.ts';

export type ChangeAgendaYearResult = { ok: true } | { ok: false; reason: 'not-allowed' | 'stale' };

/**
 * Locks or reopens registration, publishes or unpublishes the compiled agenda, or only saves the
 * introduction (`action` 'introduction'). Each status change is an agenda_year_event.
 */
export async function changeAgendaYearStatus(
  tx: Tx,
  a: { pactId: string; year: AgendaYearRow; action: AgendaYearAction | 'introduction'; introduction: string; note: string; by: string | null; now: Date },
  audit: AuditWriter,
): Promise<ChangeAgendaYearResult> {
  const current = { status: a.year.status, published: a.year.published_at !== null };
  let next = current;
  let event = null;
  if (a.action !== 'introduction') {
    const t = applyAgendaYearAction(current, a.action);
    if (!t.ok) return { ok: false, reason: 'not-allowed' };
    next = t.state;
    event = t.event;
  }
  const publishedAt = next.published ? (a.year.published_at ?? a.now) : null;
  const introduction = a.action === 'introduction' ? a.introduction : a.year.introduction;
  const saved = await updateAgendaYear(tx, a.pactId, a.year.id, { status: next.status, publishedAt, introduction }, a.year.updated_at, a.now);
  if (!saved) return { ok: false, reason: 'stale' };
  if (event) await insertAgendaYearEvent(tx, { pactId: a.pactId, yearId: a.year.id, kind: event, note: a.note, by: a.by, at: a.now });
  await audit({
    action: `agenda-year.${a.action}`, recordType: 'agenda_year', recordId: a.year.id, purpose: 'pact-administration',
    details: { year: a.year.year, status: next.status, published: next.published },
  });
  return { ok: true };
}
