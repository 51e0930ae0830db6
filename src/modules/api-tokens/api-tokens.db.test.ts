// API tokens end to end through the app: a partner admin makes one on the organisation's page (shown
// once, stored hashed), a partner system uses it (last use kept, every call audited as the
// organisation), registers an activity with an Idempotency-Key (a retry replays, another body with
// the key is refused), and is refused with problem+json for every bad input, a missing scope,
// another organisation, a revoked, expired, malformed or unknown token and too many requests.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../app/app.tsx';
import { documentedBody } from '../../../tests/support/api-document.ts';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../tests/support/test-app.ts';

let t: TestApp;
const ids = { lindewaard: '', welzijn: '', delinde: '', pillar: '', hagedoornPillar: '' };
const REGISTER = '/api/v1/pacts/:pact/organisations/:organisation/activities';

before(async () => {
  t = await createTestApp(await openTestDatabase({ demo: true }));
  const one = async (query: ReturnType<typeof sql<{ id: string }>>) => (await query.execute(t.database.db)).rows[0]!.id;
  ids.lindewaard = await one(sql<{ id: string }>`select id from pact where slug = 'lindewaard'`);
  ids.welzijn = await one(sql<{ id: string }>`select id from organisation where name = 'Welzijn Lindewaard'`);
  ids.delinde = await one(sql<{ id: string }>`select o.id from organisation o join membership m on m.organisation_id = o.id
    join person p on p.id = m.person_id where p.email = ${personas.otherOrganisationAdmin} limit 1`);
  ids.pillar = await one(sql<{ id: string }>`select id from pillar where pact_id = ${ids.lindewaard} and archived_at is null order by position limit 1`);
  ids.hagedoornPillar = await one(sql<{ id: string }>`select p.id from pillar p join pact on pact.id = p.pact_id where pact.slug = 'hagedoorn' limit 1`);
  // A year open for registration (the demo's years are all closed).
  await sql`insert into agenda_year (pact_id, year, status, introduction, created_at, updated_at)
            values (${ids.lindewaard}, 2027, 'open', '', now(), now())`.execute(t.database.db);
});
after(() => t.database.close());

const tokensPage = (org = ids.welzijn) => `/p/lindewaard/organisations/${org}/api-tokens`;

/** Makes a token on the page as the organisation's partner admin; the secret from the page that shows it once. */
async function makeToken(fields: Record<string, string>, admin: string = personas.partnerAdmin, org = ids.welzijn): Promise<string> {
  const session = await t.sessionFor(admin);
  const response = await session.post(tokensPage(org), { name: 'Koppeling', scope_pact: 'write', lifetime: '90', ...fields });
  const html = await response.text();
  assert.equal(response.status, 201, html.slice(0, 300));
  const secret = /<textarea id="api-token-secret"[^>]*>(spk_[A-Za-z0-9_-]{43})<\/textarea>/.exec(html)?.[1];
  assert.ok(secret, 'the page shows the token');
  return secret;
}

function api(method: 'GET' | 'POST', path: string, a: { token?: string; body?: unknown; raw?: string; key?: string | null; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...a.headers };
  if (a.token) headers.authorization = `Bearer ${a.token}`;
  if (method === 'POST') {
    headers['content-type'] ??= 'application/json';
    if (a.key !== null) headers['idempotency-key'] = a.key ?? crypto.randomUUID();
  }
  return t.app.request(path, { method, headers, ...(method === 'POST' ? { body: a.raw ?? JSON.stringify(a.body ?? {}) } : {}) });
}

const registerPath = (org = ids.welzijn) => `/api/v1/pacts/lindewaard/organisations/${org}/activities`;
const activity = (over: Record<string, unknown> = {}) => ({
  year: 2027, title: 'Budgetcafé op dinsdag', goal: 'Inwoners helpen met hun administratie', pillarId: ids.pillar,
  responsibleName: 'Teamleider budgetcoaching', startsOn: '2027-02-01', endsOn: '2027-11-30',
  indicators: [{ name: 'Bezoekers', unit: 'huishoudens', target: 120 }], ...over,
});

async function problemOf(response: Response, status: number, type: string, template = REGISTER, method: 'GET' | 'POST' = 'POST') {
  assert.equal(response.status, status, `expected ${status}`);
  assert.match(response.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = await documentedBody(method, template, response);
  assert.equal(body.type, `/api/docs#problem-${type}`);
  return body;
}

test(`a partner admin makes a token: shown once with no-store, listed by its prefix only, stored as a hash, audited (${testEngine})`, async () => {
  const secret = await makeToken({ name: 'Registratiesysteem' });
  const stored = await sql<{ token_hash: Buffer; prefix: string; scopes: string[]; created_by: string | null }>`
    select token_hash, prefix, scopes, created_by from api_token where name = 'Registratiesysteem'`.execute(t.database.db);
  const row = stored.rows[0]!;
  assert.equal(row.token_hash.length, 32);
  assert.ok(!row.token_hash.toString('latin1').includes(secret.slice(4, 20)), 'not the token itself');
  assert.equal(row.prefix, secret.slice(0, 10));
  assert.deepEqual(row.scopes, ['pact:write']);
  const list = await (await t.sessionFor(personas.partnerAdmin)).get(tokensPage());
  const html = await list.text();
  assert.equal(list.status, 200);
  assert.equal(list.headers.get('cache-control'), 'no-store');
  assert.ok(html.includes(`${row.prefix}…`) && !html.includes(secret), 'the list shows the prefix, never the token');
  const audit = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'api-token.create' and pact_id = ${ids.lindewaard}`.execute(t.database.db);
  assert.ok(audit.rows[0]!.n >= 1);
});

test('the form refuses a token without any right, or with an unknown lifetime, and keeps the input', async () => {
  const session = await t.sessionFor(personas.partnerAdmin);
  const response = await session.post(tokensPage(), { name: 'Zonder rechten', scope_pact: 'none', lifetime: '90' });
  const html = await response.text();
  assert.equal(response.status, 400);
  assert.match(html, /utrecht-form-field-error-message/);
  assert.ok(html.includes('value="Zonder rechten"'), 'the name is kept');
  assert.ok(html.includes('Kies voor ten minste'), 'says a right is needed');
  const lifetime = await session.post(tokensPage(), { name: 'Zonder rechten', scope_pact: 'read', lifetime: '7' });
  assert.equal(lifetime.status, 400);
  assert.ok((await lifetime.text()).includes('Kies hoe lang de sleutel geldig is'));
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from api_token where name = 'Zonder rechten'`.execute(t.database.db)).rows[0]!.n, 0);
});

test('a token reads public data, its use is kept to the minute and every call is audited as its organisation', async () => {
  const secret = await makeToken({ name: 'Lezer', scope_pact: 'read' });
  const response = await api('GET', '/api/v1/pacts/lindewaard/pillars', { token: secret });
  assert.equal(response.status, 200);
  await documentedBody('GET', '/api/v1/pacts/:pact/pillars', response);
  const token = (await sql<{ id: string; last_used_at: Date | null }>`select id, last_used_at from api_token where name = 'Lezer'`.execute(t.database.db)).rows[0]!;
  assert.equal(token.last_used_at?.toISOString(), t.clock.now().toISOString());
  const calls = await sql<{ actor_person_id: string | null; actor_organisation_id: string; actor_role: string; details: Record<string, string> }>`
    select actor_person_id, actor_organisation_id, actor_role, details from audit_event
     where action = 'api.call' and details->>'apiToken' = ${token.id}`.execute(t.database.db);
  assert.equal(calls.rows.length, 1);
  assert.deepEqual(calls.rows[0], {
    actor_person_id: null, actor_organisation_id: ids.welzijn, actor_role: 'api_token',
    details: { apiToken: token.id, method: 'GET', route: '/api/v1/pacts/:pact/pillars' },
  });
});

test('registering an activity: 201 as documented; a retry with the key replays the answer and registers nothing twice', async () => {
  const secret = await makeToken({ name: 'Schrijver' });
  const key = crypto.randomUUID();
  const first = await api('POST', registerPath(), { token: secret, body: activity(), key });
  assert.equal(first.status, 201);
  assert.equal(first.headers.get('idempotent-replayed'), 'false');
  const made = await documentedBody('POST', REGISTER, first);
  assert.equal(made.organisationId, ids.welzijn);
  const again = await api('POST', registerPath(), { token: secret, body: activity(), key });
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(await documentedBody('POST', REGISTER, again), made);
  const count = await sql<{ n: number }>`select count(*)::int as n from activity where title = 'Budgetcafé op dinsdag'`.execute(t.database.db);
  assert.equal(count.rows[0]!.n, 1);
  const registered = await sql<{ created_by: string | null; organisation_id: string }>`select created_by, organisation_id from activity where id = ${made.id as string}`.execute(t.database.db);
  assert.deepEqual(registered.rows[0], { created_by: null, organisation_id: ids.welzijn });
  const audited = await sql<{ actor_role: string }>`select actor_role from audit_event where action = 'activity.register' and record_id = ${made.id as string}`.execute(t.database.db);
  assert.deepEqual(audited.rows, [{ actor_role: 'api_token' }]);

  // The same key with another body (or another path) is a client's mistake: 422, nothing done.
  await problemOf(await api('POST', registerPath(), { token: secret, body: activity({ title: 'Iets anders' }), key }), 422, 'idempotency-key-reused');
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from activity where title = 'Iets anders'`.execute(t.database.db)).rows[0]!.n, 0);
  // Keys are the token's own: another token may use the same key for its own request.
  const other = await makeToken({ name: 'Tweede schrijver' });
  assert.equal((await api('POST', registerPath(), { token: other, body: activity({ title: 'Met dezelfde sleutel' }), key })).status, 201);
});

test('two requests with one key at the same moment register once, and both get the same answer', async () => {
  const secret = await makeToken({ name: 'Gelijktijdig' });
  const key = crypto.randomUUID();
  const body = activity({ title: 'Tegelijk verstuurd' });
  const answers = await Promise.all([1, 2, 3].map(() => api('POST', registerPath(), { token: secret, body, key })));
  assert.deepEqual(answers.map((r) => r.status), [201, 201, 201]);
  const bodies = await Promise.all(answers.map((r) => documentedBody('POST', REGISTER, r)));
  assert.equal(new Set(bodies.map((b) => b.id)).size, 1, 'one activity id in every answer');
  assert.deepEqual(answers.map((r) => r.headers.get('idempotent-replayed')).sort(), ['false', 'true', 'true']);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from activity where title = 'Tegelijk verstuurd'`.execute(t.database.db)).rows[0]!.n, 1);
});

test('bad input to the POST is a problem+json 4xx that says where, never a 5xx, and changes nothing', async () => {
  const secret = await makeToken({ name: 'Foute invoer' });
  const before = (await sql<{ n: number }>`select count(*)::int as n from activity`.execute(t.database.db)).rows[0]!.n;
  const post = (a: Parameters<typeof api>[2]) => api('POST', registerPath(), { token: secret, ...a });
  const findings = async (response: Response, status = 400) => ((await problemOf(response, status, 'bad-request')).errors as Array<{ in: string; name: string }>).map((e) => `${e.in}:${e.name}`);

  assert.deepEqual(await findings(await post({ body: activity(), key: null })), ['header:Idempotency-Key']);
  assert.deepEqual(await findings(await post({ body: activity(), key: 'met spatie' })), ['header:Idempotency-Key']);
  await problemOf(await post({ body: activity(), headers: { 'content-type': 'text/plain' } }), 415, 'unsupported-media-type');
  await problemOf(await post({ body: activity(), headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported-media-type');
  await problemOf(await post({ raw: JSON.stringify(activity({ description: 'x'.repeat(70 * 1024) })) }), 413, 'too-large');
  await problemOf(await post({ raw: JSON.stringify({ pad: 'y'.repeat(5 * 1024 * 1024) }) }), 413, 'too-large');
  assert.deepEqual(await findings(await post({ raw: '{"year": 2027,' })), ['body:(body)']);
  assert.deepEqual(await findings(await post({ raw: '' })), ['body:(body)']);
  assert.deepEqual(await findings(await post({ body: activity({ role: 'admin' }) })), ['body:role']);
  assert.deepEqual(await findings(await post({ body: activity({ year: '2027', title: 42 }) })), ['body:year', 'body:title']);
  assert.deepEqual(await findings(await post({ body: activity({ startsOn: '2027-02-30' }) })), ['body:startsOn']);
  assert.deepEqual(await findings(await post({ body: activity({ endsOn: '2027-01-01' }) })), ['body:endsOn']);
  assert.deepEqual(await findings(await post({ body: activity({ indicators: [{ name: 'n', target: -1 }] }) })), ['body:indicators.0.target']);
  assert.deepEqual(await findings(await post({ body: activity({ title: 'a\u0000b' }) })), ['body:(body)']);
  assert.deepEqual(await findings(await post({ body: [activity()] })), ['body:(all)']);
  assert.deepEqual(await findings(await post({ body: activity({ year: 2031, startsOn: '2031-02-01', endsOn: '2031-03-01' }) })), ['body:year']);
  assert.deepEqual(await findings(await post({ body: activity({ pillarId: ids.hagedoornPillar }) })), ['body:pillarId']);
  assert.deepEqual(await findings(await post({ body: activity({ partnerIds: [ids.hagedoornPillar] }) })), ['body:partnerIds']);
  // A closed year is a conflict with the stored state, not bad input.
  await problemOf(await post({ body: activity({ year: 2026, startsOn: '2026-02-01', endsOn: '2026-03-01' }) }), 409, 'conflict');
  // An organisation that is not one of the pact's, or no UUID: not found.
  await problemOf(await api('POST', registerPath('00000000-0000-4000-8000-000000000000'), { token: secret, body: activity() }), 403, 'forbidden');
  await problemOf(await api('POST', registerPath('welzijn'), { token: secret, body: activity() }), 404, 'not-found');
  await problemOf(await api('POST', '/api/v1/pacts/nergens/organisations/00000000-0000-4000-8000-000000000000/activities', { token: secret, body: activity() }), 404, 'not-found');
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from activity`.execute(t.database.db)).rows[0]!.n, before);
});

test('who may POST: a token of the organisation with pact:write; a read token, another organisation\'s token or none is refused', async () => {
  const reader = await makeToken({ name: 'Alleen lezen', scope_pact: 'read' });
  const forbidden = await problemOf(await api('POST', registerPath(), { token: reader, body: activity() }), 403, 'forbidden');
  assert.match(String(forbidden.detail), /scopes/);
  // De Linde's own token, for Welzijn's activities: refused.
  const delinde = await makeToken({ name: 'De Linde' }, personas.otherOrganisationAdmin, ids.delinde);
  const response = await api('POST', registerPath(), { token: delinde, body: activity() });
  assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="schakelpunt", error="insufficient_scope"');
  await problemOf(response, 403, 'forbidden');
  // Without a token: 401 with a challenge.
  const none = await api('POST', registerPath(), { body: activity() });
  assert.equal(none.headers.get('www-authenticate'), 'Bearer realm="schakelpunt"');
  await problemOf(none, 401, 'unauthorized');
  // The page of tokens is the organisation's own partner admins': De Linde's admin may not see Welzijn's.
  assert.equal((await (await t.sessionFor(personas.otherOrganisationAdmin)).get(tokensPage())).status, 403);
  assert.equal((await (await t.sessionFor(personas.professional)).get(tokensPage())).status, 403);
});

test('a revoked, expired, malformed, unknown or other pact\'s token is a 401 on every route, public ones too', async () => {
  const secret = await makeToken({ name: 'Wordt ingetrokken', lifetime: '30' });
  const id = (await sql<{ id: string }>`select id from api_token where name = 'Wordt ingetrokken'`.execute(t.database.db)).rows[0]!.id;
  assert.equal((await api('GET', '/api/v1/pacts/lindewaard', { token: secret })).status, 200);

  const session = await t.sessionFor(personas.partnerAdmin);
  const revoke = await session.post(`${tokensPage()}/${id}/revoke`, {});
  assert.equal(revoke.status, 303);
  const again = await session.post(`${tokensPage()}/${id}/revoke`, {});
  assert.equal(again.status, 409, 'revoking twice says so');
  assert.match(await again.text(), /al ingetrokken/);
  for (const [method, template, path] of [['GET', '/api/v1/pacts/:pact', '/api/v1/pacts/lindewaard'], ['POST', REGISTER, registerPath()]] as const) {
    const response = await api(method, path, { token: secret, body: activity() });
    assert.match(response.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
    const body = await problemOf(response, 401, 'unauthorized', template, method);
    assert.match(String(body.detail), /revoked/);
  }
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'api-token.revoke' and record_id = ${id}`.execute(t.database.db)).rows[0]!.n, 1);

  const shortLived = await makeToken({ name: 'Verloopt', lifetime: '30' });
  const start = t.clock.now();
  try {
    t.clock.advance(30 * 24 * 3_600_000);
    assert.match(String((await problemOf(await api('GET', '/api/v1/pacts/lindewaard', { token: shortLived }), 401, 'unauthorized', '/api/v1/pacts/:pact', 'GET')).detail), /expired/);
  } finally {
    t.clock.set(start);
  }
  for (const header of ['Basic dXNlcjpwYXNz', `Bearer ${shortLived}x`, 'Bearer', `Bearer spk_${'A'.repeat(43)}`]) {
    const response = await t.app.request('/api/v1/pacts/lindewaard', { headers: { authorization: header } });
    await problemOf(response, 401, 'unauthorized', '/api/v1/pacts/:pact', 'GET');
  }
  // Lindewaard's token is not known in Hagedoorn.
  await problemOf(await api('GET', '/api/v1/pacts/hagedoorn', { token: shortLived }), 401, 'unauthorized', '/api/v1/pacts/:pact', 'GET');
});

test('a token that makes too many requests in a minute gets 429 with Retry-After, and may go on the next minute', async () => {
  const secret = await makeToken({ name: 'Druk', scope_pact: 'read' });
  const limit = t.services.api.tokenRequestsPerMinute;
  const start = t.clock.now();
  t.services.api.tokenRequestsPerMinute = 3;
  try {
    t.clock.set(new Date(Math.floor(start.getTime() / 60_000) * 60_000 + 45_000));
    for (let i = 0; i < 3; i++) assert.equal((await api('GET', '/api/v1/pacts/lindewaard', { token: secret })).status, 200, `request ${i + 1}`);
    const refused = await api('GET', '/api/v1/pacts/lindewaard', { token: secret });
    assert.equal(refused.headers.get('retry-after'), '15');
    await problemOf(refused, 429, 'too-many-requests', '/api/v1/pacts/:pact', 'GET');
    // Anonymous requests are not this token's: they go on.
    assert.equal((await api('GET', '/api/v1/pacts/lindewaard')).status, 200);
    t.clock.advance(15_000);
    assert.equal((await api('GET', '/api/v1/pacts/lindewaard', { token: secret })).status, 200);
  } finally {
    t.services.api.tokenRequestsPerMinute = limit;
    t.clock.set(start);
  }
});

test('CORS is off unless origins are configured, and then only for those origins, without credentials', async () => {
  const origin = 'https://www.lindewaard.example';
  const off = await t.app.request('/api/v1/pacts/lindewaard', { headers: { origin } });
  assert.equal(off.headers.get('access-control-allow-origin'), null);
  const app = createApp({ ...t.services, api: { ...t.services.api, corsOrigins: [origin] } });
  const allowed = await app.request('/api/v1/pacts/lindewaard', { headers: { origin } });
  assert.equal(allowed.headers.get('access-control-allow-origin'), origin);
  assert.equal(allowed.headers.get('access-control-allow-credentials'), null);
  const preflight = await app.request(registerPath(), {
    method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
  });
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/i);
  const stranger = await app.request('/api/v1/pacts/lindewaard', { headers: { origin: 'https://elders.example' } });
  assert.equal(stranger.headers.get('access-control-allow-origin'), null);
});

test('the purge job forgets idempotency keys and request counts after a day, and keeps the tokens', async () => {
  const tokens = (await sql<{ n: number }>`select count(*)::int as n from api_token`.execute(t.database.db)).rows[0]!.n;
  assert.ok((await sql<{ n: number }>`select count(*)::int as n from api_idempotency_key`.execute(t.database.db)).rows[0]!.n > 0);
  const start = t.clock.now();
  try {
    t.clock.advance(25 * 3_600_000);
    await t.runJob('api-tokens-purge');
  } finally {
    t.clock.set(start);
  }
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from api_idempotency_key`.execute(t.database.db)).rows[0]!.n, 0);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from api_token_window`.execute(t.database.db)).rows[0]!.n, 0);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from api_token`.execute(t.database.db)).rows[0]!.n, tokens);
});

test('a week before a token expires its organisation\'s partner admins get one mail; other tokens none', async () => {
  const soon = await makeToken({ name: 'Verloopt binnenkort', lifetime: '30' });
  await makeToken({ name: 'Nog lang geldig', lifetime: '90' });
  const revoked = await makeToken({ name: 'Al ingetrokken', lifetime: '30' });
  assert.ok(soon && revoked);
  await sql`update api_token set revoked_at = ${t.clock.now()} where name = 'Al ingetrokken'`.execute(t.database.db);
  const mails = async () => (await sql<{ to_address: string; subject: string; text_body: string }>`
    select to_address, subject, text_body from mail_message where purpose = 'api-token-expiry' order by created_at, id`.execute(t.database.db)).rows;
  const start = t.clock.now();
  try {
    t.clock.advance(22 * 86_400_000);
    await t.runJob('api-tokens-remind-expiry');
    assert.deepEqual(await mails(), [], 'more than a week left: no mail yet');
    t.clock.advance(2 * 86_400_000);
    await t.runJob('api-tokens-remind-expiry');
    // Every active 30-day token of this file is now within a week of its end; the 90-day and the revoked one are not.
    const sent = await mails();
    const about = (name: string) => sent.filter((m) => m.subject === `Uw API-sleutel "${name}" werkt over een week niet meer`);
    assert.deepEqual(about('Verloopt binnenkort').map((m) => m.to_address), [personas.partnerAdmin], 'to Welzijn\'s partner admin');
    assert.deepEqual([...about('Nog lang geldig'), ...about('Al ingetrokken')], []);
    assert.ok(sent.every((m) => !m.text_body.includes(soon) && !/spk_[A-Za-z0-9_-]{43}/.test(m.text_body)), 'a mail never holds a token');
    await t.runJob('api-tokens-remind-expiry');
    assert.equal((await mails()).length, sent.length, 'once per token');
  } finally {
    t.clock.set(start);
  }
  const audited = await sql<{ n: number }>`
    select count(*)::int as n from audit_event a join api_token k on k.id::text = a.record_id
     where a.action = 'api-token.remind-expiry' and k.name = 'Verloopt binnenkort'`.execute(t.database.db);
  assert.equal(audited.rows[0]!.n, 1);
});
