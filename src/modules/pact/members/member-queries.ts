import { sql } from 'kysely';
import type { Role } from '../../../access/policy.ts';
import type { Executor } from '../../../platform/db/database.ts';
import type { MembershipEndKind } from './membership-change.ts';

export interface MembershipRow {
  id: string;
  person_id: string;
  display_name: string;
  email: string;
  role: Role;
  team_id: string | null;
  team_name: string | null;
  created_at: Date;
  ended_at: Date | null;
  end_kind: MembershipEndKind | null;
  end_reason: string | null;
  ended_by_name: string | null;
}

const membershipColumns = sql`
  m.id, m.person_id, p.display_name, p.email, m.role, m.team_id, t.name as team_name, m.created_at, m.ended_at,
  e.kind as end_kind, e.reason as end_reason, b.display_name as ended_by_name`;
const membershipJoins = sql`
  join person p on p.id = m.person_id
  left join team t on t.id = m.team_id
  left join membership_end e on e.membership_id = m.id
  left join person b on b.id = e.ended_by`;

/** Every membership row of an organisation of the pact, current and ended. */
export async function listMemberships(tx: Executor, pactId: string, organisationId: string): Promise<MembershipRow[]> {
  const r = await sql<MembershipRow>`
    select ${membershipColumns}
      from membership m ${membershipJoins}
     where m.organisation_id = ${organisationId} and m.pact_id = ${pactId}
     order by m.ended_at desc nulls first, p.display_name, m.role, m.created_at`.execute(tx);
  return r.rows;
}

/** One membership row, only if it belongs to this organisation of this pact. */
export async function findMembership(tx: Executor, pactId: string, organisationId: string, membershipId: string): Promise<MembershipRow | undefined> {
  const r = await sql<MembershipRow>`
    select ${membershipColumns}
      from membership m ${membershipJoins}
     where m.id = ${membershipId} and m.organisation_id = ${organisationId} and m.pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

/** The rows of one person in one organisation, newest first: the history shown beside a membership. */
export async function listPersonHistory(tx: Executor, pactId: string, organisationId: string, personId: string): Promise<MembershipRow[]> {
  const r = await sql<MembershipRow>`
    select ${membershipColumns}
      from membership m ${membershipJoins}
     where m.organisation_id = ${organisationId} and m.person_id = ${personId} and m.pact_id = ${pactId}
     order by m.created_at desc, m.ended_at desc nulls first`.execute(tx);
  return r.rows;
}

/**
 * Held until the transaction ends: membership changes in one pact happen one at a time, so two
 * admins who end each other at the same moment cannot both pass the last-admin check.
 */
export async function lockMemberships(tx: Executor, pactId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`memberships:${pactId}`}, 0))`.execute(tx);
}

/** Active partner admins of the organisation and active coordinators of the pact. */
export async function countAdministrators(tx: Executor, pactId: string, organisationId: string): Promise<{ partnerAdmins: number; coordinators: number }> {
  const r = await sql<{ partner_admins: number; coordinators: number }>`
    select count(*) filter (where role = 'partner_admin' and organisation_id = ${organisationId})::int as partner_admins,
           count(*) filter (where role = 'pact_coordinator')::int as coordinators
      from membership where pact_id = ${pactId} and ended_at is null`.execute(tx);
  return { partnerAdmins: r.rows[0]!.partner_admins, coordinators: r.rows[0]!.coordinators };
}

export async function holdsActiveRole(tx: Executor, pactId: string, personId: string, organisationId: string, role: Role): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    select exists (select 1 from membership
                    where pact_id = ${pactId} and person_id = ${personId} and organisation_id = ${organisationId}
                      and role = ${role} and ended_at is null) as found`.execute(tx);
  return r.rows[0]!.found;
}

/** Ends the row if it is still current; false when someone ended it first. */
export async function endMembershipRow(tx: Executor, pactId: string, membershipId: string, now: Date): Promise<boolean> {
  const r = await sql`update membership set ended_at = ${now} where id = ${membershipId} and pact_id = ${pactId} and ended_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function insertMembershipRow(
  tx: Executor,
  m: { pactId: string; personId: string; organisationId: string; teamId: string | null; role: Role; now: Date },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into membership (pact_id, person_id, organisation_id, team_id, role, created_at)
    values (${m.pactId}, ${m.personId}, ${m.organisationId}, ${m.teamId}, ${m.role}, ${m.now})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function insertMembershipEnd(
  tx: Executor,
  e: { membershipId: string; pactId: string; kind: MembershipEndKind; reason: string; endedBy: string; now: Date; successorId: string | null },
): Promise<void> {
  await sql`
    insert into membership_end (membership_id, pact_id, kind, reason, ended_by, ended_at, successor_id)
    values (${e.membershipId}, ${e.pactId}, ${e.kind}, ${e.reason}, ${e.endedBy}, ${e.now}, ${e.successorId})`.execute(tx);
}
