/** Adds a team to an organisation, or renames one; a name another team of the organisation has (in any case) is refused. */
import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { insertTeam, lockTeamNames, renameTeamRow, teamNameTaken } from './team-queries.ts';

export type TeamNameOutcome = { ok: true; teamId: string } | { ok: false; reason: 'name-taken' };

export async function addTeam(
  tx: Executor,
  input: { pactId: string; organisationId: string; name: string; now: Date },
  audit: RouteContext['audit'],
): Promise<TeamNameOutcome> {
  await lockTeamNames(tx, input.organisationId);
  if (await teamNameTaken(tx, input.pactId, input.organisationId, input.name, null)) return { ok: false, reason: 'name-taken' };
  const teamId = await insertTeam(tx, input);
  await audit({ action: 'team.create', recordType: 'team', recordId: teamId, purpose: 'pact-administration', details: { organisation: input.organisationId } });
  return { ok: true, teamId };
}

export async function renameTeam(
  tx: Executor,
  input: { pactId: string; organisationId: string; teamId: string; name: string },
  audit: RouteContext['audit'],
): Promise<TeamNameOutcome> {
  await lockTeamNames(tx, input.organisationId);
  if (await teamNameTaken(tx, input.pactId, input.organisationId, input.name, input.teamId)) return { ok: false, reason: 'name-taken' };
  await renameTeamRow(tx, input.pactId, input.teamId, input.name);
  await audit({ action: 'team.rename', recordType: 'team', recordId: input.teamId, purpose: 'pact-administration', details: { organisation: input.organisationId } });
  return { ok: true, teamId: input.teamId };
}
