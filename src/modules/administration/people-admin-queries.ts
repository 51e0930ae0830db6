// The administrator's reads and writes of people. System code: these run outside row-level
// security (the routes are `system: true`), across every pact.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { StatusStore } from '../../platform/lifecycle/change-status.ts';
import type { StatusChangeRow } from './pact-admin-queries.ts';

export interface AdminPersonListRow {
  id: string;
  email: string;
  display_name: string;
  is_system_admin: boolean;
  deactivated_at: Date | null;
  memberships: number;
}

/** `%`, `_` and `\` in the search text match themselves, not any character. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** People whose name or e-mail address contains `q` (case-insensitive), by name; one page plus one row to tell whether there is more. */
export async function searchPeople(tx: Executor, q: string, limit: number, offset: number): Promise<AdminPersonListRow[]> {
  const pattern = likePattern(q);
  const r = await sql<AdminPersonListRow>`
    select p.id, p.email, p.display_name, p.is_system_admin, p.deactivated_at,
           (select count(*) from membership m where m.person_id = p.id and m.ended_at is null)::int as memberships
      from person p
     where ${q} = '' or p.display_name ilike ${pattern} escape '\\' or p.email ilike ${pattern} escape '\\'
     order by lower(p.display_name), p.email, p.id
     limit ${limit + 1} offset ${offset}`.execute(tx);
  return r.rows;
}

export interface AdminPersonRow {
  id: string;
  email: string;
  display_name: string;
  is_system_admin: boolean;
  locale: 'nl' | 'en';
  created_at: Date;
  deactivated_at: Date | null;
}

export async function findPersonForAdmin(tx: Executor, id: string, forUpdate = false): Promise<AdminPersonRow | undefined> {
  const lock = forUpdate ? sql`for update` : sql``;
  const r = await sql<AdminPersonRow>`
    select id, email, display_name, is_system_admin, locale, created_at, deactivated_at
      from person where id = ${id}
      ${lock}`.execute(tx);
  return r.rows[0];
}

export interface AdminMembershipRow {
  id: string;
  pact_id: string;
  pact_slug: string;
  pact_name: string;
  organisation_name: string | null;
  role: string;
  created_at: Date;
  ended_at: Date | null;
}

/** Every membership of the person in every pact, current ones first. */
export async function listMembershipsOfPerson(tx: Executor, personId: string): Promise<AdminMembershipRow[]> {
  const r = await sql<AdminMembershipRow>`
    select m.id, m.pact_id, p.slug as pact_slug, p.name as pact_name, o.name as organisation_name, m.role, m.created_at, m.ended_at
      from membership m
      join pact p on p.id = m.pact_id
      left join organisation o on o.id = m.organisation_id
     where m.person_id = ${personId}
     order by (m.ended_at is null) desc, p.name, m.role, m.created_at`.execute(tx);
  return r.rows;
}

export async function countActiveSessions(tx: Executor, personId: string, now: Date): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from session where person_id = ${personId} and expires_at > ${now}`.execute(tx);
  return r.rows[0]!.n;
}

export async function setPersonDeactivated(tx: Executor, id: string, deactivatedAt: Date | null): Promise<void> {
  await sql`update person set deactivated_at = ${deactivatedAt} where id = ${id}`.execute(tx);
}

/**
 * Where a person's status history is kept, for `appendStatusHistory` (src/platform/lifecycle). The
 * status itself is `person.deactivated_at`, set by setPersonDeactivated.
 */
export const personStatusStore: StatusStore = { table: 'person', history: { table: 'person_status_change', recordColumn: 'person_id' } };

/** The id of the person's newest status change (the caller holds the person's row lock, so it is the one just made). */
export async function latestPersonStatusChangeId(tx: Executor, personId: string): Promise<string> {
  const r = await sql<{ id: string }>`
    select max(id)::text as id from person_status_change where person_id = ${personId}`.execute(tx);
  return r.rows[0]!.id;
}

export async function listPersonStatusChanges(tx: Executor, personId: string): Promise<StatusChangeRow[]> {
  const r = await sql<StatusChangeRow>`
    select c.id::text as id, c.from_status, c.to_status, c.reason, c.changed_at, c.changed_by, p.display_name as changed_by_name
      from person_status_change c join person p on p.id = c.changed_by
     where c.person_id = ${personId} order by c.id desc`.execute(tx);
  return r.rows;
}
