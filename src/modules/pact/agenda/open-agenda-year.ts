import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { insertAgendaYear, insertAgendaYearEvent } from './agenda-queries.ts';

export type OpenAgendaYearResult = { ok: true; id: string } | { ok: false; reason: 'exists' };

/** Opens a year of the agenda for registration (unpublished); a year the pact already has is refused. */
export async function openAgendaYear(ctx: UseCaseContext, year: number): Promise<OpenAgendaYearResult> {
  const id = await insertAgendaYear(ctx.tx, ctx.pact.id, year, ctx.now);
  if (!id) return { ok: false, reason: 'exists' };
  await insertAgendaYearEvent(ctx.tx, { pactId: ctx.pact.id, yearId: id, kind: 'opened', note: '', by: actingPersonId(ctx), at: ctx.now });
  await ctx.audit({ action: 'agenda-year.open', recordType: 'agenda_year', recordId: id, purpose: 'pact-administration', details: { year } });
  return { ok: true, id };
}
