// Accounts: log-in, log-out, my account. Log-in and my account are formPages; log-out is a bare
// action that redirects.
import { setCookie, deleteCookie } from 'hono/cookie';
import { done, formPage, refuse } from '../../access/form-page.ts';
import { defineRoute, type RouteContext, type RouteSpec } from '../../access/route.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import { AccountPage, SignInPage } from './account-pages.tsx';
import { accountForm, safeNext, signInForm } from './account-forms.ts';
import { findPerson, listOwnMemberships, updatePersonProfile } from './person-queries.ts';
import { deleteSession, secondFactorStanding } from './session-queries.ts';
import { SECOND_FACTOR_PATH } from './second-factor/index.ts';
import { sessionCookieName } from './session.ts';
import { signIn } from './sign-in.ts';
import { minutesLeft } from './sign-in-throttle.ts';

function personOf(ctx: RouteContext<unknown>) {
  if (ctx.actor.kind !== 'person') throw new Error('account:self admits only people');
  return ctx.actor;
}

export const accountRoutes: RouteSpec[] = [
  // Log-in reads a person by e-mail before anyone is known, which row-level security for a member
  // would hide: its POST runs as the system and reveals nothing about whether the account exists.
  ...formPage({
    path: '/login',
    permission: 'public',
    data: async () => null,
    render: (ctx, _nothing, forms) => {
      const { c } = ctx;
      // A wrong e-mail address or password is 401 (formPage's refusals stop at 400, 409 and 429).
      if (forms.login?.formError === 'login.failed') c.status(401);
      // Where to go after log-in: from the address on the GET, from the form's hidden field on a POST.
      const next = safeNext(forms.login ? forms.login.values?.next : c.req.query('next'));
      return c.render(<SignInPage state={forms.login ?? {}} next={next} />, { title: c.get('t')('login.title') });
    },
    forms: {
      login: {
        system: true,
        schema: signInForm,
        submit: async (ctx, _nothing, value) => {
          const { c, tx, actor, services, requestId, now } = ctx;
          const outcome = await signIn(tx, services, {
            email: value.email,
            password: value.password,
            address: clientAddress(c, services.signIn.trustProxy),
            previousSessionId: actor.kind === 'person' ? actor.sessionId : null,
            userAgent: c.req.header('user-agent') ?? '',
            requestId,
          });
          if (!outcome.ok) {
            // 429 tells clients to slow down; the page says for how long, in minutes.
            return outcome.reason === 'locked'
              ? refuse(429, { formError: 'login.locked', formErrorParams: { minutes: minutesLeft(outcome.until, now) } })
              : refuse(400, { formError: 'login.failed' });
          }
          const secure = services.session.secureCookies;
          setCookie(c, sessionCookieName(secure), outcome.token, {
            httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: services.session.absoluteMinutes * 60,
          });
          const next = safeNext(value.next);
          // The password alone opens nothing for people who use (or must use) a second factor.
          const standing = await secondFactorStanding(tx, outcome.personId);
          return done(standing.enrolled || standing.required ? `${SECOND_FACTOR_PATH}?next=${encodeURIComponent(next)}` : next);
        },
      },
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/logout',
    permission: 'public',
    handler: async ({ c, tx, actor, services, audit, flash }) => {
      if (actor.kind === 'person') {
        await audit({ pactId: null, action: 'session.sign-out', recordType: 'session', recordId: actor.sessionId.slice(0, 16), purpose: 'security' });
        await deleteSession(tx, actor.sessionId);
      }
      deleteCookie(c, sessionCookieName(services.session.secureCookies), { path: '/', secure: services.session.secureCookies });
      flash('logout.done');
      return c.redirect('/', 303);
    },
  }),
  ...formPage({
    path: '/account',
    permission: 'account:self',
    data: async (ctx) => {
      const { personId } = personOf(ctx);
      return { person: (await findPerson(ctx.tx, personId))!, memberships: await listOwnMemberships(ctx.tx, personId) };
    },
    render: async (ctx, { person, memberships }, forms) => {
      // Reading one's own account is logged when the page is opened (not again when a change is refused).
      if (ctx.c.req.method === 'GET') {
        await ctx.audit({ pactId: null, action: 'person.read', recordType: 'person', recordId: person.id, subjectPersonId: person.id, purpose: 'account' });
      }
      return ctx.c.render(<AccountPage person={person} memberships={memberships} state={forms.profile ?? {}} />, { title: ctx.c.get('t')('account.title') });
    },
    forms: {
      profile: {
        schema: accountForm,
        submit: async (ctx, { person }, value) => {
          await updatePersonProfile(ctx.tx, person.id, value);
          await ctx.audit({ pactId: null, action: 'person.update', recordType: 'person', recordId: person.id, subjectPersonId: person.id, purpose: 'account', details: { fields: ['display_name', 'locale'] } });
          // The language chosen here wins over the language switch's cookie from now on.
          deleteCookie(ctx.c, 'sp_lang', { path: '/' });
          return done('/account', 'form.saved');
        },
      },
    },
  }),
];
