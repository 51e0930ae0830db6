// The administrator's reads and writes of pacts. System code: these run outside row-level
// security (the routes are `system: true`), so every query names the pact it concerns.
import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { StatusStore } from '../../platform/lifecycle/change-status.ts';
import type { PactStatus } from './status.ts';

export interface AdminPactListRow {
  id: string;
  slug: string;
  name: string;
  jurisdiction: 'NL' | 'BE-VLG';
  municipality: string;
  status: PactStatus;
  organisations: number;
  members: number;
}

export async function listAllPacts(tx: Executor): Promise<AdminPactListRow[]> {
  const r = await sql<AdminPactListRow>`
    select p.id, p.slug, p.name, p.jurisdiction, p.municipality, p.status,
           (select count(*) from organisation o where o.pact_id = p.id)::int as organisations,
           (select count(distinct m.person_id) from membership m where m.pact_id = p.id and m.ended_at is null)::int as members
      from pact p order by p.name, p.slug`.execute(tx);
  return r.rows;
}

export interface AdminPactRow extends AdminPactListRow {
  default_locale: 'nl' | 'en';
  created_at: Date;
}

export async function findPactForAdmin(tx: Executor, id: string, forUpdate = false): Promise<AdminPactRow | undefined> {
  const lock = forUpdate ? sql`for update of p` : sql``;
  const r = await sql<AdminPactRow>`
    select p.id, p.slug, p.name, p.jurisdiction, p.municipality, p.status, p.default_locale, p.created_at,
           (select count(*) from organisation o where o.pact_id = p.id)::int as organisations,
           (select count(distinct m.person_id) from membership m where m.pact_id = p.id and m.ended_at is null)::int as members
      from pact p where p.id = ${id}
      ${lock}`.execute(tx);
  return r.rows[0];
}

/** Inserts the pact unless the slug is taken (then null): no failing statement, so the transaction stays usable. */
export async function insertPact(
  tx: Executor,
  p: { slug: string; name: string; municipality: string; jurisdiction: 'NL' | 'BE-VLG'; defaultLocale: 'nl' | 'en'; now: Date },
): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into pact (slug, name, municipality, jurisdiction, default_locale, created_at, updated_at)
    values (${p.slug}, ${p.name}, ${p.municipality}, ${p.jurisdiction}, ${p.defaultLocale}, ${p.now}, ${p.now})
    on conflict on constraint pact_slug_key do nothing
    returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}

/** Where a pact's status and its history are kept, for `changeStatus` (src/platform/lifecycle). */
export const pactStatusStore: StatusStore = { table: 'pact', history: { table: 'pact_status_change', recordColumn: 'pact_id' } };

/** The id of the pact's newest status change (the caller holds the pact's row lock, so it is the one just made). */
export async function latestPactStatusChangeId(tx: Executor, pactId: string): Promise<string> {
  const r = await sql<{ id: string }>`
    select max(id)::text as id from pact_status_change where pact_id = ${pactId}`.execute(tx);
  return r.rows[0]!.id;
}

export interface StatusChangeRow {
  id: string;
  from_status: string;
  to_status: string;
  reason: string;
  changed_at: Date;
  changed_by: string;
  changed_by_name: string;
}

export async function listPactStatusChanges(tx: Executor, pactId: string): Promise<StatusChangeRow[]> {
  const r = await sql<StatusChangeRow>`
    select c.id::text as id, c.from_status, c.to_status, c.reason, c.changed_at, c.changed_by, p.display_name as changed_by_name
      from pact_status_change c join person p on p.id = c.changed_by
     where c.pact_id = ${pactId} order by c.id desc`.execute(tx);
  return r.rows;
}

export interface OpenCoordinatorInvitationRow {
  id: string;
  email: string;
  created_at: Date;
  expires_at: Date;
}

/** Open invitations of the pact without organisation (its first coordinator, invited from here). */
export async function listOpenPactInvitations(tx: Executor, pactId: string, now: Date): Promise<OpenCoordinatorInvitationRow[]> {
  const r = await sql<OpenCoordinatorInvitationRow>`
    select id, email, created_at, expires_at from invitation
     where pact_id = ${pactId} and organisation_id is null and accepted_at is null and revoked_at is null and expires_at > ${now}
     order by created_at desc, id`.execute(tx);
  return r.rows;
}
