// My sessions: where I am signed in, and signing out elsewhere or everywhere. Runs under row-level
// security: a person sees and ends only their own sessions (migration 0007's policies). One
// formPage: the list, and the form whose button says which sessions to end.
import { deleteCookie } from 'hono/cookie';
import { done, formPage } from '../../../access/form-page.ts';
import type { RouteContext, RouteSpec } from '../../../access/route.ts';
import { endOwnSessions, listOwnSessions } from '../session-queries.ts';
import { sessionCookieName } from '../session.ts';
import { sessionReference } from './device.ts';
import { endSessionsForm } from './session-forms.ts';
import { SessionsPage } from './session-pages.tsx';

function personOf(ctx: RouteContext<unknown>) {
  if (ctx.actor.kind !== 'person') throw new Error('account:self admits only people');
  return ctx.actor;
}

export const sessionRoutes: RouteSpec[] = [
  ...formPage({
    path: '/account/sessions',
    permission: 'account:self',
    data: (ctx) => listOwnSessions(ctx.tx, personOf(ctx).personId),
    render: async (ctx, sessions, forms) => {
      const actor = personOf(ctx);
      // Each showing of the list is logged; ending sessions is logged as session.end instead.
      await ctx.audit({ pactId: null, action: 'session.list', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId, purpose: 'account', details: { sessions: sessions.length } });
      return ctx.c.render(<SessionsPage sessions={sessions} currentId={actor.sessionId} state={forms.end ?? {}} />, { title: ctx.c.get('t')('sessions.title') });
    },
    forms: {
      end: {
        path: '/account/sessions/end',
        schema: endSessionsForm,
        submit: async (ctx, _sessions, { scope }) => {
          const { c, tx, audit, services } = ctx;
          const actor = personOf(ctx);
          const ended =
            scope === 'all'
              ? await endOwnSessions(tx, actor.personId, { all: true })
              : scope === 'others'
                ? await endOwnSessions(tx, actor.personId, { allBut: actor.sessionId })
                : scope === sessionReference(actor.sessionId)
                  ? [] // this session is ended with "everywhere" or by signing out, not from its own row
                  : await endOwnSessions(tx, actor.personId, { reference: scope });
          await audit({
            pactId: null, action: 'session.end', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId,
            purpose: 'security', details: { scope: scope === 'all' || scope === 'others' ? scope : 'one', sessions: ended.map(sessionReference) },
          });
          if (scope === 'all') {
            deleteCookie(c, sessionCookieName(services.session.secureCookies), { path: '/', secure: services.session.secureCookies });
            return done('/login', 'sessions.endedAll');
          }
          return done('/account/sessions', ended.length > 0 ? 'sessions.ended' : 'sessions.noneEnded');
        },
      },
    },
  }),
];
