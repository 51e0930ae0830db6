// Invitations: inviting people into an organisation of a pact, and the link that lets them join.
// Both pages are formPages; withdrawing an invitation is a bare action that redirects.
import { setCookie } from 'hono/cookie';
import { z } from 'zod';
import { done, formPage, refuse } from '../../../access/form-page.ts';
import { HttpError } from '../../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec, pactSlugParam } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import type { FieldErrors } from '../../../platform/forms.ts';
import { checkPassword } from '../password-policy.ts';
import { findPerson, findPersonByEmail } from '../person-queries.ts';
import { hashToken, sessionCookieName, tokenPattern } from '../session.ts';
import { secondFactorStanding } from '../session-queries.ts';
import { SECOND_FACTOR_PATH } from '../second-factor/index.ts';
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

/**
 * What the link's page is for this visitor. Read again for a POST, with the invitation locked (and,
 * for a visitor without an account, the address too), before the form is looked at.
 */
type LinkVisit =
  /** The link no longer works (unknown, expired, used, withdrawn, pact suspended). */
  | { kind: 'gone' }
  /** Signed in as someone else than the invited address. */
  | { kind: 'other-person'; invitation: InvitationByTokenRow }
  /** Signed in with the invited address: one button. */
  | { kind: 'accept'; invitation: InvitationByTokenRow; token: string; personId: string; verified: boolean }
  /** Not signed in, and the address has an account: sign in first. */
  | { kind: 'sign-in-first'; invitation: InvitationByTokenRow; token: string }
  /** Not signed in, no account yet: make one. */
  | { kind: 'new-account'; invitation: InvitationByTokenRow; token: string };

async function visitLink(ctx: RouteContext<{ token: string }, '/invitations/:token'>): Promise<LinkVisit> {
  const { tx, actor, params } = ctx;
  const posting = ctx.c.req.method === 'POST';
  const token = params.token;
  if (!tokenPattern.test(token)) return { kind: 'gone' };
  const invitation = await findInvitationByTokenHash(tx, hashToken(token), posting);
  if (!invitation || invitation.pact_status !== 'active' || invitationState(invitation, ctx.now) !== 'open') return { kind: 'gone' };
  if (actor.kind === 'person') {
    // An invitation is for one e-mail address: a person signed in as anyone else is refused (403).
    const me = await findPerson(tx, actor.personId);
    if (me?.email !== invitation.email) return { kind: 'other-person', invitation };
    return { kind: 'accept', invitation, token, personId: actor.personId, verified: actor.secondFactor === 'verified' };
  }
  // Two visitors making an account for the same address at once: the second waits, then signs in.
  if (posting) await lockEmail(tx, invitation.email);
  if (await findPersonByEmail(tx, invitation.email)) return { kind: 'sign-in-first', invitation, token };
  return { kind: 'new-account', invitation, token };
}

/** The pact's home, or first the second-factor set-up when the new role needs one and this session has none yet. */
async function pathAfterJoining(ctx: RouteContext<unknown>, personId: string, verified: boolean, pactSlug: string): Promise<string> {
  const home = `/p/${pactSlug}`;
  if (verified) return home;
  const standing = await secondFactorStanding(ctx.tx, personId);
  return standing.enrolled || standing.required ? `${SECOND_FACTOR_PATH}?next=${encodeURIComponent(home)}` : home;
}

export const invitationRoutes: RouteSpec[] = [
  ...formPage({
    path: '/p/:pact/organisations/:org/invitations',
    permission: 'membership:invite',
    params: organisationParams,
    resource: (p) => ({ organisationId: p.org }),
    data: async (ctx) => {
      const organisation = await findOrganisationName(ctx.tx, ctx.pact.id, ctx.params.org);
      if (!organisation) throw new HttpError(404);
      return { organisation, invitations: await listOpenInvitations(ctx.tx, ctx.pact.id, organisation.id, ctx.now) };
    },
    render: async (ctx, { organisation, invitations }, forms) => {
      const { c, pact, actor } = ctx;
      if (invitations.length > 0) {
        // E-mail addresses of people who are not members yet are personal data: each showing is logged (ids only).
        await ctx.audit({
          action: 'invitation.list', recordType: 'organisation', recordId: organisation.id, purpose: 'pact-administration',
          details: { invitations: invitations.map((i) => i.id) },
        });
      }
      return c.render(
        <InvitationsPage pact={pact} organisation={organisation} invitations={invitations} roles={rolesInvitableBy(actor, organisation.id)} state={forms.invite ?? {}} />,
        { title: c.get('t')('invitation.title', { organisation: organisation.name }) },
      );
    },
    forms: {
      invite: {
        schema: inviteForm,
        submit: async (ctx, { organisation }, value) => {
          const { c, pact, services } = ctx;
          const outcome = await createInvitation(useCaseContext(ctx), {
            organisation, email: value.email, role: value.role, origin: services.publicUrl ?? new URL(c.req.url).origin,
          });
          if (!outcome.ok) {
            const errors: FieldErrors = outcome.reason === 'role-not-allowed'
              ? { role: { key: 'invitation.roleNotAllowed' } }
              : { email: { key: 'invitation.alreadyMember' } };
            return refuse(400, { errors });
          }
          return done(`/p/${pact.slug}/organisations/${organisation.id}/invitations`, 'invitation.sent');
        },
      },
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/invitations/:id/revoke',
    // Who may withdraw it depends on the invitation's organisation: loaded before the policy runs.
    // Without organisation (a coordinator invited into a new pact by the system administrator) it
    // is the pact's own business, and its coordinators decide.
    permission: 'membership:invite',
    params: invitationParams,
    load: async ({ tx, pact, params }) => {
      const invitation = pact ? await findInvitation(tx, pact.id, params.id) : undefined;
      return invitation ? { type: 'invitation', id: invitation.id, ownerOrganisationId: invitation.organisation_id } : null;
    },
    handler: async ({ c, tx, pact, record, now, audit, flash }) => {
      const invitation = (await findInvitation(tx, pact.id, record!.id))!;
      const organisationId = invitation.organisation_id;
      if (await revokeInvitation(tx, pact.id, invitation.id, now)) {
        await audit({
          action: 'invitation.revoke', recordType: 'invitation', recordId: invitation.id, purpose: 'pact-administration',
          details: { organisation: organisationId, role: invitation.role },
        });
        flash('invitation.revoked');
      } else {
        flash('invitation.notOpen');
      }
      return c.redirect(organisationId === null ? `/p/${pact.slug}` : `/p/${pact.slug}/organisations/${organisationId}/invitations`, 303);
    },
  }),
  // The invitee is not a member yet, so there is no pact context in which row-level security
  // would show the invitation: it is read as the system, only by the hash of the link's token. The
  // POST also creates the person and the membership, which the application role may not insert.
  ...formPage({
    system: true,
    path: '/invitations/:token',
    permission: 'public',
    params: tokenParams,
    data: visitLink,
    render: (ctx, visit, forms) => {
      const { c } = ctx;
      const t = c.get('t');
      // The page, and for a link that cannot be used by this visitor its status, follow from the visit.
      if (visit.kind === 'gone') {
        // 410 Gone: the link existed, or looks like one, and will not work again.
        c.status(410);
        return c.render(<InvitationGonePage />, { title: t('invitation.gone.title') });
      }
      const title = t('invitation.accept.title', { pact: visit.invitation.pact_name });
      switch (visit.kind) {
        case 'other-person':
          c.status(403);
          return c.render(<OtherPersonPage invitation={visit.invitation} />, { title });
        case 'accept':
          // Nothing is typed here: only the reason the button did not work is shown.
          return c.render(<AcceptPage invitation={visit.invitation} token={visit.token} state={forms.accept?.formError ? { formError: forms.accept.formError } : {}} />, { title });
        case 'sign-in-first':
          // Posted: someone made the account in the meantime.
          if (c.req.method === 'POST') c.status(409);
          return c.render(<SignInFirstPage invitation={visit.invitation} token={visit.token} />, { title });
        case 'new-account':
          return c.render(<NewAccountPage invitation={visit.invitation} token={visit.token} state={forms.accept ?? {}} />, { title });
      }
    },
    forms: {
      accept: {
        // Only a new account has fields; the signed-in invitee's form is the button alone.
        schema: (_ctx: unknown, visit: LinkVisit) => (visit.kind === 'new-account' ? newAccountForm : z.object({})),
        submit: async (ctx, visit, value) => {
          const { c, tx, services, requestId } = ctx;
          if (visit.kind === 'accept') {
            await acceptAsSignedInPerson(tx, services, { invitation: visit.invitation, personId: visit.personId, requestId });
            return done(await pathAfterJoining(ctx, visit.personId, visit.verified, visit.invitation.pact_slug), 'invitation.welcome');
          }
          // The page shows why this link cannot be used by this visitor.
          if (visit.kind !== 'new-account') return refuse(409, {});
          const { invitation } = visit;
          const { displayName, password, passwordRepeat } = value as z.output<typeof newAccountForm>;
          const problem = checkPassword(password, [invitation.email]);
          if (problem) return refuse(400, { errors: { password: 'params' in problem ? { key: problem.key, params: problem.params } : { key: problem.key } } });
          if (password !== passwordRepeat) return refuse(400, { errors: { passwordRepeat: { key: 'invitation.passwordMismatch' } } });
          const outcome = await acceptWithNewAccount(tx, services, {
            invitation, displayName, password, locale: c.get('locale'), userAgent: c.req.header('user-agent') ?? '', requestId,
          });
          const secure = services.session.secureCookies;
          setCookie(c, sessionCookieName(secure), outcome.token, {
            httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: services.session.absoluteMinutes * 60,
          });
          return done(await pathAfterJoining(ctx, outcome.personId, false, invitation.pact_slug), 'invitation.welcome');
        },
      },
    },
  }),
];
