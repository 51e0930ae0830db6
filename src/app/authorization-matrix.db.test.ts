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
import { existsSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { isBare } from '../access/route.ts';
import type { Database } from '../platform/db/database.ts';
import { openTestDatabase, testEngine } from '../../tests/support/test-database.ts';
import { addTwoPactPerson, createTestApp, personas, type Persona, type TestApp } from '../../tests/support/test-app.ts';
import { concretePath, routeKey, sampleParams, samplesFile } from '../../tests/support/route-paths.ts';
import { allRoutes } from './routes.ts';

const THIS_FILE = 'src/app/authorization-matrix.db.test.ts';

const personaNames = [
  'anonymous', 'systemAdmin', 'coordinator', 'partnerAdmin', 'professional', 'volunteer', 'policyReader',
  'otherOrganisationAdmin', 'otherPactCoordinator', 'twoPactMember',
] as const;
type PersonaName = (typeof personaNames)[number];
type Outcome = 'allow' | 'deny' | 'login';
type Row = Record<PersonaName, Outcome>;

// twoPactMember: Lindewaard's second coordinator, who is also a professional in OCMW Hagedoorn. In
// Lindewaard they may do what a coordinator may do — and no more because of their membership in
// Hagedoorn (the samples are Lindewaard's; src/app/tenant-isolation.db.test.ts walks the routes with
// Hagedoorn's organisation under Lindewaard's address).

/** Everyone, signed in or not. */
const everyone: Row = {
  anonymous: 'allow', systemAdmin: 'allow', coordinator: 'allow', partnerAdmin: 'allow', professional: 'allow',
  volunteer: 'allow', policyReader: 'allow', otherOrganisationAdmin: 'allow', otherPactCoordinator: 'allow', twoPactMember: 'allow',
};
/** Any signed-in person, whatever their memberships. */
const signedIn: Row = { ...everyone, anonymous: 'login' };
/** Members of Lindewaard in any role; the system administrator and Hagedoorn's coordinator are not. */
const lindewaardMembers: Row = {
  anonymous: 'login', systemAdmin: 'deny', coordinator: 'allow', partnerAdmin: 'allow', professional: 'allow',
  volunteer: 'allow', policyReader: 'allow', otherOrganisationAdmin: 'allow', otherPactCoordinator: 'deny', twoPactMember: 'allow',
};
/** Lindewaard's coordinators only. */
const lindewaardCoordinator: Row = {
  anonymous: 'login', systemAdmin: 'deny', coordinator: 'allow', partnerAdmin: 'deny', professional: 'deny',
  volunteer: 'deny', policyReader: 'deny', otherOrganisationAdmin: 'deny', otherPactCoordinator: 'deny', twoPactMember: 'allow',
};
/** Editing Welzijn Lindewaard: the pact's coordinator and Welzijn's own partner admin, not De Linde's. */
const welzijnEditors: Row = { ...lindewaardCoordinator, partnerAdmin: 'allow' };
/** An invitation link: anyone who holds it; a signed-in person other than the invitee is refused (the sample is for a new person). */
const invitee: Row = {
  anonymous: 'allow', systemAdmin: 'deny', coordinator: 'deny', partnerAdmin: 'deny', professional: 'deny',
  volunteer: 'deny', policyReader: 'deny', otherOrganisationAdmin: 'deny', otherPactCoordinator: 'deny', twoPactMember: 'deny',
};
/** The installation's administrator only. */
const systemAdministrator: Row = {
  anonymous: 'login', systemAdmin: 'allow', coordinator: 'deny', partnerAdmin: 'deny', professional: 'deny',
  volunteer: 'deny', policyReader: 'deny', otherOrganisationAdmin: 'deny', otherPactCoordinator: 'deny', twoPactMember: 'deny',
};

// Written per route, even where rows repeat: reading one line tells who may use a route.
const expected: Record<string, Row> = {
  'GET /': everyone,
  'GET /language': everyone,
  'GET /admin': systemAdministrator,
  // All mail of the installation (addresses, names, links with tokens): its administrator only.
  'GET /admin/outbox': systemAdministrator,
  'GET /admin/outbox/:id': systemAdministrator,
  // Every pact (suspended ones too) and every person of the installation: its administrator only.
  'GET /admin/pacts': systemAdministrator,
  'GET /admin/pacts/new': systemAdministrator,
  'POST /admin/pacts/new': systemAdministrator,
  'GET /admin/pacts/:pactId': systemAdministrator,
  'POST /admin/pacts/:pactId/status': systemAdministrator,
  'GET /admin/people': systemAdministrator,
  'GET /admin/people/:personId': systemAdministrator,
  'POST /admin/people/:personId/deactivate': systemAdministrator,
  'POST /admin/people/:personId/reactivate': systemAdministrator,
  // The audit log of every pact and of the installation, with names: its administrator only.
  'GET /admin/audit': systemAdministrator,
  'GET /admin/audit.csv': systemAdministrator,
  'GET /healthz': everyone,
  'GET /readyz': everyone,
  'GET /assets/:file': everyone,
  'GET /login': everyone,
  'POST /login': everyone,
  // Log-out is public: signing out without a session just clears the cookie.
  'POST /logout': everyone,
  // Password reset by e-mail link: for anyone, signed in or not (the link is the proof). The sample
  // link is unknown, so the reset routes answer 410 "this link no longer works": the policy let it through.
  'GET /password/forgot': everyone,
  'POST /password/forgot': everyone,
  'GET /password/reset/:token': everyone,
  'POST /password/reset/:token': everyone,
  'GET /account': signedIn,
  'POST /account': signedIn,
  // The second-factor step and my sessions: any signed-in person, for their own account only (the
  // empty POSTs are refused with 400 for a missing code or scope, so nothing changes).
  'GET /account/second-factor': signedIn,
  'POST /account/second-factor': signedIn,
  'GET /account/sessions': signedIn,
  'POST /account/sessions/end': signedIn,
  // Resetting someone's lost second factor: the installation's administrator only (the empty POST
  // lacks the confirmation and is refused with 400, so the sample person keeps theirs).
  'GET /admin/people/:personId/second-factor/reset': systemAdministrator,
  'POST /admin/people/:personId/second-factor/reset': systemAdministrator,
  'GET /p/:pact': everyone,
  'GET /p/:pact/organisations': lindewaardMembers,
  'GET /p/:pact/organisations.csv': lindewaardMembers,
  'GET /p/:pact/organisations/:org': lindewaardMembers,
  'GET /p/:pact/organisations/:org/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/edit': welzijnEditors,
  // Inviting into Welzijn Lindewaard: the coordinator and Welzijn's own partner admin. Withdrawing
  // the sample invitation (of Welzijn) likewise; other members are refused once it is read.
  'GET /p/:pact/organisations/:org/invitations': welzijnEditors,
  'POST /p/:pact/organisations/:org/invitations': welzijnEditors,
  'POST /p/:pact/invitations/:id/revoke': welzijnEditors,
  // Members and teams of Welzijn Lindewaard: the coordinator and Welzijn's own partner admin; De
  // Linde's partner admin is refused. The empty POST bodies are refused with 400 (no role, no
  // confirmation, no name), so nothing changes.
  'GET /p/:pact/organisations/:org/members': welzijnEditors,
  'GET /p/:pact/organisations/:org/members/:membership': welzijnEditors,
  'POST /p/:pact/organisations/:org/members/:membership': welzijnEditors,
  'POST /p/:pact/organisations/:org/members/:membership/end': welzijnEditors,
  'GET /p/:pact/organisations/:org/teams': welzijnEditors,
  'POST /p/:pact/organisations/:org/teams': welzijnEditors,
  'POST /p/:pact/organisations/:org/teams/:team': welzijnEditors,
  // Adding a partner organisation: the pact's coordinators only.
  'GET /p/:pact/organisations/new': lindewaardCoordinator,
  'POST /p/:pact/organisations/new': lindewaardCoordinator,
  'GET /invitations/:token': invitee,
  'POST /invitations/:token': invitee,
  'GET /p/:pact/settings': lindewaardCoordinator,
  'POST /p/:pact/settings': lindewaardCoordinator,
  'GET /p/:pact/audit': lindewaardCoordinator,
  'GET /p/:pact/audit.csv': lindewaardCoordinator,
  'GET /p/:pact/neighbourhoods': lindewaardCoordinator,
  'POST /p/:pact/neighbourhoods': lindewaardCoordinator,
  'POST /p/:pact/neighbourhoods/import': lindewaardCoordinator,
  'GET /p/:pact/neighbourhoods.csv': lindewaardCoordinator,
  'GET /p/:pact/imports/:id': lindewaardCoordinator,
  'POST /p/:pact/imports/:id/promote': lindewaardCoordinator,
  'GET /api/p/:pact/imports/:id': lindewaardCoordinator,
  // ── pact profile, covenant, pillars, partners (src/modules/pact/partners) ──
  // The profile, covenant versions and pillars: the pact's coordinators only (empty POSTs: 400).
  'GET /p/:pact/profile': lindewaardCoordinator,
  'POST /p/:pact/profile': lindewaardCoordinator,
  'GET /p/:pact/covenant/new': lindewaardCoordinator,
  'POST /p/:pact/covenant/new': lindewaardCoordinator,
  'GET /p/:pact/pillars': lindewaardCoordinator,
  'POST /p/:pact/pillars': lindewaardCoordinator,
  'POST /p/:pact/pillars/template': lindewaardCoordinator,
  'GET /p/:pact/pillars/:pillar': lindewaardCoordinator,
  'POST /p/:pact/pillars/:pillar': lindewaardCoordinator,
  // The covenant, its versions and the partners: public pages (the covenant and who signed it are public).
  'GET /p/:pact/covenant': everyone,
  'GET /p/:pact/covenant/:version': everyone,
  'GET /p/:pact/partners': everyone,
  'GET /p/:pact/partners.csv': everyone,
  'GET /p/:pact/partners/:org': everyone,
  // Welzijn Lindewaard's representatives, signatures and partnership: the coordinator and Welzijn's
  // own partner admin (rejoining is the coordinator's only, checked in the handler).
  'GET /p/:pact/organisations/:org/representatives': welzijnEditors,
  'POST /p/:pact/organisations/:org/representatives': welzijnEditors,
  'GET /p/:pact/organisations/:org/covenant': welzijnEditors,
  'POST /p/:pact/organisations/:org/covenant': welzijnEditors,
  'GET /p/:pact/organisations/:org/partnership': welzijnEditors,
  'POST /p/:pact/organisations/:org/partnership': welzijnEditors,
  // ── initiatives (src/modules/pact/initiatives) ──
  // Residents propose without an account; the confirmation and status links are the key (the
  // sample `initiativeToken` was never issued: 410 "this link no longer works" = let through).
  'GET /p/:pact/initiatives': everyone,
  'GET /p/:pact/initiatives.csv': lindewaardCoordinator,
  'GET /p/:pact/initiatives/new': everyone,
  'POST /p/:pact/initiatives/new': everyone,
  'GET /p/:pact/initiatives/confirm/:initiativeToken': everyone,
  'POST /p/:pact/initiatives/confirm/:initiativeToken': everyone,
  'GET /p/:pact/initiatives/mine/:initiativeToken': everyone,
  'POST /p/:pact/initiatives/mine/:initiativeToken': everyone,
  'GET /p/:pact/initiatives/moderation': lindewaardCoordinator,
  // Published: public (the sample is published); the proposer's contact only for coordinators.
  'GET /p/:pact/initiatives/:initiative': everyone,
  'GET /p/:pact/initiatives/:initiative/moderate': lindewaardCoordinator,
  'POST /p/:pact/initiatives/:initiative/moderate': lindewaardCoordinator,
  // ── agenda (src/modules/pact/agenda) ──
  // The agenda years and the compiled agenda are public once published (the sample year is);
  // opening and managing a year is for the pact's coordinators. The empty POSTs lack a year or an
  // action and are refused with 400.
  'GET /p/:pact/agenda': everyone,
  'POST /p/:pact/agenda': lindewaardCoordinator,
  'GET /p/:pact/agenda/:year': everyone,
  'GET /p/:pact/agenda/:year/manage': lindewaardCoordinator,
  'POST /p/:pact/agenda/:year/status': lindewaardCoordinator,
  'GET /p/:pact/agenda/:year/agenda.pdf': everyone,
  'GET /p/:pact/agenda/:year/activities.csv': everyone,
  'GET /p/:pact/agenda/:year/activities/:activity': everyone,
  // Welzijn Lindewaard's activities: the coordinator and Welzijn's own partner admin; the empty
  // POSTs miss every field (or the confirmation) and are refused with 400.
  'GET /p/:pact/organisations/:org/activities': welzijnEditors,
  'GET /p/:pact/organisations/:org/activities/new': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/new': welzijnEditors,
  'GET /p/:pact/organisations/:org/activities/:activity/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/withdraw': welzijnEditors,
  // ── review (src/modules/pact/review) ──
  // Reviewing and carrying over Welzijn's activity: the coordinator and Welzijn's own partner admin
  // (the empty POSTs are refused: 400 for a missing status, 409 as 2030 is not open, so nothing changes).
  'GET /p/:pact/organisations/:org/activities/:activity/review': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/review': welzijnEditors,
  'GET /p/:pact/organisations/:org/activities/:activity/carry-over': welzijnEditors,
  'POST /p/:pact/organisations/:org/activities/:activity/carry-over': welzijnEditors,
  // The review overview of a year and its CSV: members of the pact.
  'GET /p/:pact/agenda/:year/review': lindewaardMembers,
  'GET /p/:pact/agenda/:year/review.csv': lindewaardMembers,
  // The results of a published year are public (2029 is published); an unpublished one only for members.
  'GET /p/:pact/agenda/:year/results': everyone,
  // ── meetings (src/modules/pact/meetings) ──
  'GET /p/:pact/meetings': everyone,
  'GET /p/:pact/meetings.ics': everyone,
  'GET /p/:pact/meetings.csv': lindewaardMembers,
  'GET /p/:pact/meetings/new': lindewaardCoordinator,
  'POST /p/:pact/meetings/new': lindewaardCoordinator,
  // The sample meeting is public; a members-only one answers 404 to the public.
  'GET /p/:pact/meetings/:meeting': everyone,
  'GET /p/:pact/meetings/:meeting/edit': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/edit': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/attendance': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/decisions': lindewaardCoordinator,
  'POST /p/:pact/meetings/:meeting/actions': lindewaardCoordinator,
  // ── stories (src/modules/pact/stories) ──
  'GET /p/:pact/stories': everyone,
  'GET /p/:pact/stories.csv': lindewaardMembers,
  // The sample story is published and public; an internal one answers 404 to the public.
  'GET /p/:pact/stories/:story': everyone,
  'GET /p/:pact/organisations/:org/stories/new': welzijnEditors,
  'POST /p/:pact/organisations/:org/stories/new': welzijnEditors,
  'GET /p/:pact/organisations/:org/stories/:story/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/stories/:story/edit': welzijnEditors,
  'POST /p/:pact/organisations/:org/stories/:story/status': welzijnEditors,
};

/** Routes whose sample resource may not exist in the test data: a 404 there still means the policy let it through. */
const notFoundMeansAllowed = new Set<string>([
  // The bundle is built by scripts/build-assets.mjs, which a unit-test run does not require.
  ...(existsSync(new URL('../../public/build/app.css', import.meta.url)) ? [] : ['GET /assets/:file']),
]);

let database: Database;
let t: TestApp;
let samples: Record<string, string>;

before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
  await addTwoPactPerson(database);
  // One real value per path parameter name (Lindewaard, Welzijn Lindewaard, an import job of
  // Lindewaard that is also the id of a queued mail).
  samples = await sampleParams(database.db);
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
    `Routes without an entry in the authorization matrix: add ${missing.map((k) => `'${k}': { anonymous: …, ${personaNames.slice(1).join(': …, ')}: … }`).join(' and ')} to \`expected\` in ${THIS_FILE}.`,
  );
  assert.deepEqual(stale, [], `Entries in the authorization matrix for routes that no longer exist: remove ${stale.join(', ')} from ${THIS_FILE}.`);
});

for (const route of allRoutes) {
  const key = routeKey(route);
  test(`${key}${isBare(route) ? ' (bare)' : ''} is used only by whom the matrix says (${testEngine})`, async () => {
    const row = expected[key];
    assert.ok(row, `No entry for "${key}" in the authorization matrix: add '${key}': { ${personaNames.map((p) => `${p}: …`).join(', ')} } to \`expected\` in ${THIS_FILE}.`);
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
      } else if (response.status !== 403) {
        mismatches.push(`${email} ${key}: HTTP ${response.status}`);
      }
    }
  }
  assert.deepEqual(mismatches, []);
});
