import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export interface PersonRow {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  is_system_admin: boolean;
  locale: 'nl' | 'en';
  deactivated_at: Date | null;
}

export async function findPersonByEmail(tx: Executor, email: string): Promise<PersonRow | undefined> {
  const r = await sql<PersonRow>`
    select id, email, display_name, password_hash, is_system_admin, locale, deactivated_at
      from person where email = ${email.trim().toLowerCase()}`.execute(tx);
  return r.rows[0];
}

export async function findPerson(tx: Executor, id: string): Promise<PersonRow | undefined> {
  const r = await sql<PersonRow>`
    select id, email, display_name, password_hash, is_system_admin, locale, deactivated_at
      from person where id = ${id}`.execute(tx);
  return r.rows[0];
}

export async function insertPerson(
  tx: Executor,
  p: { email: string; displayName: string; passwordHash: string | null; isSystemAdmin?: boolean; locale?: 'nl' | 'en' },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into person (email, display_name, password_hash, is_system_admin, locale)
    values (${p.email.trim().toLowerCase()}, ${p.displayName}, ${p.passwordHash}, ${p.isSystemAdmin ?? false}, ${p.locale ?? 'nl'})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function updatePersonProfile(tx: Executor, id: string, p: { displayName: string; locale: 'nl' | 'en' }): Promise<void> {
  await sql`update person set display_name = ${p.displayName}, locale = ${p.locale} where id = ${id}`.execute(tx);
}

export interface MembershipOverviewRow {
  pact_slug: string;
  pact_name: string;
  organisation_name: string | null;
  role: string;
  created_at: Date;
}

/** The caller's own memberships across pacts (row-level security allows a person's own rows). */
export async function listOwnMemberships(tx: Executor, personId: string): Promise<MembershipOverviewRow[]> {
  const r = await sql<MembershipOverviewRow>`
    select p.slug as pact_slug, p.name as pact_name, o.name as organisation_name, m.role, m.created_at
      from membership m
      join pact p on p.id = m.pact_id
      left join lateral (select name from organisation where id = m.organisation_id) o on true
     where m.person_id = ${personId} and m.ended_at is null
     order by p.name, m.role`.execute(tx);
  return r.rows;
}
