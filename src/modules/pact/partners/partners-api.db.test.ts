// The pact's partners in the public API: the organisation fields of the public partner pages and
// nothing of their contact details, keyset pages that neither repeat nor skip, `modified_after`,
// and refusals of a bad query or an unknown pact. Every answer is checked against the OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { encodeCursor } from '../../../platform/api/paging.ts';
import { openTestDatabase } from '../../../../tests/support/test-database.ts';
import { createTestApp, type TestApp } from '../../../../tests/support/test-app.ts';
import { assertBadQueries, documentedBody, walkPages } from '../../../../tests/support/api-document.ts';

let t: TestApp;
let lindewaard = '';
before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  lindewaard = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(t.database.db)).rows[0]!.id;
});
after(() => t.database.close());

const TEMPLATE = '/api/v1/pacts/:pact/partners';
interface Partner { id: string; name: string; kind: string; website: string; leftOn: string | null; status: string; updatedAt: string }
interface Page { items: Partner[]; page: { limit: number; next: string | null } }
const list = async (query = ''): Promise<Page> => {
  const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/partners${query}`);
  assert.equal(response.status, 200, query);
  return (await documentedBody('GET', TEMPLATE, response)) as unknown as Page;
};

test('every partner by name, former ones included, with the public fields of the organisation only', async () => {
  const expected = (await sql<{ id: string }>`select id from organisation where pact_id = ${lindewaard} order by name, id`.execute(t.database.db)).rows.map((r) => r.id);
  assert.ok(expected.length >= 3, 'the demo pact has partners');
  const all = await list();
  assert.deepEqual(all.items.map((p) => p.id), expected);
  assert.equal(all.page.next, null);
  // The partner that left in 2025 is listed as former, the others as partners.
  const left = all.items.filter((p) => p.status === 'left');
  assert.equal(left.length, 1);
  assert.equal(left[0]!.leftOn, '2025-09-30');
  assert.ok(all.items.filter((p) => p.status === 'member').every((p) => p.leftOn === null));
  // Contact details stay out, whatever the organisation entered.
  const stored = await sql<{ email: string; phone: string; contact_name: string; address: string }>`
    select email, phone, contact_name, address from organisation where pact_id = ${lindewaard}`.execute(t.database.db);
  assert.ok(stored.rows.some((r) => r.contact_name !== ''), 'the demo partners have contact persons');
  const text = JSON.stringify(all);
  for (const row of stored.rows) {
    for (const value of [row.email, row.phone, row.contact_name, row.address]) if (value) assert.ok(!text.includes(value), `${value} is not in the API`);
  }
});

test('pages of two follow each other through `next` without repeating or skipping a partner', async () => {
  const whole = (await list()).items.map((p) => p.id);
  const seen = await walkPages('?limit=2', list, (item) => item.id, /^\/api\/v1\/pacts\/lindewaard\/partners\?limit=2&cursor=[A-Za-z0-9_-]+$/);
  assert.deepEqual(seen, whole);
});

test('with `modified_after` only the partners changed since', async () => {
  const [, second] = (await list()).items;
  assert.ok(second);
  const later = new Date(Date.parse(second.updatedAt) + 3_600_000);
  await sql`update organisation set updated_at = ${later}, website = 'https://voorbeeld.example' where id = ${second.id}`.execute(t.database.db);
  const changed = await list(`?modified_after=${encodeURIComponent(new Date(later.getTime() - 1_000).toISOString())}`);
  assert.deepEqual(changed.items.map((p) => p.id), [second.id]);
  assert.equal(changed.items[0]!.website, 'https://voorbeeld.example');
  assert.equal(changed.items[0]!.updatedAt, later.toISOString());
  assert.deepEqual((await list(`?modified_after=${encodeURIComponent(later.toISOString())}`)).items, []);
});

test('another pact\'s organisations never show through this pact\'s address', async () => {
  const others = (await sql<{ id: string }>`select id from organisation where pact_id <> ${lindewaard}`.execute(t.database.db)).rows.map((r) => r.id);
  assert.ok(others.length > 0);
  const ids = (await list('?limit=200')).items.map((p) => p.id);
  assert.ok(!ids.some((id) => others.includes(id)));
});

test('an unknown parameter, a limit of 0 or a cursor that is not ours is a 400 naming it', async () => {
  await assertBadQueries((path) => t.anonymous().get(path), '/api/v1/pacts/lindewaard/partners', TEMPLATE, [['foo=1', 'foo'], ['limit=0', 'limit'], ['cursor=!!!', 'cursor'], [`cursor=${encodeCursor([1, 'x'])}`, 'cursor']] as const);
});

test('an unknown pact is a problem+json 404', async () => {
  const response = await t.anonymous().get('/api/v1/pacts/nergens/partners');
  assert.equal(response.status, 404);
  assert.equal((await documentedBody('GET', TEMPLATE, response)).type, '/api/docs#problem-not-found');
});
