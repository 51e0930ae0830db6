// Members and teams of an organisation: who works there in which role and team, changing a role or
// team, ending a membership (history stays), and the organisation's teams. The pact's coordinators
// for every organisation, a partner admin for their own (`organisation:manage-members`).
import { z } from 'zod';
import { can } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam } from '../../../access/route.ts';
import { parseForm, type FieldErrors } from '../../../platform/forms.ts';
import type { FormState } from '../../../ui/components.tsx';
import type { MessageKey } from '../../../ui/messages/index.ts';
import { findOrganisation } from '../pact-queries.ts';
import { changeMembership } from './change-membership.ts';
import { endMembership } from './end-membership.ts';
import { MemberPage, MembersPage, TeamsPage } from './member-pages.tsx';
import { findMembership, listMemberships, listPersonHistory, type MembershipRow } from './member-queries.ts';
import { isCoordinator, mayManage, rolesGivableBy, type MembershipChangeRefusal } from './membership-change.ts';
import { endMembershipForm, membershipForm, teamForm } from './members-forms.ts';
import { addTeam, renameTeam } from './name-team.ts';
import { findTeam, listTeamsWithCounts } from './team-queries.ts';

const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const membershipParams = z.object({ pact: pactSlugParam, org: z.uuid(), membership: z.uuid() });
const teamParams = z.object({ pact: pactSlugParam, org: z.uuid(), team: z.uuid() });

type OrganisationCtx = RouteContext<{ pact: string; org: string }>;
type MembershipCtx = RouteContext<z.output<typeof membershipParams>>;
type Organisation = { id: string; name: string };

async function loadOrganisation(ctx: OrganisationCtx): Promise<Organisation> {
  // Bounded by the pact (and by row-level security): an organisation of another pact is not there.
  const organisation = await findOrganisation(ctx.tx, ctx.pact!.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return { id: organisation.id, name: organisation.name };
}

async function loadMembership(ctx: MembershipCtx): Promise<{ organisation: Organisation; membership: MembershipRow }> {
  const organisation = await loadOrganisation(ctx);
  const membership = await findMembership(ctx.tx, ctx.pact!.id, organisation.id, ctx.params.membership);
  if (!membership) throw new HttpError(404);
  return { organisation, membership };
}

function person(ctx: RouteContext<unknown>) {
  if (ctx.actor.kind !== 'person') throw new Error('organisation:manage-members admits only people');
  return ctx.actor;
}

async function renderMember(
  ctx: MembershipCtx,
  organisation: Organisation,
  membership: MembershipRow,
  states: { changeState?: FormState; endState?: FormState },
  status: 200 | 400 | 403 | 409 = 200,
) {
  const { c, tx, pact, actor, audit } = ctx;
  const history = await listPersonHistory(tx, pact!.id, organisation.id, membership.person_id);
  // A person's roles and e-mail address are personal data: the read is logged (ids only).
  await audit({
    action: 'membership.read', recordType: 'membership', recordId: membership.id, subjectPersonId: membership.person_id,
    purpose: 'pact-administration', details: { organisation: organisation.id },
  });
  const teams = await listTeamsWithCounts(tx, pact!.id, organisation.id);
  c.status(status);
  return c.render(
    <MemberPage
      pact={pact!}
      organisation={organisation}
      membership={membership}
      history={history}
      teams={teams}
      roles={rolesGivableBy(actor, organisation.id)}
      manageable={mayManage(actor, organisation.id, membership.role)}
      changeState={states.changeState ?? {}}
      endState={states.endState ?? {}}
    />,
    { title: c.get('t')('members.memberTitle', { name: membership.display_name, organisation: organisation.name }) },
  );
}

async function renderTeams(ctx: OrganisationCtx, organisation: Organisation, states: { addState?: FormState; rename?: { teamId: string; state: FormState } }, status: 200 | 400 | 403 = 200) {
  const { c, tx, pact } = ctx;
  const teams = await listTeamsWithCounts(tx, pact!.id, organisation.id);
  c.status(status);
  return c.render(<TeamsPage pact={pact!} organisation={organisation} teams={teams} addState={states.addState ?? {}} rename={states.rename} />, {
    title: c.get('t')('teams.title', { organisation: organisation.name }),
  });
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
      const memberships = await listMemberships(tx, pact!.id, organisation.id);
      await audit({
        action: 'membership.list', recordType: 'organisation', recordId: organisation.id, purpose: 'pact-administration',
        details: { people: [...new Set(memberships.map((m) => m.person_id))], withEnded: true },
      });
      return c.render(
        <MembersPage pact={pact!} organisation={organisation} memberships={memberships} canInvite={can(actor, 'membership:invite', { pact, organisationId: organisation.id })} />,
        { title: c.get('t')('members.title', { organisation: organisation.name }) },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/members/:membership',
    permission: 'organisation:manage-members',
    params: membershipParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => {
      const { organisation, membership } = await loadMembership(ctx);
      return renderMember(ctx, organisation, membership, {});
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/members/:membership',
    permission: 'organisation:manage-members',
    params: membershipParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, flash } = ctx;
      const actor = person(ctx);
      const { organisation, membership } = await loadMembership(ctx);
      const parsed = parseForm(membershipForm, form!);
      const rerender = (status: 400 | 403 | 409, changeState: FormState) => renderMember(ctx, organisation, membership, { changeState }, status);
      if (ctx.csrfRejected) return rerender(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return rerender(400, parsed);
      if (membership.ended_at) return rerender(409, { values: parsed.values, formError: 'members.alreadyEnded' });
      const teamId = parsed.value.team === '' ? null : parsed.value.team;
      if (teamId && !(await findTeam(tx, pact!.id, organisation.id, teamId))) {
        return rerender(400, { values: parsed.values, errors: { team: { key: 'members.teamUnknown' } } });
      }
      const outcome = await changeMembership(
        tx, { actor, pactId: pact!.id, organisationId: organisation.id, membership, role: parsed.value.role, teamId, now: services.clock.now() }, ctx.audit,
      );
      if (!outcome.ok) {
        if (outcome.reason === 'not-manageable') throw new HttpError(403);
        const conflict = conflictMessages[outcome.reason];
        if (conflict) return rerender(409, { values: parsed.values, formError: conflict });
        const errors: FieldErrors = { role: { key: outcome.reason === 'role-not-allowed' ? 'members.roleNotAllowed' : 'members.alreadyHoldsRole' } };
        return rerender(400, { values: parsed.values, errors });
      }
      const base = `/p/${pact!.slug}/organisations/${organisation.id}`;
      if (!outcome.changed) {
        flash('members.unchanged');
        return c.redirect(`${base}/members/${membership.id}`, 303);
      }
      flash('members.changed');
      // A partner admin who gave up their own admin role may no longer open the member pages.
      const gaveUpOwnAdmin = membership.person_id === actor.personId && membership.role === 'partner_admin' && parsed.value.role !== 'partner_admin' && !isCoordinator(actor);
      return c.redirect(gaveUpOwnAdmin ? base : `${base}/members/${outcome.membershipId}`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/members/:membership/end',
    permission: 'organisation:manage-members',
    params: membershipParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, flash } = ctx;
      const actor = person(ctx);
      const { organisation, membership } = await loadMembership(ctx);
      const parsed = parseForm(endMembershipForm, form!);
      const rerender = (status: 400 | 403 | 409, endState: FormState) => renderMember(ctx, organisation, membership, { endState }, status);
      if (ctx.csrfRejected) return rerender(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) {
        const errors = parsed.errors.confirm ? { ...parsed.errors, confirm: { key: 'members.confirmRequired' } } : parsed.errors;
        return rerender(400, { values: parsed.values, errors });
      }
      if (membership.ended_at) return rerender(409, { values: parsed.values, formError: 'members.alreadyEnded' });
      const outcome = await endMembership(
        tx, { actor, pactId: pact!.id, organisationId: organisation.id, membership, reason: parsed.value.reason, now: services.clock.now() }, ctx.audit,
      );
      if (!outcome.ok) {
        if (outcome.reason === 'not-manageable') throw new HttpError(403);
        return rerender(409, { values: parsed.values, formError: conflictMessages[outcome.reason] ?? 'members.alreadyEnded' });
      }
      flash('members.endedFlash');
      const base = `/p/${pact!.slug}/organisations/${organisation.id}`;
      const endedOwnAdmin = membership.person_id === actor.personId && membership.role === 'partner_admin' && !isCoordinator(actor);
      return c.redirect(endedOwnAdmin ? `/p/${pact!.slug}` : `${base}/members`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/teams',
    permission: 'organisation:manage-members',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderTeams(ctx, await loadOrganisation(ctx), {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/teams',
    permission: 'organisation:manage-members',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, flash } = ctx;
      const organisation = await loadOrganisation(ctx);
      const parsed = parseForm(teamForm, form!);
      if (ctx.csrfRejected) return renderTeams(ctx, organisation, { addState: { values: parsed.values, formError: 'form.error.csrf' } }, 403);
      if (!parsed.ok) return renderTeams(ctx, organisation, { addState: parsed }, 400);
      const outcome = await addTeam(tx, { pactId: pact!.id, organisationId: organisation.id, name: parsed.value.name, now: services.clock.now() }, ctx.audit);
      if (!outcome.ok) return renderTeams(ctx, organisation, { addState: { values: parsed.values, errors: { name: { key: 'teams.nameTaken' } } } }, 400);
      flash('teams.added');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}/teams`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/teams/:team',
    permission: 'organisation:manage-members',
    params: teamParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, flash, params } = ctx;
      const organisation = await loadOrganisation(ctx);
      const team = await findTeam(tx, pact!.id, organisation.id, params.team);
      if (!team) throw new HttpError(404);
      const parsed = parseForm(teamForm, form!);
      const rerender = (status: 400 | 403, state: FormState) => renderTeams(ctx, organisation, { rename: { teamId: team.id, state } }, status);
      if (ctx.csrfRejected) return rerender(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return rerender(400, parsed);
      const outcome = await renameTeam(tx, { pactId: pact!.id, organisationId: organisation.id, teamId: team.id, name: parsed.value.name }, ctx.audit);
      if (!outcome.ok) return rerender(400, { values: parsed.values, errors: { name: { key: 'teams.nameTaken' } } });
      flash('teams.renamed');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}/teams`, 303);
    },
  }),
];
