// The administrator's people pages: search, one person, deactivate and reactivate. Every route is
// `system: true`: people are installation-level (a person may be in several pacts or none), and
// row-level security shows a request only the people of its own pact; sessions of other people and
// person_status_change are not readable by the application role at all. The policy admits system
// administrators only. Every read of people is audit-logged on the installation chain (ids only).
import { z } from 'zod';
import { done, formPage, refuse, type FormOutcome } from '../../access/form-page.ts';
import { HttpError } from '../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec } from '../../access/route.ts';
import { peopleQuery, personStatusForm } from './administration-forms.ts';
import { changePersonStatus } from './change-person-status.ts';
import { PeopleListPage, PersonPage } from './people-admin-pages.tsx';
import { countActiveSessions, findPersonForAdmin, listMembershipsOfPerson, listPersonStatusChanges, searchPeople } from './people-admin-queries.ts';
import type { PersonAction } from './status.ts';

/** People per page of the search. */
export const PEOPLE_PAGE_SIZE = 50;

// Not `:id`: the route tables' sample for `:id` is an import job, and a person needs its own sample.
const personIdParams = z.object({ personId: z.uuid() });
type PersonCtx = RouteContext<z.output<typeof personIdParams>>;

/** Deactivate or reactivate, with the reason from the form. */
async function changeStatus(ctx: PersonCtx, action: PersonAction, reason: string): Promise<FormOutcome> {
  if (ctx.actor.kind !== 'person') throw new Error('system:admin admits only people');
  const { personId } = ctx.params;
  const outcome = await changePersonStatus(ctx.tx, { personId, action, reason, by: ctx.actor.personId, now: ctx.now }, ctx.audit);
  if (!outcome.ok) {
    if (outcome.reason === 'not-found') throw new HttpError(404);
    if (outcome.reason === 'self') return refuse(400, { formError: 'adminPeople.selfRefused' });
    if (outcome.reason === 'reason-required') return refuse(400, { errors: { reason: { key: 'form.error.required' } } });
    return refuse(409, { formError: 'adminPeople.statusStale' });
  }
  return done(`/admin/people/${personId}`, action === 'deactivate' ? 'adminPeople.deactivated' : 'adminPeople.reactivated');
}

export const peopleAdministrationRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/admin/people',
    permission: 'system:admin',
    // Every account of the installation, in every pact or none: outside row-level security.
    system: true,
    handler: async ({ c, tx, audit }) => {
      const query = peopleQuery.parse({ q: c.req.query('q') ?? '', page: c.req.query('page') ?? '1' });
      const found = await searchPeople(tx, query.q, PEOPLE_PAGE_SIZE, (query.page - 1) * PEOPLE_PAGE_SIZE);
      const rows = found.slice(0, PEOPLE_PAGE_SIZE);
      // Which people were shown, by id; the search text may be a name, so it stays out of the log.
      await audit({
        pactId: null, action: 'person.list', recordType: 'person', purpose: 'installation',
        details: { page: query.page, searched: query.q !== '', people: rows.map((r) => r.id) },
      });
      return c.render(<PeopleListPage q={query.q} page={query.page} rows={rows} hasMore={found.length > PEOPLE_PAGE_SIZE} />, {
        title: c.get('t')('adminPeople.title'),
      });
    },
  }),
  // Any person, their memberships in every pact and their sessions: outside row-level security. The
  // two forms change another person's account and end their sessions: installation-level rows the
  // application role may not write.
  ...formPage({
    system: true,
    path: '/admin/people/:personId',
    permission: 'system:admin',
    params: personIdParams,
    data: async (ctx) => {
      // Locked for a POST, so that a refused change shows the status it was refused against.
      const person = await findPersonForAdmin(ctx.tx, ctx.params.personId, ctx.c.req.method === 'POST');
      if (!person) throw new HttpError(404);
      return {
        person,
        memberships: await listMembershipsOfPerson(ctx.tx, person.id),
        sessions: await countActiveSessions(ctx.tx, person.id, ctx.now),
        history: await listPersonStatusChanges(ctx.tx, person.id),
      };
    },
    render: async (ctx, { person, memberships, sessions, history }, forms) => {
      await ctx.audit({
        pactId: null, action: 'person.read', recordType: 'person', recordId: person.id, subjectPersonId: person.id,
        purpose: 'installation', details: { memberships: memberships.length },
      });
      return ctx.c.render(
        <PersonPage
          person={person}
          memberships={memberships}
          sessions={sessions}
          history={history}
          isSelf={ctx.actor.kind === 'person' && ctx.actor.personId === person.id}
          state={forms.deactivate ?? forms.reactivate ?? {}}
        />,
        { title: person.display_name },
      );
    },
    forms: {
      deactivate: {
        path: '/admin/people/:personId/deactivate',
        schema: personStatusForm,
        submit: (ctx, _person, value) => changeStatus(ctx, 'deactivate', value.reason),
      },
      reactivate: {
        path: '/admin/people/:personId/reactivate',
        schema: personStatusForm,
        submit: (ctx, _person, value) => changeStatus(ctx, 'reactivate', value.reason),
      },
    },
  }),
];
