import type { AuditWriter } from '../../../platform/import/index.ts';
import type { Tx } from '../../../platform/db/database.ts';
import { insertAgendaYear, insertAgendaYearEvent } from './agenda-queries.ts';

export type OpenAgendaYearResult = { ok: true; id: string } | { ok: false; reason: 'exists' };

/** Opens a year of the agenda for registration (unpublished); a year the pact already has is refused. */
export async function openAgendaYear(
  tx: Tx,
  a: { pactId: string; year: number; by: string | null; now: Date },
  audit: AuditWriter,
): Promise<OpenAgendaYearResult> {
  const id = await insertAgendaYear(tx, a.pactId, a.year, a.now);
  if (!id) return { ok: false, reason: 'exists' };
  await insertAgendaYearEvent(tx, { pactId: a.pactId, yearId: id, kind: 'opened', note: '', by: a.by, at: a.now });
  await audit({ action: 'agenda-year.open', recordType: 'agenda_year', recordId: id, purpose: 'pact-administration', details: { year: a.year } });
  return { ok: true, id };
}
