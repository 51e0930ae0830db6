// Members and teams of an organisation: who works there in which role and team, changing a role or
// team, ending a membership (history stays), and the organisation's teams. The pact's coordinators
// for every organisation, a partner admin for their own (`organisation:manage-members`). The
// member page and the teams page are formPages: their forms post, keep the input on a refusal, and
// redirect on success.
import { z } from 'zod';
import { done, formPage, refuse } from '../../../access/form-page.ts';
import { can } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import type { FieldErrors } from '../../../platform/forms.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { findOrganisation } from '../pact-queries.ts';
import { changeMembership } from './change-membership.ts';
import { endMembership } from './end-membership.ts';
import { MemberPage, MembersPage, TeamsPage } from './member-pages.tsx';
import { findMembership, listMemberships, listPersonHistory, type MembershipRow } from './member-queries.ts';
import { isCoordinator, managingPerson, mayManage, rolesGivableBy, type MembershipChangeRefusal } from './membership-change.ts';
import { endMembershipForm, membershipForm, teamForm } from './members-forms.ts';
import { addTeam, renameTeam } from './name-team.ts';
import { findTeam, listTeamsWithCounts, type TeamRow } from './team-queries.ts';

const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const membershipParams = z.object({ pact: pactSlugParam, org: z.uuid(), membership: z.uuid() });
// The teams page and its rename forms: `team` is in the path of a rename only.
const teamsParams = z.object({ pact: pactSlugParam, org: z.uuid(), team: z.uuid().optional() });

type Organisation = { id: string; name: string };
type PactCtx = RouteContext<{ pact: string; org: string }, `/p/:pact${string}`>;

async function loadOrganisation(ctx: PactCtx): Promise<Organisation> {
  // Bounded by the pact (and by row-level security): an organisation of another pact is not there.
  const organisation = await findOrganisation(ctx.tx, ctx.pact.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return { id: organisation.id, name: organisation.name };
}

async function loadMembership(ctx: RouteContext<z.output<typeof membershipParams>, `/p/:pact${string}`>): Promise<{ organisation: Organisation; membership: MembershipRow }> {
  const organisation = await loadOrganisation(ctx);
  const membership = await findMembership(ctx.tx, ctx.pact.id, organisation.id, ctx.params.membership);
  if (!membership) throw new HttpError(404);
  return { organisation, membership };
}

async function loadTeams(ctx: RouteContext<z.output<typeof teamsParams>, `/p/:pact${string}`>): Promise<{ organisation: Organisation; teams: TeamRow[]; team: { id: string; name: string } | null }> {
  const organisation = await loadOrganisation(ctx);
  const team = ctx.params.team ? await findTeam(ctx.tx, ctx.pact.id, organisation.id, ctx.params.team) : null;
  if (team === undefined) throw new HttpError(404);
  return { organisation, teams: await listTeamsWithCounts(ctx.tx, ctx.pact.id, organisation.id), team };
}

/** Refusals that concern the whole form (409: the state of the organisation, not the input, is in the way). */
const conflictMessages: Partial<Record<MembershipChangeRefusal | 'already-ended' | 'already-holds-role', MessageKey>> = {
  'last-partner-admin': 'members.lastPartnerAdmin',
  'last-coordinator': 'members.lastCoordinator',
  'already-ended': 'members.alreadyEnded',
};

export const memberRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/members',
    permission: 'organisation:manage-members',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const { c, tx, pact, actor, audit } = ctx;
      const organisation = await loadOrganisation(ctx);
      const memberships = await listMemberships(tx, pact.id, organisation.id);
      await audit({
        action: 'membership.list', recordType: 'organisation', recordId: organisation.id, purpose: 'pact-administration',
        details: { people: [...new Set(memberships.map((m) => m.person_id))], withEnded: true },
      });
      return c.render(
        <MembersPage pact={pact} organisation={organisation} memberships={memberships} canInvite={can(actor, 'membership:invite', { pact, organisationId: organisation.id })} />,
        { title: c.get('t')('members.title', { organisation: organisation.name }) },
      );
    },
  }),
  ...formPage({
    path: '/p/:pact/organisations/:org/members/:membership',
    permission: 'organisation:manage-members',
    params: membershipParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadMembership,
    render: async (ctx, { organisation, membership }, forms) => {
      const { c, tx, pact, actor, audit } = ctx;
      const history = await listPersonHistory(tx, pact.id, organisation.id, membership.person_id);
      // A person's roles and e-mail address are personal data: the read is logged (ids only).
      await audit({
        action: 'membership.read', recordType: 'membership', recordId: membership.id, subjectPersonId: membership.person_id,
        purpose: 'pact-administration', details: { organisation: organisation.id },
      });
      const teams = await listTeamsWithCounts(tx, pact.id, organisation.id);
      return c.render(
        <MemberPage
          pact={pact}
          organisation={organisation}
          membership={membership}
          history={history}
          teams={teams}
          roles={rolesGivableBy(actor, organisation.id)}
          manageable={mayManage(actor, organisation.id, membership.role)}
          changeState={forms.change ?? {}}
          endState={forms.end ?? {}}
        />,
        { title: c.get('t')('members.memberTitle', { name: membership.display_name, organisation: organisation.name }) },
      );
    },
    forms: {
      change: {
        schema: membershipForm,
        submit: async (ctx, { organisation, membership }, value) => {
          const { pact } = ctx;
          const actor = managingPerson(ctx.actor);
          if (membership.ended_at) return refuse(409, { formError: 'members.alreadyEnded' });
          const teamId = value.team === '' ? null : value.team;
          if (teamId && !(await findTeam(ctx.tx, pact.id, organisation.id, teamId))) {
            return refuse(400, { errors: { team: { key: 'members.teamUnknown' } } });
          }
          const outcome = await changeMembership(useCaseContext(ctx), { organisationId: organisation.id, membership, role: value.role, teamId });
          if (!outcome.ok) {
            if (outcome.reason === 'not-manageable') throw new HttpError(403);
            const conflict = conflictMessages[outcome.reason];
            if (conflict) return refuse(409, { formError: conflict });
            const errors: FieldErrors = { role: { key: outcome.reason === 'role-not-allowed' ? 'members.roleNotAllowed' : 'members.alreadyHoldsRole' } };
            return refuse(400, { errors });
          }
          const base = `/p/${pact.slug}/organisations/${organisation.id}`;
          if (!outcome.changed) return done(`${base}/members/${membership.id}`, 'members.unchanged');
          // A partner admin who gave up their own admin role may no longer open the member pages.
          const gaveUpOwnAdmin = membership.person_id === actor.personId && membership.role === 'partner_admin' && value.role !== 'partner_admin' && !isCoordinator(actor);
          return done(gaveUpOwnAdmin ? base : `${base}/members/${outcome.membershipId}`, 'members.changed');
        },
      },
      end: {
        path: '/p/:pact/organisations/:org/members/:membership/end',
        schema: endMembershipForm,
        submit: async (ctx, { organisation, membership }, value) => {
          const { pact } = ctx;
          const actor = managingPerson(ctx.actor);
          if (membership.ended_at) return refuse(409, { formError: 'members.alreadyEnded' });
          const outcome = await endMembership(useCaseContext(ctx), { organisationId: organisation.id, membership, reason: value.reason });
          if (!outcome.ok) {
            if (outcome.reason === 'not-manageable') throw new HttpError(403);
            return refuse(409, { formError: conflictMessages[outcome.reason] ?? 'members.alreadyEnded' });
          }
          const base = `/p/${pact.slug}/organisations/${organisation.id}`;
          const endedOwnAdmin = membership.person_id === actor.personId && membership.role === 'partner_admin' && !isCoordinator(actor);
          return done(endedOwnAdmin ? `/p/${pact.slug}` : `${base}/members`, 'members.endedFlash');
        },
      },
    },
  }),
  ...formPage({
    path: '/p/:pact/organisations/:org/teams',
    permission: 'organisation:manage-members',
    params: teamsParams,
    resource: (p) => ({ organisationId: p.org }),
    data: loadTeams,
    render: (ctx, { organisation, teams, team }, forms) => ctx.c.render(
      <TeamsPage
        pact={ctx.pact} organisation={organisation} teams={teams} addState={forms.add ?? {}}
        rename={forms.rename && team ? { teamId: team.id, state: forms.rename } : undefined}
      />,
      { title: ctx.c.get('t')('teams.title', { organisation: organisation.name }) },
    ),
    forms: {
      add: {
        schema: teamForm,
        submit: async (ctx, { organisation }, value) => {
          const outcome = await addTeam(useCaseContext(ctx), { organisationId: organisation.id, name: value.name });
          if (!outcome.ok) return refuse(400, { errors: { name: { key: 'teams.nameTaken' } } });
          return done(`/p/${ctx.pact.slug}/organisations/${organisation.id}/teams`, 'teams.added');
        },
      },
      rename: {
        path: '/p/:pact/organisations/:org/teams/:team',
        schema: teamForm,
        submit: async (ctx, { organisation, team }, value) => {
          // The path names the team (the data loader answered 404 for a team of another organisation).
          if (!team) throw new HttpError(404);
          const outcome = await renameTeam(useCaseContext(ctx), { organisationId: organisation.id, teamId: team.id, name: value.name });
          if (!outcome.ok) return refuse(400, { errors: { name: { key: 'teams.nameTaken' } } });
          return done(`/p/${ctx.pact.slug}/organisations/${organisation.id}/teams`, 'teams.renamed');
        },
      },
    },
  }),
];
