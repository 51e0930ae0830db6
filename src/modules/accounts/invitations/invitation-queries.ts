import { sql } from 'kysely';
import type { Role } from '../../../access/policy.ts';
import type { Executor } from '../../../platform/db/database.ts';

export interface OpenInvitationRow {
  id: string;
  email: string;
  role: Role;
  created_at: Date;
  expires_at: Date;
}

/** An organisation of the request's pact; undefined for another pact's (row-level security hides those too). */
export async function findOrganisationName(tx: Executor, pactId: string, organisationId: string): Promise<{ id: string; name: string } | undefined> {
  const r = await sql<{ id: string; name: string }>`
    select id, name from organisation where id = ${organisationId} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export async function listOpenInvitations(tx: Executor, pactId: string, organisationId: string, now: Date): Promise<OpenInvitationRow[]> {
  const r = await sql<OpenInvitationRow>`
    select id, email, role, created_at, expires_at from invitation
     where pact_id = ${pactId} and organisation_id = ${organisationId} and accepted_at is null and revoked_at is null and expires_at > ${now}
     order by created_at desc, id`.execute(tx);
  return r.rows;
}

/** Whether the person with this e-mail address already holds this role in this organisation. */
export async function hasActiveMembership(tx: Executor, pactId: string, email: string, organisationId: string, role: Role): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    select exists (
      select 1 from membership m join person p on p.id = m.person_id
       where m.pact_id = ${pactId} and p.email = ${email} and m.organisation_id = ${organisationId} and m.role = ${role} and m.ended_at is null
    ) as found`.execute(tx);
  return r.rows[0]!.found;
}

/** Withdraws the open invitations for the same address, organisation and role; returns their ids. */
export async function revokeOpenInvitationsFor(
  tx: Executor,
  i: { pactId: string; email: string; organisationId: string; role: Role; now: Date },
): Promise<string[]> {
  const r = await sql<{ id: string }>`
    update invitation set revoked_at = ${i.now}
     where pact_id = ${i.pactId} and organisation_id = ${i.organisationId} and email = ${i.email} and role = ${i.role}
       and accepted_at is null and revoked_at is null
    returning id`.execute(tx);
  return r.rows.map((row) => row.id);
}

export async function insertInvitation(
  tx: Executor,
  i: { pactId: string; organisationId: string | null; role: Role; email: string; invitedBy: string; tokenHash: string; now: Date; expiresAt: Date },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into invitation (pact_id, organisation_id, role, email, invited_by, token_hash, created_at, expires_at)
    values (${i.pactId}, ${i.organisationId}, ${i.role}, ${i.email}, ${i.invitedBy}, ${i.tokenHash}, ${i.now}, ${i.expiresAt})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export interface InvitationRow {
  id: string;
  pact_id: string;
  /** Null for a pact coordinator invited by the system administrator into a new pact (migration 0009). */
  organisation_id: string | null;
  role: Role;
  email: string;
  expires_at: Date;
  accepted_at: Date | null;
  revoked_at: Date | null;
}

/** By id, within the request's pact (and row-level security). */
export async function findInvitation(tx: Executor, pactId: string, id: string): Promise<InvitationRow | undefined> {
  const r = await sql<InvitationRow>`
    select id, pact_id, organisation_id, role, email, expires_at, accepted_at, revoked_at
      from invitation where id = ${id} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

export async function revokeInvitation(tx: Executor, pactId: string, id: string, now: Date): Promise<boolean> {
  const r = await sql`
    update invitation set revoked_at = ${now} where id = ${id} and pact_id = ${pactId} and accepted_at is null and revoked_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface InvitationByTokenRow extends InvitationRow {
  pact_slug: string;
  pact_name: string;
  pact_status: 'active' | 'suspended';
  pact_default_locale: 'nl' | 'en';
  organisation_name: string | null;
}

/**
 * System code only (no pact context yet): the invitation named by a link, by the token's hash and
 * nothing else. `forUpdate` locks it, so that two clicks on the same link accept it once.
 */
export async function findInvitationByTokenHash(tx: Executor, tokenHash: string, forUpdate = false): Promise<InvitationByTokenRow | undefined> {
  const lock = forUpdate ? sql`for update of i` : sql``;
  const r = await sql<InvitationByTokenRow>`
    select i.id, i.pact_id, i.organisation_id, i.role, i.email, i.expires_at, i.accepted_at, i.revoked_at,
           p.slug as pact_slug, p.name as pact_name, p.status as pact_status, p.default_locale as pact_default_locale,
           o.name as organisation_name
      from invitation i
      join pact p on p.id = i.pact_id
      left join organisation o on o.id = i.organisation_id
     where i.token_hash = ${tokenHash}
     ${lock}`.execute(tx);
  return r.rows[0];
}

/**
 * Held until the transaction ends: two invitations for the same new address accepted at the same
 * moment make one account, and the second finds it (instead of failing on the unique address).
 */
export async function lockEmail(tx: Executor, email: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`person-email:${email}`}, 0))`.execute(tx);
}

/** System code only. */
export async function markInvitationAccepted(tx: Executor, id: string, personId: string, now: Date): Promise<void> {
  await sql`update invitation set accepted_at = ${now}, accepted_person_id = ${personId}
             where id = ${id} and accepted_at is null and revoked_at is null`.execute(tx);
}

/** System code only. Adds the membership unless the person already holds it (then nothing changes). */
export async function insertMembership(
  tx: Executor,
  m: { pactId: string; personId: string; organisationId: string | null; role: Role; now: Date },
): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into membership (pact_id, person_id, organisation_id, role, created_at)
    values (${m.pactId}, ${m.personId}, ${m.organisationId}, ${m.role}, ${m.now})
    on conflict do nothing
    returning id`.execute(tx);
  return r.rows[0]?.id ?? null;
}
