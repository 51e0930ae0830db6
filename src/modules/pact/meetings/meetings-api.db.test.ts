// The upcoming public meetings in the public API: public meetings that have not ended at the
// request's moment (cancelled ones included), never a members-only one, start and end in local time
// with their offset, keyset pages that neither repeat nor skip (also between starts a microsecond
// apart), `modified_after`, and refusals of a bad query or an unknown pact. Every answer is checked
// against the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { encodeCursor } from '../../../platform/api/paging.ts';
import { openTestDatabase, TEST_SEED_TIME } from '../../../../tests/support/test-database.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { assertBadQueries, documentedBody, walkPages } from '../../../../tests/support/api-document.ts';

let t: TestApp;
let lindewaard = '';
const made: Record<string, string> = {};
before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const db = t.database.db;
  lindewaard = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(db)).rows[0]!.id;
  // Besides the demo's: one under way at the test clock (2026-11-23T10:00Z), one just ended, one in
  // summer time, a cancelled one, a members-only one, and two starting a microsecond apart.
  const meetings: Array<[key: string, starts: string, ends: string, visibility: string, status: string]> = [
    ['underWay', '2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z', 'public', 'planned'],
    ['ended', '2026-11-23T08:00:00Z', '2026-11-23T10:00:00Z', 'public', 'planned'],
    ['summer', '2027-06-10T17:00:00Z', '2027-06-10T19:30:00Z', 'public', 'planned'],
    ['cancelled', '2027-01-20T18:00:00Z', '2027-01-20T20:00:00Z', 'public', 'cancelled'],
    ['membersOnly', '2027-01-21T18:00:00Z', '2027-01-21T20:00:00Z', 'members', 'planned'],
    ['firstTwin', '2027-03-01T09:00:00.000500Z', '2027-03-01T10:00:00Z', 'public', 'planned'],
    ['secondTwin', '2027-03-01T09:00:00.000700Z', '2027-03-01T10:00:00Z', 'public', 'planned'],
  ];
  for (const [key, starts, ends, visibility, status] of meetings) {
    made[key] = (await sql<{ id: string }>`
      insert into meeting (pact_id, kind, title, starts_at, ends_at, place, visibility, status, created_at, updated_at)
      values (${lindewaard}, 'working_group', ${`Bijeenkomst ${key}`}, ${starts}::timestamptz, ${ends}::timestamptz, 'Buurthuis',
              ${visibility}, ${status}, ${TEST_SEED_TIME}::timestamptz, ${TEST_SEED_TIME}::timestamptz)
      returning id`.execute(db)).rows[0]!.id;
  }
});
after(() => t.database.close());

const TEMPLATE = '/api/v1/pacts/:pact/meetings';
interface Meeting { id: string; title: string; startsAt: string; endsAt: string; place: string; status: string; updatedAt: string }
interface Page { items: Meeting[]; page: { limit: number; next: string | null } }
const list = async (query = ''): Promise<Page> => {
  const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/meetings${query}`);
  assert.equal(response.status, 200, query);
  return (await documentedBody('GET', TEMPLATE, response)) as unknown as Page;
};

test('the public meetings that have not ended, by start, cancelled ones included, members-only ones never', async () => {
  const expected = (await sql<{ id: string }>`
    select id from meeting where pact_id = ${lindewaard} and visibility = 'public' and ends_at > ${TEST_SEED_TIME}::timestamptz
     order by starts_at, id`.execute(t.database.db)).rows.map((r) => r.id);
  const all = await list();
  assert.deepEqual(all.items.map((m) => m.id), expected);
  const ids = all.items.map((m) => m.id);
  for (const key of ['underWay', 'summer', 'cancelled', 'firstTwin', 'secondTwin']) assert.ok(ids.includes(made[key]!), key);
  for (const key of ['ended', 'membersOnly']) assert.ok(!ids.includes(made[key]!), key);
  assert.equal(all.items.find((m) => m.id === made.cancelled)?.status, 'cancelled');
  // The demo's members-only meeting in December is not there either.
  assert.ok(!all.items.some((m) => m.startsAt.startsWith('2026-12-10')));
});

test('start and end in the pact\'s local time with the offset in force then', async () => {
  const all = await list();
  const winter = all.items.find((m) => m.startsAt.startsWith('2027-02-11'))!;
  assert.equal(winter.startsAt, '2027-02-11T13:00:00+01:00');
  const summer = all.items.find((m) => m.id === made.summer)!;
  assert.equal(summer.startsAt, '2027-06-10T19:00:00+02:00');
  assert.equal(summer.endsAt, '2027-06-10T21:30:00+02:00');
  for (const m of all.items) assert.equal(Date.parse(m.startsAt) < Date.parse(m.endsAt), true);
});

test('pages of one follow each other through `next` without repeating or skipping a meeting, also a microsecond apart', async () => {
  const whole = (await list()).items.map((m) => m.id);
  const seen = await walkPages('?limit=1', list, (item) => item.id, /^\/api\/v1\/pacts\/lindewaard\/meetings\?limit=1&cursor=[A-Za-z0-9_-]+$/);
  assert.deepEqual(seen, whole);
  assert.ok(seen.indexOf(made.firstTwin!) + 1 === seen.indexOf(made.secondTwin!));
});

test('with `modified_after` only the upcoming ones changed since', async () => {
  // After every change in the demo data (which dates a meeting's last change at its end).
  const later = new Date('2027-12-01T10:00:00Z');
  await sql`update meeting set updated_at = ${later}, place = 'Bibliotheek' where id = ${made.summer}`.execute(t.database.db);
  await sql`update meeting set updated_at = ${later} where id = any(${[made.ended, made.membersOnly]}::uuid[])`.execute(t.database.db);
  const changed = await list(`?modified_after=${encodeURIComponent('2027-11-30T00:00:00+01:00')}`);
  assert.deepEqual(changed.items.map((m) => m.id), [made.summer]);
  assert.equal(changed.items[0]!.place, 'Bibliotheek');
  assert.equal(changed.items[0]!.updatedAt, later.toISOString());
});

test('a meeting leaves the list once it has ended at the request\'s moment', async () => {
  t.clock.set('2026-11-23T11:00:00Z');
  try {
    assert.ok(!(await list()).items.some((m) => m.id === made.underWay));
  } finally {
    t.clock.set(TEST_SEED_TIME);
  }
  assert.ok((await list()).items.some((m) => m.id === made.underWay));
});

test('an unknown parameter, a limit of 0 or a cursor that is not ours is a 400 naming it', async () => {
  await assertBadQueries((path) => t.anonymous().get(path), '/api/v1/pacts/lindewaard/meetings', TEMPLATE, [['from=2027-01-01', 'from'], ['limit=0', 'limit'], ['cursor=!!!', 'cursor'], [`cursor=${encodeCursor(['gisteren', made.summer!])}`, 'cursor']] as const);
});

test('an unknown pact is a problem+json 404', async () => {
  const response = await t.anonymous().get('/api/v1/pacts/nergens/meetings');
  assert.equal(response.status, 404);
  assert.equal((await documentedBody('GET', TEMPLATE, response)).type, '/api/docs#problem-not-found');
});
