import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

export interface TeamRow {
  id: string;
  name: string;
  members: number;
}

export async function listTeamsWithCounts(tx: Executor, pactId: string, organisationId: string): Promise<TeamRow[]> {
  const r = await sql<TeamRow>`
    select t.id, t.name, (select count(*) from membership m where m.team_id = t.id and m.ended_at is null)::int as members
      from team t where t.organisation_id = ${organisationId} and t.pact_id = ${pactId}
     order by t.name`.execute(tx);
  return r.rows;
}

/** A team, only if it belongs to this organisation of this pact. */
export async function findTeam(tx: Executor, pactId: string, organisationId: string, teamId: string): Promise<{ id: string; name: string } | undefined> {
  const r = await sql<{ id: string; name: string }>`
    select id, name from team where id = ${teamId} and organisation_id = ${organisationId} and pact_id = ${pactId}`.execute(tx);
  return r.rows[0];
}

/** Held until the transaction ends: two people naming teams of one organisation at once cannot both pick the same name. */
export async function lockTeamNames(tx: Executor, organisationId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`team-names:${organisationId}`}, 0))`.execute(tx);
}

/** Whether another team of the organisation has this name, ignoring case. */
export async function teamNameTaken(tx: Executor, pactId: string, organisationId: string, name: string, exceptId: string | null): Promise<boolean> {
  const r = await sql<{ found: boolean }>`
    select exists (select 1 from team where pact_id = ${pactId} and organisation_id = ${organisationId} and lower(name) = lower(${name})
                      and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)) as found`.execute(tx);
  return r.rows[0]!.found;
}

export async function insertTeam(tx: Executor, t: { pactId: string; organisationId: string; name: string; now: Date }): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into team (pact_id, organisation_id, name, created_at) values (${t.pactId}, ${t.organisationId}, ${t.name}, ${t.now})
    returning id`.execute(tx);
  return r.rows[0]!.id;
}

export async function renameTeamRow(tx: Executor, pactId: string, teamId: string, name: string): Promise<void> {
  await sql`update team set name = ${name} where id = ${teamId} and pact_id = ${pactId}`.execute(tx);
}
