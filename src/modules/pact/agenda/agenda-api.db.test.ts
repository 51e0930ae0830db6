// The published agenda in the public API: the published years only, a published year's activities
// with their indicators (never the responsible person's name), keyset pages that neither repeat nor
// skip, `modified_after` with withdrawn activities, and 404 for a year that is not published. Every
// answer is checked against the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { encodeCursor } from '../../../platform/api/paging.ts';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { documentedBody, walkPages } from '../../../../tests/support/api-document.ts';

let t: TestApp;
let lindewaard = '';
let draftActivity = '';
before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const db = t.database.db;
  lindewaard = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(db)).rows[0]!.id;
  // A year that is open for registration but not published, with an activity on it.
  await sql`insert into agenda_year (pact_id, year, status) values (${lindewaard}, 2031, 'open')`.execute(db);
  draftActivity = (await sql<{ id: string }>`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, responsible_name, starts_on, ends_on)
    select y.pact_id, y.id, (select id from organisation where pact_id = y.pact_id order by name limit 1),
           (select id from pillar where pact_id = y.pact_id order by position limit 1),
           'Concept-activiteit', 'Nog niet gepubliceerd', 'Iemand', '2031-01-01', '2031-12-31'
      from agenda_year y where y.pact_id = ${lindewaard} and y.year = 2031
    returning id`.execute(db)).rows[0]!.id;
});
after(() => t.database.close());

const YEARS = '/api/v1/pacts/:pact/agenda-years';
const ACTIVITIES = '/api/v1/pacts/:pact/agenda-years/:year/activities';
interface Year { year: number; status: string; publishedAt: string; updatedAt: string }
interface Indicator { id: string; name: string; unit: string; target: number; result: number | null }
interface Activity {
  id: string; title: string; status: string; pillarId: string; organisationId: string; partnerIds: string[];
  indicators: Indicator[]; reviewedAt: string | null; withdrawnAt: string | null; updatedAt: string;
}
interface Page<T> { items: T[]; page: { limit: number; next: string | null } }

const years = async (query = ''): Promise<Page<Year>> => {
  const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/agenda-years${query}`);
  assert.equal(response.status, 200, query);
  return (await documentedBody('GET', YEARS, response)) as unknown as Page<Year>;
};
const activities = async (year: number, query = ''): Promise<Page<Activity>> => {
  const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/agenda-years/${year}/activities${query}`);
  assert.equal(response.status, 200, `${year}${query}`);
  return (await documentedBody('GET', ACTIVITIES, response)) as unknown as Page<Activity>;
};
/** Follows `next` from the first page to the last; every id (or year) the pages held, in order. */
const walk = (first: string, get: (query: string) => Promise<Page<{ id?: string; year?: number }>>, pattern: RegExp) =>
  walkPages(first, get, (i) => String(i.id ?? i.year), pattern);

test('the published years only, oldest first', async () => {
  const all = await years();
  assert.deepEqual(all.items.map((y) => y.year), [2025, 2026]);
  assert.ok(all.items.every((y) => y.status === 'locked' && typeof y.publishedAt === 'string'));
  assert.deepEqual(await walk('?limit=1', years, /^\/api\/v1\/pacts\/lindewaard\/agenda-years\?limit=1&cursor=[A-Za-z0-9_-]+$/), ['2025', '2026']);
});

test('a year\'s activities with their indicators and co-partners, and without the responsible person', async () => {
  const db = t.database.db;
  const expected = (await sql<{ id: string }>`
    select a.id from activity a join agenda_year y on y.id = a.agenda_year_id
     where y.pact_id = ${lindewaard} and y.year = 2026 and a.withdrawn_at is null order by a.id`.execute(db)).rows.map((r) => r.id);
  assert.ok(expected.length >= 5, 'the demo year has activities');
  const all = await activities(2026, '?limit=200');
  assert.deepEqual(all.items.map((a) => a.id), expected);
  assert.equal(all.page.next, null);
  // Indicators as stored, in order, with the latest review's result.
  const withIndicators = all.items.find((a) => a.indicators.length > 0)!;
  const stored = await sql<{ id: string; target: number; result: number | null }>`
    select id, target_value::float8 as target, current_value::float8 as result from indicator
     where activity_id = ${withIndicators.id} order by position, name`.execute(db);
  assert.deepEqual(withIndicators.indicators.map((i) => ({ id: i.id, target: i.target, result: i.result })), stored.rows);
  assert.ok(all.items.some((a) => a.indicators.some((i) => i.result !== null)), 'the demo year has reviewed results');
  const partners = await sql<{ activity_id: string; organisation_id: string }>`
    select ap.activity_id, ap.organisation_id from activity_partner ap where ap.activity_id = any(${expected}::uuid[])`.execute(db);
  assert.ok(partners.rows.length > 0, 'the demo year has co-partners');
  for (const a of all.items) {
    assert.deepEqual(a.partnerIds, partners.rows.filter((p) => p.activity_id === a.id).map((p) => p.organisation_id).sort());
    assert.equal(a.withdrawnAt, null);
  }
  const names = (await sql<{ responsible_name: string }>`select distinct responsible_name from activity where id = any(${expected}::uuid[])`.execute(db)).rows;
  const text = JSON.stringify(all);
  for (const { responsible_name: name } of names) assert.ok(!text.includes(name), `${name} is not in the API`);
});

test('pages of three follow each other through `next` without repeating or skipping an activity', async () => {
  const whole = (await activities(2026)).items.map((a) => a.id);
  const seen = await walk('?limit=3', (q) => activities(2026, q), /^\/api\/v1\/pacts\/lindewaard\/agenda-years\/2026\/activities\?limit=3&cursor=[A-Za-z0-9_-]+$/);
  assert.deepEqual(seen, whole);
});

test('with `modified_after`: saved, reviewed and withdrawn since, but not what was withdrawn before publication', async () => {
  const db = t.database.db;
  const [saved, reviewed, withdrawn, earlier] = (await activities(2026)).items;
  assert.ok(saved && reviewed && withdrawn && earlier);
  const year = (await sql<{ published_at: Date }>`select published_at from agenda_year where pact_id = ${lindewaard} and year = 2026`.execute(db)).rows[0]!;
  const since = new Date('2027-01-01T00:00:00Z');
  const later = new Date('2027-01-02T10:00:00Z');
  await sql`update activity set updated_at = ${later}, title = 'Bijgewerkt' where id = ${saved.id}`.execute(db);
  await sql`update activity set reviewed_at = ${later}, status = 'done' where id = ${reviewed.id}`.execute(db);
  await sql`update activity set withdrawn_at = ${later}, updated_at = ${later} where id = ${withdrawn.id}`.execute(db);
  // Withdrawn before the agenda was published, though its row changed since: it never was public.
  await sql`update activity set withdrawn_at = ${new Date(year.published_at.getTime() - 86_400_000)}, updated_at = ${later} where id = ${earlier.id}`.execute(db);
  try {
    const changed = await activities(2026, `?modified_after=${encodeURIComponent(since.toISOString())}`);
    assert.deepEqual(changed.items.map((a) => a.id).sort(), [saved.id, reviewed.id, withdrawn.id].sort());
    const byId = new Map(changed.items.map((a) => [a.id, a]));
    assert.equal(byId.get(saved.id)?.title, 'Bijgewerkt');
    assert.equal(byId.get(reviewed.id)?.status, 'done');
    assert.equal(byId.get(reviewed.id)?.updatedAt, later.toISOString(), 'a review counts as a change');
    assert.equal(byId.get(withdrawn.id)?.withdrawnAt, later.toISOString());
    // Without it, neither withdrawn activity is on the list.
    const ids = (await activities(2026, '?limit=200')).items.map((a) => a.id);
    assert.ok(!ids.includes(withdrawn.id) && !ids.includes(earlier.id));
  } finally {
    await sql`update activity set withdrawn_at = null where id = any(${[withdrawn.id, earlier.id]}::uuid[])`.execute(db);
  }
});

test('a year that is not published, or not there, is a problem+json 404', async () => {
  for (const year of ['2031', '2099', '2024', '20x6', '12345']) {
    const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/agenda-years/${year}/activities`);
    assert.equal(response.status, 404, year);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal((await documentedBody('GET', ACTIVITIES, response)).type, '/api/docs#problem-not-found');
  }
  const text = JSON.stringify(await years('?modified_after=2000-01-01T00:00:00Z'));
  assert.ok(!text.includes('2031'), 'the unpublished year is not listed, not even with modified_after');
  assert.ok(!text.includes(draftActivity));
});

test('an unknown parameter, a limit of 0 or a cursor that is not ours is a 400 naming it', async () => {
  const cases = [
    ['/agenda-years?foo=1', YEARS, 'foo'], ['/agenda-years?limit=0', YEARS, 'limit'],
    ['/agenda-years?cursor=!!!', YEARS, 'cursor'], [`/agenda-years?cursor=${encodeCursor(['2026'])}`, YEARS, 'cursor'],
    ['/agenda-years/2026/activities?by=partner', ACTIVITIES, 'by'], ['/agenda-years/2026/activities?limit=0', ACTIVITIES, 'limit'],
    ['/agenda-years/2026/activities?cursor=!!!', ACTIVITIES, 'cursor'], [`/agenda-years/2026/activities?cursor=${encodeCursor([2026])}`, ACTIVITIES, 'cursor'],
  ] as const;
  for (const [path, template, name] of cases) {
    const response = await t.anonymous().get(`/api/v1/pacts/lindewaard${path}`);
    assert.equal(response.status, 400, path);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const problem = await documentedBody('GET', template, response);
    assert.deepEqual((problem.errors as Array<{ name: string }>).map((e) => e.name), [name], path);
  }
});

test('an unknown pact is a problem+json 404', async () => {
  for (const [path, template] of [['/agenda-years', YEARS], ['/agenda-years/2026/activities', ACTIVITIES]] as const) {
    const response = await t.anonymous().get(`/api/v1/pacts/nergens${path}`);
    assert.equal(response.status, 404, path);
    assert.equal((await documentedBody('GET', template, response)).type, '/api/docs#problem-not-found');
  }
});
