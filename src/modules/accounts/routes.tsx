// Accounts: log-in, log-out, my account.
import { setCookie, deleteCookie } from 'hono/cookie';
import { defineRoute, type RouteSpec } from '../../access/route.ts';
import { parseForm } from '../../platform/forms.ts';
import { AccountPage, SignInPage } from './account-pages.tsx';
import { accountForm, safeNext, signInForm } from './account-forms.ts';
import { findPerson, listOwnMemberships, updatePersonProfile } from './person-queries.ts';
import { deleteSession, secondFactorStanding } from './session-queries.ts';
import { SECOND_FACTOR_PATH } from './second-factor/second-factor-pages.tsx';
import { sessionCookieName } from './session.ts';
import { signIn } from './sign-in.ts';
import { minutesLeft } from './sign-in-throttle.ts';
import { clientAddress } from '../../platform/http/client-address.ts';
import type { FormState } from '../../ui/components.tsx';

export const accountRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/login',
    permission: 'public',
    handler: async ({ c }) => {
      const next = safeNext(c.req.query('next'));
      return c.render(<SignInPage state={{}} next={next} />, { title: c.get('t')('login.title') });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/login',
    permission: 'public',
    // Log-in reads a person by e-mail before anyone is known, which row-level security for a
    // member would hide: it runs as the system and reveals nothing about whether the account exists.
    system: true,
    csrf: 'rerender',
    handler: async ({ c, tx, form, actor, services, requestId, csrfRejected }) => {
      const t = c.get('t');
      const parsed = parseForm(signInForm, form!);
      const next = safeNext(parsed.values.next);
      if (csrfRejected) {
        c.status(403);
        return c.render(<SignInPage state={{ values: parsed.values, formError: 'form.error.csrf' }} next={next} />, { title: t('login.title') });
      }
      if (!parsed.ok) {
        c.status(400);
        return c.render(<SignInPage state={parsed} next={next} />, { title: t('login.title') });
      }
      const outcome = await signIn(tx, services, {
        email: parsed.value.email,
        password: parsed.value.password,
        address: clientAddress(c, services.signIn.trustProxy),
        previousSessionId: actor.kind === 'person' ? actor.sessionId : null,
        userAgent: c.req.header('user-agent') ?? '',
        requestId,
      });
      if (!outcome.ok) {
        // 429 tells clients to slow down; the page says for how long, in minutes.
        c.status(outcome.reason === 'locked' ? 429 : 401);
        const state: FormState =
          outcome.reason === 'locked'
            ? { values: parsed.values, formError: 'login.locked', formErrorParams: { minutes: minutesLeft(outcome.until, services.clock.now()) } }
            : { values: parsed.values, formError: 'login.failed' };
        return c.render(<SignInPage state={state} next={next} />, { title: t('login.title') });
      }
      const secure = services.session.secureCookies;
      setCookie(c, sessionCookieName(secure), outcome.token, {
        httpOnly: true, secure, sameSite: 'Lax', path: '/', maxAge: services.session.absoluteMinutes * 60,
      });
      // The password alone opens nothing for people who use (or must use) a second factor.
      const standing = await secondFactorStanding(tx, outcome.personId);
      if (standing.enrolled || standing.required) {
        return c.redirect(`${SECOND_FACTOR_PATH}?next=${encodeURIComponent(next)}`, 303);
      }
      return c.redirect(next, 303);
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
  defineRoute({
    method: 'GET',
    path: '/account',
    permission: 'account:self',
    handler: async ({ c, tx, actor, audit }) => {
      if (actor.kind !== 'person') throw new Error('account:self admits only people');
      const person = (await findPerson(tx, actor.personId))!;
      const memberships = await listOwnMemberships(tx, actor.personId);
      await audit({ pactId: null, action: 'person.read', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId, purpose: 'account' });
      return c.render(<AccountPage person={person} memberships={memberships} state={{}} />, { title: c.get('t')('account.title') });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/account',
    permission: 'account:self',
    csrf: 'rerender',
    handler: async ({ c, tx, actor, form, audit, flash, csrfRejected }) => {
      if (actor.kind !== 'person') throw new Error('account:self admits only people');
      const parsed = parseForm(accountForm, form!);
      if (csrfRejected || !parsed.ok) {
        const person = (await findPerson(tx, actor.personId))!;
        const memberships = await listOwnMemberships(tx, actor.personId);
        c.status(csrfRejected ? 403 : 400);
        const state = csrfRejected ? { values: parsed.values, formError: 'form.error.csrf' as const } : parsed;
        return c.render(<AccountPage person={person} memberships={memberships} state={state} />, { title: c.get('t')('account.title') });
      }
      await updatePersonProfile(tx, actor.personId, parsed.value);
      await audit({ pactId: null, action: 'person.update', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId, purpose: 'account', details: { fields: ['display_name', 'locale'] } });
      deleteCookie(c, 'sp_lang', { path: '/' });
      flash('form.saved');
      return c.redirect('/account', 303);
    },
  }),
];
