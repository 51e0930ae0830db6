// My sessions: where I am signed in, and signing out elsewhere or everywhere. Runs under row-level
// security: a person sees and ends only their own sessions (migration 0007's policies).
import { deleteCookie } from 'hono/cookie';
import { defineRoute, type RouteContext, type RouteSpec } from '../../../access/route.ts';
import { parseForm } from '../../../platform/forms.ts';
import type { FormState } from '../../../ui/components.tsx';
import { endOwnSessions, listOwnSessions } from '../session-queries.ts';
import { sessionCookieName } from '../session.ts';
import { sessionReference } from './device.ts';
import { endSessionsForm } from './session-forms.ts';
import { SessionsPage } from './session-pages.tsx';

async function renderSessions(ctx: RouteContext<Record<string, string>>, state: FormState): Promise<Response> {
  const { c, tx, actor, audit } = ctx;
  if (actor.kind !== 'person') throw new Error('account:self admits only people');
  const sessions = await listOwnSessions(tx, actor.personId);
  await audit({ pactId: null, action: 'session.list', recordType: 'person', recordId: actor.personId, subjectPersonId: actor.personId, purpose: 'account', details: { sessions: sessions.length } });
  return c.render(<SessionsPage sessions={sessions} currentId={actor.sessionId} state={state} />, { title: c.get('t')('sessions.title') });
}

export const sessionRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/account/sessions',
    permission: 'account:self',
    handler: (ctx) => renderSessions(ctx, {}),
  }),
  defineRoute({
    method: 'POST',
    path: '/account/sessions/end',
    permission: 'account:self',
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, actor, form, audit, flash, services, csrfRejected } = ctx;
      if (actor.kind !== 'person') throw new Error('account:self admits only people');
      const parsed = parseForm(endSessionsForm, form!);
      if (csrfRejected) {
        c.status(403);
        return renderSessions(ctx, { values: parsed.values, formError: 'form.error.csrf' });
      }
      if (!parsed.ok) {
        c.status(400);
        return renderSessions(ctx, parsed);
      }
      const { scope } = parsed.value;
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
        flash('sessions.endedAll');
        return c.redirect('/login', 303);
      }
      flash(ended.length > 0 ? 'sessions.ended' : 'sessions.noneEnded');
      return c.redirect('/account/sessions', 303);
    },
  }),
];
