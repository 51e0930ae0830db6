// The second factor through the app, as a browser uses it: sign-in with the code, set-up with the
// QR page, recovery codes, guessing, replay, my sessions, and a system administrator's reset.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import type { Database } from '../../../platform/db/database.ts';
import { DEMO_PASSWORD } from '../../../app/seed-demo.ts';
import { roles } from '../../../access/policy.ts';
import { openTestDatabase, testEngine } from '../../../../tests/support/test-database.ts';
import { createTestApp, personas, type Persona, type TestApp } from '../../../../tests/support/test-app.ts';
import { setCookies } from '../../../../tests/support/route-paths.ts';
import { secondFactorStanding } from '../session-queries.ts';
import { demoTotpSecret, MAX_CODE_FAILURES, rolesNeedingSecondFactor, totpCode } from './second-factor.ts';

let database: Database;
let t: TestApp;

before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
});
after(() => database.close());

const SESSION = '__Host-sp_session';

/** Signs in with e-mail and password through the form; returns the password-only persona and where the app sent it. */
async function signInWithPassword(email: string, next = '/p/lindewaard/organisations'): Promise<{ persona: Persona; location: string }> {
  const visitor = t.anonymous();
  const response = await visitor.post('/login', { email, password: DEMO_PASSWORD, next });
  assert.equal(response.status, 303, `log-in of ${email}`);
  const token = setCookies(response).get(SESSION);
  assert.ok(token);
  return { persona: t.fromSessionToken(token), location: response.headers.get('location')! };
}

async function submitCode(persona: Persona, code: string, action = 'verify', next = '/p/lindewaard/organisations'): Promise<Response> {
  return persona.post('/account/second-factor', { action, code, next });
}

async function personId(email: string): Promise<string> {
  return (await sql<{ id: string }>`select id from person where email = ${email}`.execute(database.db)).rows[0]!.id;
}

async function auditActions(person: string): Promise<string[]> {
  const r = await sql<{ action: string }>`select action from audit_event where subject_person_id = ${person} or actor_person_id = ${person} order by seq`.execute(database.db);
  return r.rows.map((row) => row.action);
}

/** Moves past the time step of the last accepted code, so the next code is new. */
function nextStep(): void {
  t.clock.advance(30_000);
}

test(`every role that can see household data needs a second factor, and only those (${testEngine})`, async () => {
  const admin = await personId(personas.systemAdmin);
  for (const role of roles) {
    const email = `rol-${role.replace('_', '-')}@example.org`;
    const person = (await sql<{ id: string }>`insert into person (email, display_name) values (${email}, 'Rol') returning id`.execute(database.db)).rows[0]!.id;
    const org = (await sql<{ id: string; pact_id: string }>`select id, pact_id from organisation where name = 'Welzijn Lindewaard'`.execute(database.db)).rows[0]!;
    await sql`insert into membership (pact_id, person_id, organisation_id, role) values (${org.pact_id}, ${person}, ${org.id}, ${role})`.execute(database.db);
    assert.equal((await secondFactorStanding(database.db, person)).required, rolesNeedingSecondFactor.has(role), role);
    // Ended, the membership asks for nothing any more.
    await sql`update membership set ended_at = now() where person_id = ${person}`.execute(database.db);
    assert.equal((await secondFactorStanding(database.db, person)).required, false, `${role}, ended`);
  }
  assert.deepEqual(await secondFactorStanding(database.db, admin), { enrolled: true, required: true });
});

test('a password alone opens nothing for a coordinator: every page sends them to the code, posts are refused', async () => {
  const { persona, location } = await signInWithPassword(personas.coordinator);
  assert.equal(location, '/account/second-factor?next=%2Fp%2Flindewaard%2Forganisations');
  for (const path of ['/p/lindewaard/organisations', '/p/lindewaard/settings', '/p/lindewaard/audit', '/account', '/account/sessions']) {
    const r = await persona.get(path);
    assert.equal(r.status, 303, path);
    assert.equal(r.headers.get('location'), `/account/second-factor?next=${encodeURIComponent(path)}`);
  }
  assert.equal((await persona.post('/p/lindewaard/settings', { name: 'Overgenomen', municipality: 'X', defaultLocale: 'nl' })).status, 403);
  // The public home shows nothing a member would see: its content is what a visitor gets.
  const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)?.[0];
  const home = await (await persona.get('/p/lindewaard')).text();
  assert.equal(main(home), main(await (await t.anonymous().get('/p/lindewaard')).text()));
  assert.doesNotMatch(home, /href="\/account"/, 'no link to pages that need the code');
  const page = await persona.get('/account/second-factor');
  assert.equal(page.status, 200);
  assert.match(await page.text(), /name="code"/);
});

test('the right code signs in, on a new session token; the same code cannot be used twice', async () => {
  const { persona } = await signInWithPassword(personas.coordinator);
  const code = totpCode(demoTotpSecret(personas.coordinator), t.clock.now());
  const verified = await submitCode(persona, code);
  assert.equal(verified.status, 303);
  assert.equal(verified.headers.get('location'), '/p/lindewaard/organisations');
  const token = setCookies(verified).get(SESSION)!;
  const full = t.fromSessionToken(token);
  assert.notEqual(full.cookie, persona.cookie);
  assert.equal((await full.get('/p/lindewaard/organisations')).status, 200);
  assert.equal((await persona.get('/account')).headers.get('location'), '/login?next=%2Faccount', 'the password-only token is gone');
  const stored = await sql<{ second_factor_at: Date | null }>`select second_factor_at from session where id = encode(sha256(${token}::bytea), 'hex')`.execute(database.db);
  assert.ok(stored.rows[0]?.second_factor_at);
  // Replay: the same code in another sign-in, within its time window.
  const again = await signInWithPassword(personas.coordinator);
  const replay = await submitCode(again.persona, code);
  assert.equal(replay.status, 400);
  assert.match(await replay.text(), /Deze code klopt niet/);
  nextStep();
  assert.equal((await submitCode(again.persona, totpCode(demoTotpSecret(personas.coordinator), t.clock.now()))).status, 303);
  const actions = await auditActions(await personId(personas.coordinator));
  assert.ok(actions.includes('session.second-factor'));
  assert.ok(actions.includes('session.second-factor-refused'));
});

test(`${MAX_CODE_FAILURES} wrong codes lock the second factor, even for the right code, until the lock-out time has passed`, async () => {
  const email = personas.volunteer;
  const { persona } = await signInWithPassword(email);
  for (let i = 1; i < MAX_CODE_FAILURES; i++) assert.equal((await submitCode(persona, '000000')).status, 400);
  const locked = await submitCode(persona, '000001');
  assert.equal(locked.status, 429);
  assert.match(await locked.text(), /te vaak een verkeerde code/);
  const rightButLocked = await submitCode(persona, totpCode(demoTotpSecret(email), t.clock.now()));
  assert.equal(rightButLocked.status, 429);
  t.clock.advance(t.services.secondFactor.lockoutMinutes * 60_000 + 1000);
  // The lock-out outlasts the password session's idle time: sign in again.
  const fresh = await signInWithPassword(email);
  assert.equal((await submitCode(fresh.persona, totpCode(demoTotpSecret(email), t.clock.now()))).status, 303);
});

test('a policy reader needs no second factor but may set one up: QR page, first code, ten recovery codes, then it is required', async () => {
  const email = personas.policyReader;
  const { persona, location } = await signInWithPassword(email, '/p/lindewaard');
  assert.equal(location, '/p/lindewaard', 'no second factor needed');
  const page = await persona.get('/account/second-factor');
  assert.equal(page.status, 200);
  const html = await page.text();
  assert.match(html, /<svg[^>]*viewBox/, 'the QR code is drawn inline');
  assert.doesNotMatch(html, /style=/, 'no inline styles (the CSP forbids them)');
  const secret = /class="sp-secret"[^>]*>([A-Z2-7 ]+)</.exec(html)?.[1]?.replaceAll(' ', '');
  assert.ok(secret && secret.length === 32, 'the secret is shown for typing by hand');
  // The secret is sealed in the database, never stored as is.
  const row = await sql<{ sealed_secret: string; confirmed_at: Date | null }>`select sealed_secret, confirmed_at from second_factor where person_id = ${await personId(email)}`.execute(database.db);
  assert.equal(row.rows[0]!.confirmed_at, null);
  assert.doesNotMatch(row.rows[0]!.sealed_secret, new RegExp(secret));
  // Reloading shows the same secret (the phone may already have it).
  assert.match(await (await persona.get('/account/second-factor')).text(), new RegExp(secret.slice(0, 4)));

  const wrong = await submitCode(persona, '12345', 'enrol');
  assert.equal(wrong.status, 400);
  assert.match(await wrong.text(), /Deze code klopt niet/);
  nextStep();
  const enrolled = await submitCode(persona, totpCode(secret, t.clock.now()), 'enrol', '/p/lindewaard');
  assert.equal(enrolled.status, 200);
  const codes = [...(await enrolled.text()).matchAll(/<code translate="no">([a-z2-9]{5}-[a-z2-9]{5})<\/code>/g)].map((m) => m[1]!);
  assert.equal(codes.length, 10);
  const hashes = await sql<{ n: number }>`select count(*)::int as n from second_factor_recovery_code where person_id = ${await personId(email)} and used_at is null`.execute(database.db);
  assert.equal(hashes.rows[0]!.n, 10);

  // From now on the password alone is not enough, and a recovery code works once.
  const next = await signInWithPassword(email, '/p/lindewaard');
  assert.equal(next.location, '/account/second-factor?next=%2Fp%2Flindewaard');
  const withRecovery = await submitCode(next.persona, codes[0]!.toUpperCase().replace('-', ' '), 'verify', '/p/lindewaard');
  assert.equal(withRecovery.status, 303);
  const again = await signInWithPassword(email, '/p/lindewaard');
  assert.equal((await submitCode(again.persona, codes[0]!, 'verify')).status, 400, 'a used recovery code is refused');

  // New recovery codes need a current code from the app, not a recovery code.
  const full = t.fromSessionToken(setCookies(withRecovery).get(SESSION)!);
  assert.equal((await full.post('/account/second-factor', { action: 'recovery-codes', code: codes[1]! })).status, 400);
  nextStep();
  const renewed = await full.post('/account/second-factor', { action: 'recovery-codes', code: totpCode(secret, t.clock.now()) });
  assert.equal(renewed.status, 200);
  assert.equal([...(await renewed.text()).matchAll(/<code translate="no">/g)].length, 10);
  assert.equal((await submitCode((await signInWithPassword(email)).persona, codes[2]!)).status, 400, 'the old codes stopped working');
});

test('bad input on the code form gets an answer and changes nothing', async () => {
  const { persona } = await signInWithPassword(personas.professional);
  for (const fields of [{}, { action: 'verify' }, { action: 'verify', code: 'x'.repeat(41) }, { action: 'steal', code: '123456' }]) {
    const r = await persona.post('/account/second-factor', fields as Record<string, string>);
    assert.equal(r.status, 400, JSON.stringify(fields));
    assert.match(await r.text(), /sp-error-summary/);
  }
  const enrolInstead = await submitCode(persona, '123456', 'enrol');
  assert.equal(enrolInstead.status, 409, 'someone who has a second factor cannot set up another over it');
  const forged = await t.app.request('/account/second-factor', {
    method: 'POST', headers: { cookie: persona.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: 'wrong', action: 'verify', code: '123456' }).toString(),
  });
  assert.equal(forged.status, 403);
});

test('my sessions: listed, one ended, all others ended, then everywhere', async () => {
  const email = personas.partnerAdmin;
  const [a, b, c] = [await t.sessionFor(email), await t.sessionFor(email), await t.sessionFor(email)];
  const other = await t.sessionFor(personas.otherOrganisationAdmin);
  const page = await a.get('/account/sessions');
  assert.equal(page.status, 200);
  const html = await page.text();
  const references = [...html.matchAll(/name="scope" value="([0-9a-f]{16})"/g)].map((m) => m[1]!);
  assert.equal(references.length, 2, 'the two other sessions can be ended one by one');
  // Another person's session cannot be ended by naming it.
  const otherRef = (await sql<{ id: string }>`select left(s.id, 16) as id from session s join person p on p.id = s.person_id where p.email = ${personas.otherOrganisationAdmin}`.execute(database.db)).rows[0]!.id;
  assert.equal((await a.post('/account/sessions/end', { scope: otherRef })).status, 303);
  assert.equal((await other.get('/account')).status, 200, 'the other person is still signed in');
  assert.equal((await a.post('/account/sessions/end', { scope: references[0]! })).status, 303);
  const alive = [await b.get('/account'), await c.get('/account')].filter((r) => r.status === 200).length;
  assert.equal(alive, 1);
  assert.equal((await a.post('/account/sessions/end', { scope: 'others' })).status, 303);
  assert.equal((await b.get('/account')).status, 303);
  assert.equal((await c.get('/account')).status, 303);
  assert.equal((await a.get('/account')).status, 200, 'this session stays');
  assert.equal((await a.post('/account/sessions/end', { scope: 'nonsense' })).status, 400);
  const everywhere = await a.post('/account/sessions/end', { scope: 'all' });
  assert.equal(everywhere.status, 303);
  assert.equal(everywhere.headers.get('location'), '/login');
  assert.equal((await a.get('/account')).status, 303);
  assert.ok((await auditActions(await personId(email))).filter((x) => x === 'session.end').length >= 3);
});

test('a system administrator resets a lost second factor: the person is signed out and sets up a new one', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  const email = personas.otherOrganisationAdmin;
  const target = await personId(email);
  const victim = await t.sessionFor(email);
  const page = await admin.get(`/admin/people/${target}/second-factor/reset`);
  assert.equal(page.status, 200);
  const unconfirmed = await admin.post(`/admin/people/${target}/second-factor/reset`, {});
  assert.equal(unconfirmed.status, 400, 'only after confirming who is asking');
  assert.match(await unconfirmed.text(), /Vink aan dat u hebt gecontroleerd/);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from second_factor where person_id = ${target}`.execute(database.db)).rows[0]!.n, 1);
  const reset = await admin.post(`/admin/people/${target}/second-factor/reset`, { confirm: 'yes' });
  assert.equal(reset.status, 303);
  assert.equal(reset.headers.get('location'), `/admin/people/${target}`);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from second_factor where person_id = ${target}`.execute(database.db)).rows[0]!.n, 0);
  assert.equal((await victim.get('/account')).status, 303, 'signed out everywhere');
  const signedIn = await signInWithPassword(email);
  assert.equal(signedIn.location, '/account/second-factor?next=%2Fp%2Flindewaard%2Forganisations');
  assert.match(await (await signedIn.persona.get('/account/second-factor')).text(), /Stel de tweede stap in/);
  const self = await admin.post(`/admin/people/${await personId(personas.systemAdmin)}/second-factor/reset`, { confirm: 'yes' });
  assert.equal(self.status, 409);
  assert.match(await self.text(), /eigen tweede stap niet verwijderen/);
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from second_factor where person_id = ${await personId(personas.systemAdmin)}`.execute(database.db)).rows[0]!.n, 1, 'not one\'s own');
  assert.ok((await auditActions(target)).includes('second-factor.reset'));
  const notice = await sql<{ n: number }>`
    select count(*)::int as n from mail_message where to_address = ${email} and purpose = 'second-factor-reset'`.execute(database.db);
  assert.equal(notice.rows[0]!.n, 1, 'the person is told by mail');
});

test('property: any input to the code form and the sessions form gets a clear answer, never a 500, and changes nothing it should not', async () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.constantFrom('', '000000', '12345', '1234567', 'abcde-fghjk', '<script>x</script>', '\u0000', 'x'.repeat(41), 'others', 'all', '0123456789abcdef'),
  );
  const secondFactorRows = async () => (await sql`select person_id, sealed_secret, confirmed_at from second_factor order by person_id`.execute(database.db)).rows;
  await fc.assert(
    fc.asyncProperty(
      fc.record({ action: fc.oneof(fc.constantFrom('enrol', 'verify', 'recovery-codes'), hostile), code: hostile, next: hostile }, { requiredKeys: [] }),
      fc.record({ scope: hostile }, { requiredKeys: [] }),
      fc.boolean(),
      async (codeForm, sessionsForm, passwordOnly) => {
        const persona = await t.sessionFor(personas.professional, { passwordOnly });
        const before = await secondFactorRows();
        const response = await persona.post('/account/second-factor', codeForm as Record<string, string>);
        assert.ok(response.status < 500, `code form: HTTP ${response.status}`);
        assert.ok([200, 303, 400, 409, 429].includes(response.status), `code form: HTTP ${response.status}`);
        const location = response.headers.get('location');
        if (location) assert.ok(location.startsWith('/') && !location.startsWith('//'), `a local redirect, not ${location}`);
        // Secrets and enrolments never change through a wrong or foreign code.
        if (response.status !== 200) assert.deepEqual(await secondFactorRows(), before);
        if (!passwordOnly) {
          const ended = await persona.post('/account/sessions/end', sessionsForm as Record<string, string>);
          assert.ok([303, 400].includes(ended.status), `sessions form: HTTP ${ended.status}`);
        }
      },
    ),
    { numRuns: 40 },
  );
  // The many wrong codes may have locked the professional's second factor: unlock for later tests.
  await sql`update second_factor set failures = 0, locked_until = null`.execute(database.db);
});
