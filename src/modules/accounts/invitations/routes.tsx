// Invitations: inviting people into an organisation of a pact, and the link that lets them join.
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { can } from '../../../access/policy.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam } from '../../../access/route.ts';
import { parseForm, type FieldErrors } from '../../../platform/forms.ts';
import type { FormState } from '../../../ui/components.tsx';
import { checkPassword } from '../password-policy.ts';
import { findPerson, findPersonByEmail } from '../person-queries.ts';
import { hashToken, sessionCookieName, tokenPattern } from '../session.ts';
import { secondFactorStanding } from '../session-queries.ts';
import { SECOND_FACTOR_PATH } from '../second-factor/second-factor-pages.tsx';
import { acceptAsSignedInPerson, acceptWithNewAccount } from './accept-invitation.ts';
import { createInvitation } from './create-invitation.ts';
import { invitationState, rolesInvitableBy } from './invitation.ts';
import { inviteForm, newAccountForm } from './invitation-forms.ts';
import { findInvitation, findInvitationByTokenHash, lockEmail, findOrganisationName, listOpenInvitations, revokeInvitation, type InvitationByTokenRow } from './invitation-queries.ts';
import { AcceptPage, InvitationGonePage, InvitationsPage, NewAccountPage, OtherPersonPage, SignInFirstPage } from './invitation-pages.tsx';

const organisationParams = z.object({ pact: pactSlugParam, org: z.uuid() });
const invitationParams = z.object({ pact: pactSlugParam, id: z.uuid() });
// Any string up to a length: a link broken by a mail program gets the "does not work" page, not a 404.
const tokenParams = z.object({ token: z.string().max(200) });

type OrganisationCtx = RouteContext<z.output<typeof organisationParams>>;

async function renderInvitationsPage(ctx: OrganisationCtx, organisation: { id: string; name: string }, state: FormState, status: 200 | 400 | 403 = 200) {
  const { c, tx, pact, actor, services } = ctx;
  const invitations = await listOpenInvitations(tx, pact!.id, organisation.id, services.clock.now());
  if (invitations.length > 0) {
    // E-mail addresses of people who are not members yet are personal data: the read is logged (ids only).
    await ctx.audit({
      action: 'invitation.list', recordType: 'organisation', recordId: organisation.id, purpose: 'pact-administration',
      details: { invitations: invitations.map((i) => i.id) },
    });
  }
  c.status(status);
  return c.render(
    <InvitationsPage pact={pact!} organisation={organisation} invitations={invitations} roles={rolesInvitableBy(actor, organisation.id)} state={state} />,
    { title: c.get('t')('invitation.title', { organisation: organisation.name }) },
  );
}

async function loadOrganisation(ctx: OrganisationCtx) {
  const organisation = await findOrganisationName(ctx.tx, ctx.pact!.id, ctx.params.org);
  if (!organisation) throw new HttpError(404);
  return organisation;
}

/** The open invitation a link names, or null when the link no longer works (unknown, expired, used, withdrawn, pact suspended). */
async function openInvitation(ctx: RouteContext<{ token: string }>, forUpdate: boolean): Promise<{ invitation: InvitationByTokenRow; token: string } | null> {
  const token = ctx.params.token;
  if (!tokenPattern.test(token)) return null;
  const invitation = await findInvitationByTokenHash(ctx.tx, hashToken(token), forUpdate);
  if (!invitation || invitation.pact_status !== 'active' || invitationState(invitation, ctx.services.clock.now()) !== 'open') return null;
  return { invitation, token };
}

/** An invitation is for one e-mail address: a person signed in as anyone else is refused (403). */
async function refuseOtherPerson(
  ctx: RouteContext<{ token: string }>,
  personId: string,
  invitation: InvitationByTokenRow,
  title: string,
): Promise<Response | null> {
  const me = await findPerson(ctx.tx, personId);
  if (me?.email === invitation.email) return null;
  ctx.c.status(403);
  return ctx.c.render(<OtherPersonPage invitation={invitation} />, { title });
}

function gone(ctx: RouteContext<{ token: string }>) {
  // 410 Gone: the link existed, or looks like one, and will not work again.
  ctx.c.status(410);
  return ctx.c.render(<InvitationGonePage />, { title: ctx.c.get('t')('invitation.gone.title') });
}

/** The pact's home, or first the second-factor set-up when the new role needs one and this session has none yet. */
async function pathAfterJoining(ctx: RouteContext<Record<string, string>>, personId: string, verified: boolean, pactSlug: string): Promise<string> {
  const home = `/p/${pactSlug}`;
  if (verified) return home;
  const standing = await secondFactorStanding(ctx.tx, personId);
  return standing.enrolled || standing.required ? `${SECOND_FACTOR_PATH}?next=${encodeURIComponent(home)}` : home;
}

export const invitationRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/invitations',
    permission: 'membership:invite',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderInvitationsPage(ctx, await loadOrganisation(ctx), {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/invitations',
    permission: 'membership:invite',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, actor, form, services, flash } = ctx;
      if (actor.kind !== 'person') throw new Error('membership:invite admits only people');
      const organisation = await loadOrganisation(ctx);
      const parsed = parseForm(inviteForm, form!);
      if (ctx.csrfRejected) return renderInvitationsPage(ctx, organisation, { values: parsed.values, formError: 'form.error.csrf' }, 403);
      if (!parsed.ok) return renderInvitationsPage(ctx, organisation, parsed, 400);
      const outcome = await createInvitation(
        tx,
        {
          actor, pact: pact!, organisation, email: parsed.value.email, role: parsed.value.role,
          origin: services.publicUrl ?? new URL(c.req.url).origin, now: services.clock.now(),
        },
        ctx.audit,
      );
      if (!outcome.ok) {
        const errors: FieldErrors = outcome.reason === 'role-not-allowed'
          ? { role: { key: 'invitation.roleNotAllowed' } }
          : { email: { key: 'invitation.alreadyMember' } };
        return renderInvitationsPage(ctx, organisation, { values: parsed.values, errors }, 400);
      }
      flash('invitation.sent');
      return c.redirect(`/p/${pact!.slug}/organisations/${organisation.id}/invitations`, 303);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/invitations/:id/revoke',
    // Members pass here; who may withdraw this invitation depends on its organisation, known once it is read.
    permission: 'pact:read',
    params: invitationParams,
    handler: async ({ c, tx, pact, actor, params, services, audit, flash }) => {
      const invitation = await findInvitation(tx, pact!.id, params.id);
      if (!invitation) throw new HttpError(404);
      // An invitation without organisation (a coordinator invited into a new pact by the system
      // administrator) is the pact's own business: its coordinators may withdraw it.
      const allowed = invitation.organisation_id === null
        ? can(actor, 'pact:manage', { pact })
        : can(actor, 'membership:invite', { pact, organisationId: invitation.organisation_id });
      if (!allowed) throw new HttpError(403);
      if (await revokeInvitation(tx, pact!.id, invitation.id, services.clock.now())) {
        await audit({
          action: 'invitation.revoke', recordType: 'invitation', recordId: invitation.id, purpose: 'pact-administration',
          details: { organisation: invitation.organisation_id, role: invitation.role },
        });
        flash('invitation.revoked');
      } else {
        flash('invitation.notOpen');
      }
      return c.redirect(invitation.organisation_id === null ? `/p/${pact!.slug}` : `/p/${pact!.slug}/organisations/${invitation.organisation_id}/invitations`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/invitations/:token',
    permission: 'public',
    params: tokenParams,
    // The invitee is not a member yet, so there is no pact context in which row-level security
    // would show the invitation: it is read as the system, only by the hash of the link's token.
    system: true,
    handler: async (ctx) => {
      const { c, tx, actor } = ctx;
      const found = await openInvitation(ctx, false);
      if (!found) return gone(ctx);
      const { invitation, token } = found;
      const title = c.get('t')('invitation.accept.title', { pact: invitation.pact_name });
      if (actor.kind === 'person') {
        const refused = await refuseOtherPerson(ctx, actor.personId, invitation, title);
        if (refused) return refused;
        return c.render(<AcceptPage invitation={invitation} token={token} state={{}} />, { title });
      }
      if (await findPersonByEmail(tx, invitation.email)) return c.render(<SignInFirstPage invitation={invitation} token={token} />, { title });
      return c.render(<NewAccountPage invitation={invitation} token={token} state={{}} />, { title });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/invitations/:token',
    permission: 'public',
    params: tokenParams,
    // As the GET: no pact context yet. It also creates the person and the membership, which the
    // application role may not insert.
    system: true,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, actor, form, services, requestId, flash } = ctx;
      const found = await openInvitation(ctx, true);
      if (!found) return gone(ctx);
      const { invitation, token } = found;
      const title = c.get('t')('invitation.accept.title', { pact: invitation.pact_name });

      if (actor.kind === 'person') {
        const refused = await refuseOtherPerson(ctx, actor.personId, invitation, title);
        if (refused) return refused;
        if (ctx.csrfRejected) {
          c.status(403);
          return c.render(<AcceptPage invitation={invitation} token={token} state={{ formError: 'form.error.csrf' }} />, { title });
        }
        await acceptAsSignedInPerson(tx, services, { invitation, personId: actor.personId, requestId });
        flash('invitation.welcome');
        return c.redirect(await pathAfterJoining(ctx, actor.personId, actor.secondFactor === 'verified', invitation.pact_slug), 303);
      }

      await lockEmail(tx, invitation.email);
      if (await findPersonByEmail(tx, invitation.email)) {
        c.status(409);
        return c.render(<SignInFirstPage invitation={invitation} token={token} />, { title });
      }
      const parsed = parseForm(newAccountForm, form!);
      const rerender = (status: 400 | 403, state: FormState) => {
        c.status(status);
        return c.render(<NewAccountPage invitation={invitation} token={token} state={state} />, { title });
      };
      if (ctx.csrfRejected) return rerender(403, { values: parsed.values, formError: 'form.error.csrf' });
      if (!parsed.ok) return rerender(400, parsed);
      const problem = checkPassword(parsed.value.password, [invitation.email]);
      if (problem) return rerender(400, { values: parsed.values, errors: { password: 'params' in problem ? { key: problem.key, params: problem.params } : { key: problem.key } } });
      if (parsed.value.password !== parsed.value.passwordRepeat) {
        return rerender(400, { values: parsed.values, errors: { passwordRepeat: { key: 'invitation.passwordMismatch' } } });
      }
      const outcome = await acceptWithNewAccount(tx, services, {
        invitation, displayName: parsed.value.displayName, password: parsed.value.password, locale: c.get('locale'),
        userAgent: c.req.header('user-agent') ?? '', requestId,
      });
      const secure = services.session.secureCookies;
      setCookie(c, sessionCookieName(secure), outcome.token, {
        httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: services.session.absoluteMinutes * 60,
      });
      flash('invitation.welcome');
      return c.redirect(await pathAfterJoining(ctx, outcome.personId, false, invitation.pact_slug), 303);
    },
  }),
];
