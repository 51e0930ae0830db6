// The public API's machinery, through the app as a partner system reaches it: the generated
// OpenAPI 3.1 document (valid, and naming every API route), problem details for every refusal,
// no cookies, and the pact itself as the first endpoint. Every response is checked against the
// document (tests/support/api-document.ts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { sql } from 'kysely';
import { isApi } from '../access/route.ts';
import { openApiPath } from '../platform/api/openapi.ts';
import { openTestDatabase, testEngine } from '../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../tests/support/test-app.ts';
import { documentedBody } from '../../tests/support/api-document.ts';
import { allRoutes } from './routes.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
});
after(() => t.database.close());

const get = (path: string, headers: Record<string, string> = {}) => t.anonymous().get(path, headers);

test(`the served document is valid OpenAPI 3.1 and describes every API route (${testEngine})`, async () => {
  const response = await get('/api/openapi.json');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
  const document = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
  const validator = new Validator();
  const result = await validator.validate(document as never);
  assert.deepEqual(result, { valid: true }, JSON.stringify(result.errors));
  assert.equal(validator.version, '3.1');
  const apiRoutes = allRoutes.filter(isApi);
  assert.ok(apiRoutes.length >= 2, 'the pact and its pillars at least');
  for (const route of apiRoutes) {
    assert.ok(document.paths[openApiPath(route.path)]?.[route.method.toLowerCase()], `${route.method} ${route.path} is missing from the document`);
  }
  // And nothing else: every described operation is a route.
  const described = Object.entries(document.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
  assert.deepEqual(described.sort(), apiRoutes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
});

test('the pact: its published profile, as the document describes it', async () => {
  const body = await documentedBody('GET', '/api/v1/pacts/:pact', await get('/api/v1/pacts/lindewaard'));
  assert.equal(body.slug, 'lindewaard');
  assert.equal(body.jurisdiction, 'NL');
  assert.equal(typeof body.name, 'string');
  assert.ok(!('id' in body) && !('status' in body), 'internal ids and status stay inside');
});

test('an unknown or suspended pact is a problem+json 404 with a stable type', async () => {
  for (const slug of ['nergens', 'x'.repeat(41), '%00']) {
    const response = await get(`/api/v1/pacts/${slug}`);
    assert.equal(response.status, 404, slug);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const body = await documentedBody('GET', '/api/v1/pacts/:pact', response);
    assert.equal(body.type, '/api/docs#problem-not-found');
    assert.equal(body.status, 404);
    assert.equal(typeof body.requestId, 'string');
  }
  await sql`update pact set status = 'suspended' where slug = 'hagedoorn'`.execute(t.database.db);
  try {
    const response = await get('/api/v1/pacts/hagedoorn');
    assert.equal(response.status, 404);
    assert.equal((await documentedBody('GET', '/api/v1/pacts/:pact', response)).type, '/api/docs#problem-not-found');
  } finally {
    await sql`update pact set status = 'active' where slug = 'hagedoorn'`.execute(t.database.db);
  }
});

test('an unknown, repeated or ill-typed query parameter is a 400 that names each one', async () => {
  const unknown = await get('/api/v1/pacts/lindewaard?foo=1&bar=2');
  assert.equal(unknown.status, 400);
  const body = await documentedBody('GET', '/api/v1/pacts/:pact', unknown);
  assert.equal(body.type, '/api/docs#problem-bad-request');
  assert.deepEqual((body.errors as Array<{ name: string }>).map((e) => e.name).sort(), ['bar', 'foo']);

  const repeated = await get('/api/v1/pacts/lindewaard/pillars?limit=2&limit=3');
  assert.equal(repeated.status, 400);
  assert.deepEqual((await documentedBody('GET', '/api/v1/pacts/:pact/pillars', repeated)).errors, [
    { in: 'query', name: 'limit', detail: 'Given more than once.' },
  ]);
  for (const bad of ['limit=0', 'limit=201', 'limit=abc', 'limit=2.5', 'modified_after=yesterday', 'modified_after=2026-13-01T00:00:00Z', 'cursor=', `cursor=${'a'.repeat(401)}`]) {
    const response = await get(`/api/v1/pacts/lindewaard/pillars?${bad}`);
    assert.equal(response.status, 400, bad);
    const problem = await documentedBody('GET', '/api/v1/pacts/:pact/pillars', response);
    assert.equal((problem.errors as Array<{ in: string; name: string }>)[0]?.name, bad.split('=')[0], bad);
  }
});

test('a client that does not take JSON gets 406, as problem+json all the same', async () => {
  const response = await get('/api/v1/pacts/lindewaard', { accept: 'text/html' });
  assert.equal(response.status, 406);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  for (const accept of ['application/json', '*/*', 'application/*', 'text/html, application/json;q=0.5']) {
    assert.equal((await get('/api/v1/pacts/lindewaard', { accept })).status, 200, accept);
  }
});

test('the API reads no cookie and sets none: a signed-in browser gets the same public answer', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const response = await coordinator.get('/api/v1/pacts/lindewaard/pillars');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('set-cookie'), null);
  const anonymous = await get('/api/v1/pacts/lindewaard/pillars');
  assert.equal(anonymous.headers.get('set-cookie'), null);
  assert.deepEqual(await response.json(), await anonymous.json());
});

test('an unknown path under /api/ is a problem+json 404, never an HTML page', async () => {
  for (const path of ['/api/v1/nothing', '/api/v1/pacts/lindewaard/nothing', '/api/v2/pacts/lindewaard']) {
    const response = await get(path);
    assert.equal(response.status, 404, path);
    assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/, path);
    assert.equal(((await response.json()) as { type: string }).type, '/api/docs#problem-not-found');
  }
});

test('the reference page lists every endpoint and describes each problem type at the anchor its `type` points to', async () => {
  const response = await get('/api/docs');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
  const html = await response.text();
  assert.match(html, /<h1[^>]*>API-naslag<\/h1>/);
  for (const route of allRoutes.filter(isApi)) {
    assert.ok(html.includes(`${route.method} ${openApiPath(route.path)}`), `${route.method} ${route.path} is on the page`);
  }
  for (const slug of ['bad-request', 'not-found', 'not-acceptable', 'server-error']) {
    assert.match(html, new RegExp(`id="problem-${slug}"`), slug);
  }
  assert.match(html, /href="\/api\/openapi\.json"/);
  // Plain HTML: no script needed to read it.
  assert.doesNotMatch(html, /<script(?![^>]*src="\/assets\/app\.js")/);
});

test('a bad request says where to look, in the language asked for', async () => {
  const nl = await documentedBody('GET', '/api/v1/pacts/:pact', await get('/api/v1/pacts/lindewaard?x=1'));
  assert.match(String(nl.detail), /In errors staat per fout/);
  const en = await documentedBody('GET', '/api/v1/pacts/:pact', await get('/api/v1/pacts/lindewaard?x=1', { 'accept-language': 'en' }));
  assert.match(String(en.detail), /errors lists where each one is/);
});
