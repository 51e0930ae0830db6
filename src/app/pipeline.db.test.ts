// The request pipeline end to end, through the real app and a real database: log-in through the
// form, session rotation and expiry, log-out, CSRF and cross-site refusal, security headers, error
// pages, forms that keep their input, stale edits, and the audit entry every member list leaves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { defineRoute, type AnyRoute } from '../access/route.ts';
import { hashToken } from '../modules/accounts/index.ts';
import { verifyAuditChains } from '../platform/audit/audit-log.ts';
import type { Database } from '../platform/db/database.ts';
import { openTestDatabase, testEngine } from '../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../tests/support/test-app.ts';
import { concretePath, csrfFromPage, sampleParams, samplesFile, setCookies } from '../../tests/support/route-paths.ts';
import { createApp } from './app.tsx';
import { allRoutes } from './routes.ts';
import { DEMO_PASSWORD } from './seed-demo.ts';
import { nl } from '../ui/messages/nl.ts';

const SESSION = '__Host-sp_session';
const VISITOR = '__Host-sp_visitor';
const form = 'application/x-www-form-urlencoded';

let database: Database;
let t: TestApp;
let welzijn: string;
let pactId: string;

before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
  welzijn = (await sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`.execute(database.db)).rows[0]!.id;
  pactId = (await sql<{ id: string }>`select id from pact where slug = 'lindewaard'`.execute(database.db)).rows[0]!.id;
});
after(() => database.close());

const minutes = (n: number) => n * 60_000;

async function sessionRows(token: string): Promise<number> {
  const r = await sql<{ n: number }>`select count(*)::int as n from session where id = ${hashToken(token)}`.execute(database.db);
  return r.rows[0]!.n;
}

/** Log-in the way a browser does it: fetch the form (visitor cookie + CSRF token), then post it. */
async function signInViaForm(email: string, password: string, options: { cookie?: string; requestId?: string } = {}) {
  const page = await t.app.request('/login', { headers: options.cookie ? { cookie: options.cookie } : {} });
  assert.equal(page.status, 200);
  const html = await page.text();
  const visitor = setCookies(page).get(VISITOR);
  const cookie = [options.cookie, visitor ? `${VISITOR}=${visitor}` : undefined].filter(Boolean).join('; ');
  const response = await t.app.request('/login', {
    method: 'POST',
    headers: { cookie, 'content-type': form, ...(options.requestId ? { 'x-request-id': options.requestId } : {}) },
    body: new URLSearchParams({ _csrf: csrfFromPage(html), email, password, next: '/account' }).toString(),
  });
  return { response, cookie, token: setCookies(response).get(SESSION) };
}

const get = (path: string, cookie: string, headers: Record<string, string> = {}) =>
  t.app.request(path, { headers: { cookie, ...headers } });

// These tests are about sessions, so they sign in as the policy reader, who needs no second factor
// (the second step is tested in src/modules/accounts/second-factor/second-factor.db.test.ts).
test(`log-in through the form starts a session and goes to the requested page (${testEngine})`, async () => {
  const { response, token } = await signInViaForm(personas.policyReader, DEMO_PASSWORD);
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('location'), '/account');
  assert.ok(token, 'a session cookie is set');
  const cookieHeader = response.headers.getSetCookie().find((h) => h.startsWith(`${SESSION}=`))!;
  assert.match(cookieHeader, /HttpOnly/i);
  assert.match(cookieHeader, /Secure/i);
  assert.match(cookieHeader, /SameSite=Lax/i);
  assert.equal(await sessionRows(token), 1);
  const account = await get('/account', `${SESSION}=${token}`);
  assert.equal(account.status, 200);
  assert.ok((await account.text()).includes('Marek Łukasik'));
  // Someone who sees household data is sent to the second step instead, with the same target.
  const coordinator = await signInViaForm(personas.coordinator, DEMO_PASSWORD);
  assert.equal(coordinator.response.headers.get('location'), '/account/second-factor?next=%2Faccount');
});

test('log-in rotates the session: the old cookie is replaced and its session row is gone', async () => {
  const before = await t.sessionFor(personas.partnerAdmin);
  const oldToken = before.cookie.slice(`${SESSION}=`.length);
  assert.equal(await sessionRows(oldToken), 1);
  const { response, token } = await signInViaForm(personas.partnerAdmin, DEMO_PASSWORD, { cookie: before.cookie });
  assert.equal(response.status, 303);
  assert.ok(token && token !== oldToken, 'a new session token');
  assert.equal(await sessionRows(oldToken), 0, 'the old session row is deleted');
  assert.equal(await sessionRows(token), 1);
  assert.equal((await get('/account', before.cookie)).status, 303, 'the old cookie no longer signs anyone in');
});

test('a wrong password and an unknown e-mail address get the same status and the same page', async () => {
  const visitor = t.anonymous();
  const attempt = async (email: string) => {
    const response = await t.app.request('/login', {
      method: 'POST',
      headers: { cookie: visitor.cookie, 'content-type': form, 'x-request-id': 'same-request-id-1' },
      body: new URLSearchParams({ _csrf: visitor.csrf, email, password: 'not-the-password', next: '/account' }).toString(),
    });
    const body = (await response.text()).replaceAll(email, '{email}');
    return { status: response.status, body, cookies: [...setCookies(response).keys()] };
  };
  const wrongPassword = await attempt(personas.coordinator);
  const unknownEmail = await attempt('niemand@lindewaard.example');
  assert.equal(wrongPassword.status, 401);
  assert.equal(unknownEmail.status, wrongPassword.status);
  assert.equal(unknownEmail.body, wrongPassword.body);
  assert.deepEqual(unknownEmail.cookies, wrongPassword.cookies);
  assert.ok(wrongPassword.body.includes(nl['login.failed']));
});

test('a session ends after the idle time without requests; every request within it extends it', async () => {
  const idle = t.services.session.idleMinutes;
  const { token } = await signInViaForm(personas.policyReader, DEMO_PASSWORD);
  const cookie = `${SESSION}=${token}`;
  t.clock.advance(minutes(idle - 1));
  assert.equal((await get('/account', cookie)).status, 200, 'just within the idle time');
  t.clock.advance(minutes(idle - 1));
  assert.equal((await get('/account', cookie)).status, 200, 'the previous request extended the session');
  t.clock.advance(minutes(idle + 1));
  const late = await get('/account', cookie);
  assert.equal(late.status, 303, 'treated as anonymous after the idle time');
  assert.equal(late.headers.get('location'), '/login?next=%2Faccount');
  assert.equal(setCookies(late).get(SESSION), '', 'the dead session cookie is cleared');
});

test('a session ends at its absolute lifetime, however active it is', async () => {
  const absolute = t.services.session.absoluteMinutes;
  const step = Math.max(1, t.services.session.idleMinutes - 5);
  const { token } = await signInViaForm(personas.policyReader, DEMO_PASSWORD);
  const cookie = `${SESSION}=${token}`;
  let elapsed = 0;
  while (elapsed + step < absolute) {
    t.clock.advance(minutes(step));
    elapsed += step;
    assert.equal((await get('/account', cookie)).status, 200, `still signed in after ${elapsed} minutes`);
  }
  t.clock.advance(minutes(absolute - elapsed + 1));
  const late = await get('/account', cookie);
  assert.equal(late.status, 303, `anonymous after ${absolute + 1} minutes although last seen ${absolute - elapsed + 1} minutes ago`);
});

test('log-out deletes the session and clears the cookie', async () => {
  const persona = await t.sessionFor(personas.policyReader);
  const token = persona.cookie.slice(`${SESSION}=`.length);
  const response = await persona.post('/logout', {});
  assert.equal(response.status, 303);
  assert.equal(setCookies(response).get(SESSION), '');
  assert.equal(await sessionRows(token), 0);
  assert.equal((await persona.get('/account')).status, 303);
  const logged = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'session.sign-out' and record_id = ${hashToken(token).slice(0, 16)}`.execute(database.db);
  assert.equal(logged.rows[0]!.n, 1);
});

test('a POST from another site is refused even with a valid CSRF token', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const settings = { name: 'Gekaapt pact', municipality: 'Elders', defaultLocale: 'en' };
  const crossSiteHeaders: Array<Record<string, string>> = [
    { origin: 'https://evil.example', host: 'localhost' },
    { origin: 'null', host: 'localhost' },
    { 'sec-fetch-site': 'cross-site' },
    { 'sec-fetch-site': 'same-site' },
  ];
  for (const headers of crossSiteHeaders) {
    const response = await coordinator.post('/p/lindewaard/settings', settings, headers);
    assert.equal(response.status, 403, JSON.stringify(headers));
  }
  const login = await t.anonymous().post('/login', { email: personas.coordinator, password: DEMO_PASSWORD }, { origin: 'https://evil.example', host: 'localhost' });
  assert.equal(login.status, 403);
  assert.equal(setCookies(login).has(SESSION), false);
  const stored = await sql<{ name: string }>`select name from pact where id = ${pactId}`.execute(database.db);
  assert.equal(stored.rows[0]!.name, 'Pact Samen Lindewaard');
  // Control: the same request from the app's own origin goes through.
  const own = await coordinator.post('/p/lindewaard/settings', { ...settings, name: 'Pact Samen Lindewaard' }, { origin: 'http://localhost', host: 'localhost', 'sec-fetch-site': 'same-origin' });
  assert.equal(own.status, 303);
});

test('a log-in without a (valid) CSRF token is refused with 403 and the form keeps the e-mail address', async () => {
  const visitor = t.anonymous();
  for (const token of [undefined, 'forged-token', (await t.sessionFor(personas.volunteer)).csrf]) {
    const fields: Record<string, string> = { email: personas.coordinator, password: DEMO_PASSWORD, next: '/account' };
    if (token) fields._csrf = token;
    const response = await t.app.request('/login', {
      method: 'POST', headers: { cookie: visitor.cookie, 'content-type': form }, body: new URLSearchParams(fields).toString(),
    });
    assert.equal(response.status, 403, `token ${token}`);
    assert.equal(setCookies(response).has(SESSION), false, 'no session');
    const html = await response.text();
    assert.ok(html.includes(nl['form.error.csrf']), 'the CSRF message is shown');
    assert.ok(html.includes(`value="${personas.coordinator}"`), 'the e-mail address is kept');
    assert.ok(!html.includes(DEMO_PASSWORD), 'the password is not sent back');
    assert.ok(html.includes('name="_csrf" value="'), 'a fresh token to try again');
  }
});

test('a CSRF token of another session does not work for a pact form', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const other = await t.sessionFor(personas.coordinator);
  const response = await coordinator.post('/p/lindewaard/settings', { _csrf: other.csrf, name: 'Met andermans token', defaultLocale: 'nl' });
  assert.equal(response.status, 403);
  const stored = await sql<{ name: string }>`select name from pact where id = ${pactId}`.execute(database.db);
  assert.equal(stored.rows[0]!.name, 'Pact Samen Lindewaard');
});

test('security headers are on every response: pages, errors, redirects and files', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const responses = [
    await t.app.request('/'),
    await t.app.request('/does-not-exist'),
    await coordinator.get('/p/lindewaard/organisations.csv'),
    await coordinator.post('/p/lindewaard/settings', { name: '' }),
    await t.app.request('/p/lindewaard/settings'),
    await t.app.request('/healthz'),
  ];
  for (const response of responses) {
    const csp = response.headers.get('content-security-policy') ?? '';
    const where = `${response.status} ${response.headers.get('content-type')}`;
    assert.ok(csp.includes("default-src 'self'"), `CSP on ${where}: ${csp}`);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), `no unsafe CSP on ${where}`);
    assert.ok(/frame-ancestors 'none'/.test(csp), `frame-ancestors on ${where}`);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff', where);
    assert.ok(response.headers.get('referrer-policy'), `referrer-policy on ${where}`);
  }
});

test('every HTML page, including error pages, starts with <!DOCTYPE html>', async () => {
  const samples = await sampleParams(database.db);
  const coordinator = await t.sessionFor(personas.coordinator);
  const professional = await t.sessionFor(personas.professional);
  let pages = 0;
  const paths = allRoutes
    .filter((r: AnyRoute) => r.method === 'GET')
    .map((r) => concretePath(r, samples, samplesFile));
  paths.push('/does-not-exist', '/p/lindewaard/organisations/not-a-uuid', '/p/unknown-pact');
  for (const path of paths) {
    for (const persona of [coordinator, professional, t.anonymous()]) {
      const response = await persona.get(path);
      const body = await response.text();
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) continue;
      pages++;
      assert.ok(body.startsWith('<!DOCTYPE html>'), `${path} (${response.status}) starts with ${JSON.stringify(body.slice(0, 30))}`);
    }
  }
  assert.ok(pages >= 20, `checked ${pages} pages`);
});

test('error pages show the request id and never a stack trace', async () => {
  const notFound = await t.app.request('/does-not-exist', { headers: { 'x-request-id': 'req-404-abcdef' } });
  assert.equal(notFound.status, 404);
  const professional = await t.sessionFor(personas.professional);
  const forbidden = await professional.get('/p/lindewaard/settings', { 'x-request-id': 'req-403-abcdef' });
  assert.equal(forbidden.status, 403);
  for (const [response, id] of [[notFound, 'req-404-abcdef'], [forbidden, 'req-403-abcdef']] as const) {
    const html = await response.text();
    assert.ok(html.includes(id), `request id ${id} on the page`);
    assert.ok(!/\bat .+\.(ts|tsx|js):\d+/.test(html) && !html.includes('Error:'), 'no stack trace');
  }
  // An unexpected failure: the page says so with the request id, the exception's text stays in the log.
  const failing: AnyRoute = defineRoute({
    method: 'GET', path: '/boom', permission: 'public',
    handler: async () => {
      throw new Error('secret detail about /work/main/src/internal.ts');
    },
  });
  const app = createApp(t.services, [failing]);
  const boom = await app.request('/boom', { headers: { 'x-request-id': 'req-500-abcdef' } });
  assert.equal(boom.status, 500);
  const html = await boom.text();
  assert.ok(html.startsWith('<!DOCTYPE html>'));
  assert.ok(html.includes('req-500-abcdef'));
  assert.ok(!html.includes('secret detail') && !html.includes('internal.ts') && !html.includes('Error:'));
  const api = await app.request('/api/nothing-here', { headers: { 'x-request-id': 'req-api-abcdef' } });
  assert.equal(api.status, 404);
  assert.match(api.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = (await api.json()) as { status: number; requestId: string };
  assert.equal(problem.status, 404);
  assert.equal(problem.requestId, 'req-api-abcdef');
});

test('the x-request-id header is echoed when well-formed and replaced when not', async () => {
  const echoed = await t.app.request('/', { headers: { 'x-request-id': 'abc-123.DEF_456' } });
  assert.equal(echoed.headers.get('x-request-id'), 'abc-123.DEF_456');
  for (const bad of ['short', 'has space in it', '<script>alert(1)</script>', 'x'.repeat(65)]) {
    const replaced = await t.app.request('/', { headers: { 'x-request-id': bad } });
    assert.match(replaced.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/, bad);
  }
  const generated = await t.app.request('/');
  assert.match(generated.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
});

async function organisationRow() {
  const r = await sql<Record<string, unknown>>`
    select name, kind, description, website, email, phone, address, updated_at from organisation where id = ${welzijn}`.execute(database.db);
  return r.rows[0]!;
}

async function editVersion(persona: { get(path: string): Promise<Response> }): Promise<string> {
  const page = await (await persona.get(`/p/lindewaard/organisations/${welzijn}/edit`)).text();
  return /name="version" value="([^"]+)"/.exec(page)![1]!;
}

test('a form with errors keeps every value and links the error summary to the fields', async () => {
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const before = await organisationRow();
  const version = await editVersion(partnerAdmin);
  const response = await partnerAdmin.post(`/p/lindewaard/organisations/${welzijn}/edit`, {
    version, name: 'Welzijn Lindewaard & Co', kind: 'welfare', description: 'Een nieuwe omschrijving <b>vet</b>',
    website: 'https://welzijn.lindewaard.example/nieuw', email: 'geen-e-mailadres', phone: '0599 999 999', address: 'Nieuwe straat 1',
  });
  assert.equal(response.status, 400);
  const html = await response.text();
  assert.ok(html.includes('value="Welzijn Lindewaard &amp; Co"'), 'name kept (escaped)');
  assert.ok(html.includes('Een nieuwe omschrijving &lt;b&gt;vet&lt;/b&gt;'), 'description kept, escaped');
  assert.ok(html.includes('value="geen-e-mailadres"'), 'the wrong value itself is kept');
  assert.ok(html.includes('value="0599 999 999"') && html.includes('value="Nieuwe straat 1"'));
  assert.ok(html.includes('value="https://welzijn.lindewaard.example/nieuw"'));
  assert.ok(html.includes('sp-error-summary'), 'an error summary');
  assert.ok(html.includes('href="#field-email"'), 'the summary links to the e-mail field');
  assert.ok(html.includes('id="field-email"'), 'the link target exists');
  assert.ok(!html.includes('href="#field-name"'), 'no error for a valid field');
  assert.deepEqual(await organisationRow(), before, 'nothing stored');
});

test('a stale edit returns 409, keeps the input and offers the newer version; nothing is overwritten', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const partnerAdmin = await t.sessionFor(personas.partnerAdmin);
  const base = { kind: 'welfare', description: '', website: '', email: '', phone: '', address: '' };
  const seen = await editVersion(partnerAdmin);
  assert.equal(await editVersion(coordinator), seen);
  t.clock.advance(minutes(1));
  const first = await coordinator.post(`/p/lindewaard/organisations/${welzijn}/edit`, { ...base, version: seen, name: 'Welzijn Lindewaard', description: 'Eerst opgeslagen' });
  assert.equal(first.status, 303, 'the first save, from the version on the page, goes through');
  t.clock.advance(minutes(1));
  const second = await partnerAdmin.post(`/p/lindewaard/organisations/${welzijn}/edit`, { ...base, version: seen, name: 'Welzijn Lindewaard', description: 'Later opgeslagen' });
  assert.equal(second.status, 409);
  const html = await second.text();
  assert.ok(html.includes(nl['organisation.stale']));
  assert.ok(html.includes('Later opgeslagen'), 'the input is kept');
  const newer = /name="version" value="([^"]+)"/.exec(html)![1]!;
  assert.notEqual(newer, seen, 'the page carries the newer version');
  assert.equal((await organisationRow()).description, 'Eerst opgeslagen', 'the first save stands');
  const retry = await partnerAdmin.post(`/p/lindewaard/organisations/${welzijn}/edit`, { ...base, version: newer, name: 'Welzijn Lindewaard', description: 'Later opgeslagen' });
  assert.equal(retry.status, 303, 'saving again from the newer version works');
  assert.equal((await organisationRow()).description, 'Later opgeslagen');
});

async function memberListReads(): Promise<Array<{ request_id: string; actor_person_id: string; details: { people?: string[] } }>> {
  const r = await sql<{ request_id: string; actor_person_id: string; details: { people?: string[] } }>`
    select request_id, actor_person_id, details from audit_event
     where pact_id = ${pactId} and action = 'membership.list' and record_id = ${welzijn} order by seq`.execute(database.db);
  return r.rows;
}

test('every read of an organisation’s member list writes an audit entry in the same transaction', async () => {
  const coordinator = await t.sessionFor(personas.coordinator);
  const before = (await memberListReads()).length;
  const ids: string[] = [];
  for (let i = 0; i < 2; i++) {
    const page = await coordinator.get(`/p/lindewaard/organisations/${welzijn}`);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes('Aylin Yıldız'), 'the member list is shown');
    ids.push(page.headers.get('x-request-id')!);
  }
  const reads = await memberListReads();
  assert.equal(reads.length, before + 2, 'one entry per read');
  assert.deepEqual(reads.slice(-2).map((r) => r.request_id), ids);
  const welzijnPeople = await sql<{ person_id: string }>`select person_id from membership where organisation_id = ${welzijn} and ended_at is null`.execute(database.db);
  assert.deepEqual([...reads.at(-1)!.details.people!].sort(), welzijnPeople.rows.map((r) => r.person_id).sort(), 'the entry names whose data was read');

  // Someone who may not see the list gets the page without it, and no entry.
  const outsider = await t.sessionFor(personas.otherOrganisationAdmin);
  const page = await outsider.get(`/p/lindewaard/organisations/${welzijn}`);
  assert.equal(page.status, 200);
  assert.ok(!(await page.text()).includes('Aylin Yıldız'));
  assert.equal((await memberListReads()).length, before + 2);

  // When the audit entry cannot be written, the list is not shown: read and log commit together or not at all.
  await sql`create function sp_test_refuse_member_list() returns trigger language plpgsql as $$
    begin
      if new.action = 'membership.list' then raise exception 'audit refused by the test'; end if;
      return new;
    end $$`.execute(database.db);
  await sql`create trigger sp_test_refuse_member_list before insert on audit_event
    for each row execute function sp_test_refuse_member_list()`.execute(database.db);
  try {
    const refused = await coordinator.get(`/p/lindewaard/organisations/${welzijn}`);
    assert.equal(refused.status, 500);
    const html = await refused.text();
    assert.ok(!html.includes('Aylin Yıldız') && !html.includes('audit refused'));
  } finally {
    await sql`drop trigger sp_test_refuse_member_list on audit_event`.execute(database.db);
    await sql`drop function sp_test_refuse_member_list()`.execute(database.db);
  }
  assert.equal((await memberListReads()).length, before + 2);
  assert.ok((await verifyAuditChains(database.db)).every((r) => r.ok));
});

test('the audit log names the membership that allowed a read, not the first one the person holds', async () => {
  // De Linde's partner admin is also a professional at Welzijn (two hats). Reading Welzijn's member
  // list is done as Welzijn's professional, and must be logged so (NEN 7513: the role acted in).
  const person = (await sql<{ id: string }>`select id from person where email = ${personas.otherOrganisationAdmin}`.execute(database.db)).rows[0]!.id;
  const hat = (await sql<{ id: string }>`
    insert into membership (pact_id, person_id, organisation_id, role) values (${pactId}, ${person}, ${welzijn}, 'professional')
    returning id`.execute(database.db)).rows[0]!.id;
  try {
    const twoHats = await t.sessionFor(personas.otherOrganisationAdmin);
    const page = await twoHats.get(`/p/lindewaard/organisations/${welzijn}`);
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes('Aylin Yıldız'), 'as a Welzijn professional they see its members');
    const entry = await sql<{ actor_organisation_id: string | null; actor_role: string | null }>`
      select actor_organisation_id, actor_role from audit_event
       where request_id = ${page.headers.get('x-request-id')} and action = 'membership.list'`.execute(database.db);
    assert.deepEqual(entry.rows, [{ actor_organisation_id: welzijn, actor_role: 'professional' }]);
  } finally {
    await sql`update membership set ended_at = now() where id = ${hat}`.execute(database.db);
  }
});

test('a suspended pact is not there for its own members', async () => {
  const hagedoorn = await t.sessionFor(personas.otherPactCoordinator);
  assert.equal((await hagedoorn.get('/p/hagedoorn/organisations')).status, 200);
  await sql`update pact set status = 'suspended' where slug = 'hagedoorn'`.execute(database.db);
  try {
    assert.equal((await hagedoorn.get('/p/hagedoorn/organisations')).status, 404);
    assert.equal((await hagedoorn.get('/p/hagedoorn/settings')).status, 404);
    // Nor for visitors: its public pages are gone too, not a log-in prompt.
    assert.equal((await t.anonymous().get('/p/hagedoorn')).status, 404);
  } finally {
    await sql`update pact set status = 'active' where slug = 'hagedoorn'`.execute(database.db);
  }
});
