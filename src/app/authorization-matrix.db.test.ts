// The authorization matrix: every registered route × every kind of person, against an expectation
// written out by hand (not computed from the policy, which would only test the policy against
// itself). A route without a row here fails the suite, so nobody can add a route without deciding
// who may use it.
//
// Outcomes:
//   allow — the policy let the request through: not 401/403, not a redirect to the log-in page, no
//           5xx. A 400 for the deliberately empty POST body counts as allowed (the handler ran).
//           A 404 counts only for routes listed in `notFoundMeansAllowed` (their sample may not exist).
//   deny  — 403. A signed-in person outside the pact gets 403 too (the pact's existence is public:
//           its home page is public), never the page.
//   login — anonymous GET of a page: 303 to /login?next=<the requested path>; anonymous POST or
//           GET under /api/: 401.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { isApi, isBare } from '../access/route.ts';
import type { Database } from '../platform/db/database.ts';
import { openTestDatabase, testEngine } from '../../tests/support/test-database.ts';
import { addTwoPactPerson, createTestApp, personas, type Persona, type TestApp } from '../../tests/support/test-app.ts';
import { concretePath, routeKey, sampleParams, samplesFile } from '../../tests/support/route-paths.ts';
import { allRoutes } from './routes.ts';
import { modules } from './modules.ts';
import {
  everyone, personaNames, systemAdministrator, tokenNames, type Matrix, type PersonaName, type TokenMatrix, type TokenName,
} from '../../tests/support/authorization-matrix.ts';

/** Every module's rows, from src/modules/<module>/access.matrix.ts (each module owns its own). */
async function moduleMatrices(): Promise<{ persons: Matrix; tokens: TokenMatrix }> {
  const dir = new URL('../modules/', import.meta.url);
  const persons: Matrix = {};
  const tokens: TokenMatrix = {};
  for (const name of readdirSync(dir).sort()) {
    const file = new URL(`${name}/access.matrix.ts`, dir);
    if (!existsSync(file)) continue;
    const { matrix, tokenMatrix } = (await import(file.href)) as { matrix: Matrix; tokenMatrix?: TokenMatrix };
    for (const [key, row] of Object.entries(matrix)) {
      assert.ok(!(key in persons), `${key} has rows in two modules`);
      persons[key] = row;
    }
    for (const [key, row] of Object.entries(tokenMatrix ?? {})) {
      assert.ok(!(key in tokens), `${key} has token rows in two modules`);
      tokens[key] = row;
    }
  }
  return { persons, tokens };
}

const THIS_FILE = 'src/app/authorization-matrix.db.test.ts';

/** Where a route's row belongs: its module's access.matrix.ts, or this file for the installation's own routes. */
function rowFileOf(key: string): string {
  const owner = modules.find((m) => m.routes.some((r) => routeKey(r) === key));
  return owner ? `src/modules/${owner.name}/access.matrix.ts` : THIS_FILE;
}

/** The installation's own routes (src/app/root-routes.tsx); every module's rows are in its access.matrix.ts. */
function appRows(): Matrix {
  return {
    'GET /': everyone,
    'GET /language': everyone,
    'GET /admin': systemAdministrator,
    'GET /healthz': everyone,
    'GET /readyz': everyone,
    'GET /api/openapi.json': everyone,
    'GET /api/docs': everyone,
    'GET /assets/:file': everyone,
  };
}

const fromModules = await moduleMatrices();
const expected: Matrix = {
  ...appRows(),
  ...fromModules.persons,
};
/** API routes × kinds of token (`tokenMatrix` in each module's access.matrix.ts). */
const expectedWithTokens: TokenMatrix = fromModules.tokens;

/** Routes whose sample resource may not exist in the test data: a 404 there still means the policy let it through. */
const notFoundMeansAllowed = new Set<string>([
  // The bundle is built by scripts/build-assets.mjs, which a unit-test run does not require.
  ...(existsSync(new URL('../../public/build/app.css', import.meta.url)) ? [] : ['GET /assets/:file']),
]);

let database: Database;
let t: TestApp;
let samples: Record<string, string>;
/** The Authorization header of each kind of token (none: no header). */
const tokenHeaders = {} as Record<TokenName, Record<string, string>>;

/** Stores an API token with a known secret (tokens are stored as SHA-256). */
async function storeToken(name: TokenName, organisation: string, scopes: string, at: { expired?: boolean; revoked?: boolean } = {}): Promise<void> {
  const secret = `spk_${name.padEnd(43, 'x').slice(0, 43)}`;
  // Times on the app's clock, which the expiry is judged by.
  const now = t.clock.now();
  await sql`insert into api_token (pact_id, organisation_id, name, scopes, token_hash, prefix, created_at, expires_at, revoked_at)
            select pact_id, id, ${`matrix ${name}`}, ${scopes}::text[], sha256(convert_to(${secret}, 'UTF8')), ${secret.slice(0, 10)},
                   ${now}::timestamptz - interval '100 days', ${now}::timestamptz + ${at.expired ? sql`interval '-1 day'` : sql`interval '90 days'`},
                   ${at.revoked ? now : null}
              from organisation where name = ${organisation}`.execute(database.db);
  tokenHeaders[name] = { authorization: `Bearer ${secret}` };
}

before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
  await addTwoPactPerson(database);
  // One real value per path parameter name (Lindewaard, Welzijn Lindewaard, an import job of
  // Lindewaard that is also the id of a queued mail).
  samples = await sampleParams(database.db);
  tokenHeaders.none = {};
  await storeToken('welzijnRead', 'Welzijn Lindewaard', '{pact:read}');
  await storeToken('welzijnWrite', 'Welzijn Lindewaard', '{pact:write}');
  await storeToken('otherOrganisationWrite', 'Woonstichting De Linde', '{pact:write}');
  await storeToken('revoked', 'Welzijn Lindewaard', '{pact:write}', { revoked: true });
  await storeToken('expired', 'Welzijn Lindewaard', '{pact:write}', { expired: true });
  await storeToken('otherPact', 'OCMW Hagedoorn', '{pact:write}');
});
after(() => database.close());

/** A fresh session per request, so that a log-out (or any other session change) affects nothing else. */
async function personaFor(name: PersonaName): Promise<Persona> {
  return name === 'anonymous' ? t.anonymous() : t.sessionFor(personas[name]);
}

async function outcomeOf(method: 'GET' | 'POST', path: string, response: Response): Promise<string> {
  const status = response.status;
  const location = response.headers.get('location');
  if (status >= 500) return `error ${status}`;
  const api = path.startsWith('/api/');
  if (method === 'GET' && !api && status === 303 && location?.startsWith('/login')) {
    return location === `/login?next=${encodeURIComponent(path)}` ? 'login' : `login redirect to the wrong place: ${location}`;
  }
  if ((method === 'POST' || api) && status === 401) return 'login';
  if (status === 401) return `status 401 on ${method}`;
  if (status === 403) return 'deny';
  if (status === 404) return 'not found';
  return 'allow';
}

test('the matrix names exactly the registered routes, both ways', () => {
  const registered = allRoutes.map(routeKey);
  assert.equal(new Set(registered).size, registered.length, 'a route is registered twice');
  const missing = registered.filter((k) => !(k in expected));
  const stale = Object.keys(expected).filter((k) => !registered.includes(k));
  assert.deepEqual(
    missing,
    [],
    `Routes without an entry in the authorization matrix: add ${missing.map((k) => `'${k}': { anonymous: …, ${personaNames.slice(1).join(': …, ')}: … } to ${rowFileOf(k)}`).join(' and ')}.`,
  );
  assert.deepEqual(stale, [], `Entries in the authorization matrix for routes that no longer exist: remove ${stale.join(', ')} (from the module's access.matrix.ts or ${THIS_FILE}).`);
});

for (const route of allRoutes) {
  const key = routeKey(route);
  test(`${key}${isBare(route) ? ' (bare)' : ''} is used only by whom the matrix says (${testEngine})`, async () => {
    const row = expected[key];
    assert.ok(row, `No entry for "${key}" in the authorization matrix: add '${key}': { ${personaNames.map((p) => `${p}: …`).join(', ')} } to ${rowFileOf(key)}.`);
    const path = concretePath(route, samples, samplesFile);
    const mismatches: string[] = [];
    for (const name of personaNames) {
      const persona = await personaFor(name);
      // An empty body (with a valid CSRF token): enough to pass the policy, never enough to change data.
      const response = route.method === 'POST' ? await persona.post(path, {}) : await persona.get(path);
      await response.arrayBuffer();
      let actual = await outcomeOf(route.method, path, response);
      if (actual === 'not found' && notFoundMeansAllowed.has(key)) actual = 'allow';
      if (actual !== row[name]) mismatches.push(`${name}: expected ${row[name]}, got ${actual} (HTTP ${response.status})`);
    }
    assert.deepEqual(mismatches, [], `${key} as ${path}`);
  });
}

test('the token matrix names exactly the API routes', () => {
  const api = allRoutes.filter(isApi).map(routeKey);
  assert.deepEqual(api.filter((k) => !(k in expectedWithTokens)), [], 'API routes without a row in a module\'s tokenMatrix (access.matrix.ts)');
  assert.deepEqual(Object.keys(expectedWithTokens).filter((k) => !api.includes(k)), [], 'tokenMatrix rows for routes that are not API routes');
});

for (const route of allRoutes.filter(isApi)) {
  const key = routeKey(route);
  test(`${key} is used only with the tokens the token matrix says (${testEngine})`, async () => {
    const row = expectedWithTokens[key];
    assert.ok(row, `No token row for "${key}": add it to the tokenMatrix of its module's access.matrix.ts.`);
    const path = concretePath(route, samples, samplesFile);
    const mismatches: string[] = [];
    for (const name of tokenNames) {
      const headers = { ...tokenHeaders[name], ...(route.method === 'POST' ? { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() } : {}) };
      // An empty JSON object: enough to pass the policy, never enough to change data.
      const response = await t.app.request(path, { method: route.method, headers, ...(route.method === 'POST' ? { body: '{}' } : {}) });
      await response.arrayBuffer();
      const actual = await outcomeOf(route.method, path, response);
      if (actual !== row[name]) mismatches.push(`${name}: expected ${row[name]}, got ${actual} (HTTP ${response.status})`);
    }
    assert.deepEqual(mismatches, [], `${key} as ${path}`);
  });
}

test('Hagedoorn’s coordinator uses the same routes in Hagedoorn, and Lindewaard’s coordinator is refused there', async () => {
  const ocmw = await sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`.execute(database.db);
  const org = ocmw.rows[0]!.id;
  for (const path of ['/p/hagedoorn/organisations', `/p/hagedoorn/organisations/${org}/edit`, '/p/hagedoorn/settings']) {
    const own = await (await t.sessionFor(personas.otherPactCoordinator)).get(path);
    assert.equal(own.status, 200, `Hagedoorn's coordinator on ${path}`);
    const other = await (await t.sessionFor(personas.coordinator)).get(path);
    assert.equal(other.status, 403, `Lindewaard's coordinator on ${path}`);
  }
});

test('an organisation of another pact is not found through this pact’s address', async () => {
  // Row-level security hides Hagedoorn's organisation inside a Lindewaard request, so the
  // coordinator's right to edit organisations of Lindewaard does not reach it.
  const ocmw = await sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`.execute(database.db);
  const coordinator = await t.sessionFor(personas.coordinator);
  const page = await coordinator.get(`/p/lindewaard/organisations/${ocmw.rows[0]!.id}/edit`);
  assert.equal(page.status, 404);
  const save = await coordinator.post(`/p/lindewaard/organisations/${ocmw.rows[0]!.id}/edit`, { name: 'Overgenomen', kind: 'other' });
  assert.equal(save.status, 404);
  const stored = await sql<{ name: string }>`select name from organisation where id = ${ocmw.rows[0]!.id}`.execute(database.db);
  assert.equal(stored.rows[0]!.name, 'OCMW Hagedoorn');
});

test('a member of both pacts opens no page of the other pact’s organisation through this pact’s address, and is refused in that pact', async () => {
  // Lindewaard's coordinator is a professional in OCMW Hagedoorn: the coordinator's rights in
  // Lindewaard must not reach OCMW (404), and in Hagedoorn a professional may not edit it (403).
  const ocmw = (await sql<{ id: string }>`select id from organisation where name = 'OCMW Hagedoorn'`.execute(database.db)).rows[0]!.id;
  const member = await t.sessionFor(personas.twoPactMember);
  const outcomes: string[] = [];
  for (const page of ['', '/edit', '/members', '/teams', '/invitations', '/partnership', '/representatives', '/covenant', '/activities', '/activities/new', '/stories/new']) {
    const inLindewaard = await member.get(`/p/lindewaard/organisations/${ocmw}${page}`);
    await inLindewaard.arrayBuffer();
    if (inLindewaard.status !== 404) outcomes.push(`lindewaard ${page || '/'}: HTTP ${inLindewaard.status}`);
  }
  for (const page of ['/edit', '/members', '/invitations', '/partnership', '/representatives', '/activities']) {
    const inHagedoorn = await member.get(`/p/hagedoorn/organisations/${ocmw}${page}`);
    await inHagedoorn.arrayBuffer();
    if (inHagedoorn.status !== 403) outcomes.push(`hagedoorn ${page}: HTTP ${inHagedoorn.status}`);
  }
  const partnerPage = await (await t.sessionFor(personas.otherPactCoordinator)).get(`/p/lindewaard/partners/${ocmw}`);
  await partnerPage.arrayBuffer();
  if (partnerPage.status !== 404) outcomes.push(`Hagedoorn's coordinator on Lindewaard's partner page of OCMW: HTTP ${partnerPage.status}`);
  assert.deepEqual(outcomes, []);
});

test(`with only a password, a coordinator and a system administrator reach nothing but public pages and the second-factor step (${testEngine})`, async () => {
  const mismatches: string[] = [];
  for (const route of allRoutes) {
    if (isBare(route)) continue;
    const key = routeKey(route);
    const path = concretePath(route, samples, samplesFile);
    for (const name of ['coordinator', 'systemAdmin'] as const) {
      const email = personas[name];
      const persona = await t.sessionFor(email, { passwordOnly: true });
      const response = route.method === 'POST' ? await persona.post(path, {}) : await persona.get(path);
      await response.arrayBuffer();
      const location = response.headers.get('location');
      const open = route.permission === 'public' || route.permission === 'account:second-factor';
      if (open) {
        // These routes answer as the matrix says for the fully signed-in person (an invitation
        // link for someone else is refused either way), and never ask for the code.
        const refused = response.status === 403;
        if (refused !== (expected[key]?.[name] === 'deny') || response.status >= 500 || location?.startsWith('/account/second-factor')) {
          mismatches.push(`${email} ${key}: HTTP ${response.status} ${location ?? ''}`);
        }
      } else if (route.method === 'GET' && !path.startsWith('/api/')) {
        if (response.status !== 303 || location !== `/account/second-factor?next=${encodeURIComponent(path)}`) mismatches.push(`${email} ${key}: HTTP ${response.status} ${location ?? ''}`);
      } else if (isApi(route)) {
        // The public API reads no session at all: without a token it is 401, whatever the cookie.
        if (response.status !== 401) mismatches.push(`${email} ${key}: HTTP ${response.status}`);
      } else if (response.status !== 403) {
        mismatches.push(`${email} ${key}: HTTP ${response.status}`);
      }
    }
  }
  assert.deepEqual(mismatches, []);
});
