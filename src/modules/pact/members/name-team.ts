/** Adds a team to an organisation, or renames one; a name another team of the organisation has (in any case) is refused. */
import type { UseCaseContext } from '../../../access/use-case.ts';
import { insertTeam, lockTeamNames, renameTeamRow, teamNameTaken } from './team-queries.ts';

export type TeamNameOutcome = { ok: true; teamId: string } | { ok: false; reason: 'name-taken' };

export async function addTeam(ctx: UseCaseContext, input: { organisationId: string; name: string }): Promise<TeamNameOutcome> {
  const { tx, pact } = ctx;
  await lockTeamNames(tx, input.organisationId);
  if (await teamNameTaken(tx, pact.id, input.organisationId, input.name, null)) return { ok: false, reason: 'name-taken' };
  const teamId = await insertTeam(tx, { pactId: pact.id, organisationId: input.organisationId, name: input.name, now: ctx.now });
  await ctx.audit({ action: 'team.create', recordType: 'team', recordId: teamId, purpose: 'pact-administration', details: { organisation: input.organisationId } });
  return { ok: true, teamId };
}

export async function renameTeam(ctx: UseCaseContext, input: { organisationId: string; teamId: string; name: string }): Promise<TeamNameOutcome> {
  const { tx, pact } = ctx;
  await lockTeamNames(tx, input.organisationId);
  if (await teamNameTaken(tx, pact.id, input.organisationId, input.name, input.teamId)) return { ok: false, reason: 'name-taken' };
  await renameTeamRow(tx, pact.id, input.teamId, input.name);
  await ctx.audit({ action: 'team.rename', recordType: 'team', recordId: input.teamId, purpose: 'pact-administration', details: { organisation: input.organisationId } });
  return { ok: true, teamId: input.teamId };
}
