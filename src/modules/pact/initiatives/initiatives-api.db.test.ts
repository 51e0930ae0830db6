// The published initiatives in the public API: published ones only, never the proposer's name or
// e-mail address or the coordinator's message, keyset pages that neither repeat nor skip,
// `modified_after`, and refusals of a bad query or an unknown pact. Every answer is checked
// against the OpenAPI document.
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

const TEMPLATE = '/api/v1/pacts/:pact/initiatives';
interface Initiative {
  id: string; title: string; neighbourhood: { id: string; name: string } | null; pillarId: string | null;
  supportNeeded: string[]; group: string; publishedAt: string | null; updatedAt: string;
}
interface Page { items: Initiative[]; page: { limit: number; next: string | null } }
const list = async (query = ''): Promise<Page> => {
  const response = await t.anonymous().get(`/api/v1/pacts/lindewaard/initiatives${query}`);
  assert.equal(response.status, 200, query);
  return (await documentedBody('GET', TEMPLATE, response)) as unknown as Page;
};

test('the published initiatives only, without the proposer\'s contact or the coordinator\'s message', async () => {
  const db = t.database.db;
  const expected = (await sql<{ id: string }>`
    select id from initiative where pact_id = ${lindewaard} and status = 'published' order by id`.execute(db)).rows.map((r) => r.id);
  assert.ok(expected.length >= 3, 'the demo pact has published initiatives');
  const all = await list();
  assert.deepEqual(all.items.map((i) => i.id), expected);
  assert.equal(all.page.next, null);
  const text = JSON.stringify(all);
  const stored = await sql<{ title: string; status: string; proposer_name: string; proposer_email: string; moderation_message: string }>`
    select title, status, proposer_name, proposer_email, moderation_message from initiative where pact_id = ${lindewaard}`.execute(db);
  assert.ok(stored.rows.some((r) => r.status !== 'published'), 'the demo pact has initiatives in other statuses');
  for (const row of stored.rows) {
    for (const value of [row.proposer_name, row.proposer_email, row.moderation_message]) if (value) assert.ok(!text.includes(value), `${value} is not in the API`);
    if (row.status !== 'published') assert.ok(!text.includes(row.title), `${row.title} (${row.status}) is not listed`);
  }
  // Neighbourhood and pillar as the public page shows them.
  const withNeighbourhood = all.items.find((i) => i.neighbourhood !== null)!;
  const neighbourhood = await sql<{ id: string; name: string }>`
    select n.id, n.name from initiative i join neighbourhood n on n.id = i.neighbourhood_id where i.id = ${withNeighbourhood.id}`.execute(db);
  assert.deepEqual(withNeighbourhood.neighbourhood, neighbourhood.rows[0]);
  assert.ok(all.items.every((i) => i.publishedAt !== null && i.supportNeeded.length > 0));
});

test('pages of two follow each other through `next` without repeating or skipping an initiative', async () => {
  const whole = (await list()).items.map((i) => i.id);
  const seen = await walkPages('?limit=2', list, (item) => item.id, /^\/api\/v1\/pacts\/lindewaard\/initiatives\?limit=2&cursor=[A-Za-z0-9_-]+$/);
  assert.deepEqual(seen, whole);
});

test('with `modified_after` the published ones changed since; one sent back to its proposer is not listed', async () => {
  const db = t.database.db;
  const [changed, sentBack] = (await list()).items;
  assert.ok(changed && sentBack);
  const later = new Date('2027-01-02T10:00:00Z');
  await sql`update initiative set updated_at = ${later}, support_notes = 'Bijgewerkt' where id = ${changed.id}`.execute(db);
  await sql`update initiative set updated_at = ${later}, status = 'changes_requested', description = 'Nog niet gemodereerd' where id = ${sentBack.id}`.execute(db);
  try {
    const since = await list(`?modified_after=${encodeURIComponent('2027-01-01T00:00:00Z')}`);
    assert.deepEqual(since.items.map((i) => i.id), [changed.id]);
    assert.equal(since.items[0]!.updatedAt, later.toISOString());
    const all = JSON.stringify(await list());
    assert.ok(!all.includes(sentBack.id) && !all.includes('Nog niet gemodereerd'));
  } finally {
    await sql`update initiative set status = 'published' where id = ${sentBack.id}`.execute(db);
  }
});

test('another pact\'s initiatives never show through this pact\'s address', async () => {
  await sql`
    insert into initiative (pact_id, title, description, target_group, proposer_name, proposer_email, status,
                            confirm_token_hash, status_token_hash, created_at, published_at, updated_at)
    select id, 'Initiatief van Hagedoorn', 'Elders.', 'Buren', 'Iemand', 'iemand@hagedoorn.example', 'published',
           repeat('c', 64), repeat('d', 64), now(), now(), now() from pact where slug = 'hagedoorn'`.execute(t.database.db);
  assert.ok(!JSON.stringify(await list('?limit=200')).includes('Initiatief van Hagedoorn'));
});

test('an unknown parameter, a limit of 0 or a cursor that is not ours is a 400 naming it', async () => {
  await assertBadQueries((path) => t.anonymous().get(path), '/api/v1/pacts/lindewaard/initiatives', TEMPLATE, [['q=koken', 'q'], ['limit=0', 'limit'], ['cursor=!!!', 'cursor'], [`cursor=${encodeCursor([1])}`, 'cursor']] as const);
});

test('an unknown pact is a problem+json 404', async () => {
  const response = await t.anonymous().get('/api/v1/pacts/nergens/initiatives');
  assert.equal(response.status, 404);
  assert.equal((await documentedBody('GET', TEMPLATE, response)).type, '/api/docs#problem-not-found');
});
