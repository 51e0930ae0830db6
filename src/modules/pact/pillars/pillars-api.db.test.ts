// The pact's pillars in the public API: keyset pages that neither repeat nor skip, `modified_after`
// for keeping a copy up to date (archived pillars included then), and refusals of a cursor that is
// not ours. Every answer is checked against the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { encodeCursor } from '../../../platform/api/paging.ts';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { documentedBody, walkPages } from '../../../../tests/support/api-document.ts';

let t: TestApp;
let lindewaard = '';
before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  lindewaard = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(t.database.db)).rows[0]!.id;
});
after(() => t.database.close());

const TEMPLATE = '/api/v1/pacts/:pact/pillars';
interface Page { items: Array<{ id: string; position: number; title: string; archivedAt: string | null; updatedAt: string }>; page: { limit: number; next: string | null } }
const list = async (query = ''): Promise<Page> => {
  const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/pillars${query}`);
  assert.equal(response.status, 200, query);
  return (await documentedBody('GET', TEMPLATE, response)) as unknown as Page;
};

test('the pillars in order of position, the current ones only', async () => {
  const expected = (await sql<{ id: string }>`select id from pillar where pact_id = ${lindewaard} and archived_at is null order by position, id`.execute(t.database.db)).rows.map((r) => r.id);
  assert.ok(expected.length >= 3, 'the demo pact has pillars');
  const all = await list();
  assert.deepEqual(all.items.map((p) => p.id), expected);
  assert.equal(all.page.next, null);
  assert.equal(all.page.limit, 50);
});

test('pages of two follow each other through `next` without repeating or skipping a pillar', async () => {
  const whole = (await list()).items.map((p) => p.id);
  const seen = await walkPages('?limit=2', list, (item) => item.id, /^\/api\/v1\/pacts\/lindewaard\/pillars\?limit=2&cursor=[A-Za-z0-9_-]+$/);
  assert.deepEqual(seen, whole);
});

test('with `modified_after` only what changed since, archived pillars included with their archiving time', async () => {
  const [first, second] = (await list()).items;
  assert.ok(first && second);
  const later = new Date(Date.parse(first.updatedAt) + 60_000);
  const after = new Date(later.getTime() - 1_000).toISOString();
  await sql`update pillar set updated_at = ${later}, description = 'Bijgewerkt' where id = ${first.id}`.execute(t.database.db);
  await sql`update pillar set updated_at = ${later}, archived_at = ${later} where id = ${second.id}`.execute(t.database.db);
  try {
    const changed = await list(`?modified_after=${encodeURIComponent(after)}`);
    assert.deepEqual(changed.items.map((p) => p.id).sort(), [first.id, second.id].sort());
    assert.equal(changed.items.find((p) => p.id === second.id)?.archivedAt, later.toISOString());
    // Without it, the archived pillar is gone from the list.
    assert.ok(!(await list()).items.some((p) => p.id === second.id));
  } finally {
    await sql`update pillar set archived_at = null where id = ${second.id}`.execute(t.database.db);
  }
});

test('a cursor that is not one of ours is a 400 on the cursor', async () => {
  for (const cursor of [encodeCursor(['x', 'y']), encodeCursor([1]), 'bm90IGpzb24', '!!!']) {
    const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/pillars?cursor=${encodeURIComponent(cursor)}`);
    assert.equal(response.status, 400, cursor);
    const problem = await documentedBody('GET', TEMPLATE, response);
    assert.deepEqual((problem.errors as Array<{ name: string }>).map((e) => e.name), ['cursor']);
  }
});

test('another pact\'s pillars never show through this pact\'s address', async () => {
  const hagedoorn = (await sql<{ id: string }>`select id from pillar where pact_id <> ${lindewaard}`.execute(t.database.db)).rows.map((r) => r.id);
  const ids = (await list('?limit=200')).items.map((p) => p.id);
  assert.ok(!ids.some((id) => hagedoorn.includes(id)));
});
