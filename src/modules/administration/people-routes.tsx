// The administrator's people pages: search, one person, deactivate and reactivate. Every route is
// `system: true`: people are installation-level (a person may be in several pacts or none), and
// row-level security shows a request only the people of its own pact; sessions of other people and
// person_status_change are not readable by the application role at all. The policy admits system
// administrators only. Every read of people is audit-logged on the installation chain (ids only).
import { z } from 'zod';
import { HttpError } from '../../access/http-error.ts';
import { defineRoute, type RouteContext, type RouteSpec } from '../../access/route.ts';
import { parseForm } from '../../platform/forms.ts';
import type { FormState } from '../../ui/components.tsx';
import { peopleQuery, personStatusForm } from './administration-forms.ts';
import { changePersonStatus } from './change-person-status.ts';
import { PeopleListPage, PersonPage } from './people-admin-pages.tsx';
import { countActiveSessions, findPersonForAdmin, listMembershipsOfPerson, listPersonStatusChanges, searchPeople } from './people-admin-queries.ts';
import type { PersonStatus } from './status.ts';

/** People per page of the search. */
export const PEOPLE_PAGE_SIZE = 50;

// Not `:id`: the route tables' sample for `:id` is an import job, and a person needs its own sample.
const personIdParams = z.object({ personId: z.uuid() });
type PersonCtx = RouteContext<z.output<typeof personIdParams>>;

async function renderPerson(ctx: PersonCtx, state: FormState, status: 200 | 400 | 403 | 409 = 200): Promise<Response> {
  const { c, tx, actor, params, services, audit } = ctx;
  const person = await findPersonForAdmin(tx, params.personId);
  if (!person) throw new HttpError(404);
  const memberships = await listMembershipsOfPerson(tx, person.id);
  const sessions = await countActiveSessions(tx, person.id, services.clock.now());
  const history = await listPersonStatusChanges(tx, person.id);
  await audit({
    pactId: null, action: 'person.read', recordType: 'person', recordId: person.id, subjectPersonId: person.id,
    purpose: 'installation', details: { memberships: memberships.length },
  });
  c.status(status);
  return c.render(
    <PersonPage
      person={person}
      memberships={memberships}
      sessions={sessions}
      history={history}
      isSelf={actor.kind === 'person' && actor.personId === person.id}
      state={state}
    />,
    { title: person.display_name },
  );
}

function statusRoute(path: string, to: PersonStatus) {
  return defineRoute({
    method: 'POST',
    path,
    permission: 'system:admin',
    params: personIdParams,
    // Changes another person's account and ends their sessions: installation-level rows the
    // application role may not write.
    system: true,
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, actor, form, params, services, audit, flash } = ctx;
      if (actor.kind !== 'person') throw new Error('system:admin admits only people');
      const parsed = parseForm(personStatusForm, form!);
      if (ctx.csrfRejected) return renderPerson(ctx, { values: parsed.values, formError: 'form.error.csrf' }, 403);
      if (!parsed.ok) return renderPerson(ctx, parsed, 400);
      const outcome = await changePersonStatus(
        tx,
        { personId: params.personId, to, reason: parsed.value.reason, by: actor.personId, now: services.clock.now() },
        audit,
      );
      if (!outcome.ok) {
        if (outcome.reason === 'not-found') throw new HttpError(404);
        if (outcome.reason === 'self') return renderPerson(ctx, { values: parsed.values, formError: 'adminPeople.selfRefused' }, 400);
        return renderPerson(ctx, { values: parsed.values, formError: 'adminPeople.statusStale' }, 409);
      }
      flash(to === 'deactivated' ? 'adminPeople.deactivated' : 'adminPeople.reactivated');
      return c.redirect(`/admin/people/${params.personId}`, 303);
    },
  });
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
  defineRoute({
    method: 'GET',
    path: '/admin/people/:personId',
    permission: 'system:admin',
    params: personIdParams,
    // Any person, their memberships in every pact and their sessions: outside row-level security.
    system: true,
    handler: async (ctx) => renderPerson(ctx, {}),
  }),
  statusRoute('/admin/people/:personId/deactivate', 'deactivated'),
  statusRoute('/admin/people/:personId/reactivate', 'active'),
];
