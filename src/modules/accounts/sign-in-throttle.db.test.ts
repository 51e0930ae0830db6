import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { openTestDatabase } from '../../../tests/support/test-database.ts';
import { createTestApp, type TestApp } from '../../../tests/support/test-app.ts';
import type { Database } from '../../platform/db/database.ts';
import { DEMO_PASSWORD } from '../../app/seed-demo.ts';
import { signIn } from './sign-in.ts';

let database: Database;
let t: TestApp;
before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
});
after(() => database.close());

async function attempt(email: string, password: string) {
  const response = await t.anonymous().post('/login', { email, password, next: '/' });
  const body = await response.text();
  return { status: response.status, body };
}

/** The page without what differs per request (request id, CSRF token, the typed e-mail). */
function comparable(body: string, email: string): string {
  return body
    .replace(/Foutcode: [\w-]+/g, '')
    .replace(/name="_csrf" value="[^"]*"/g, '')
    .replaceAll(email, 'EMAIL');
}

test('five wrong passwords lock the account: even the right password is refused, with how long to wait', async () => {
  const email = 'beheer@welzijn.lindewaard.example';
  for (let i = 0; i < 5; i++) assert.equal((await attempt(email, `wrong-${i}`)).status, 401);
  const locked = await attempt(email, DEMO_PASSWORD);
  assert.equal(locked.status, 429);
  assert.match(locked.body, /Probeer het over 15 minuten opnieuw/);
  assert.match(locked.body, new RegExp(`value="${email}"`), 'the typed e-mail address is kept');
});

test('the lock-out lifts after the configured time, and a successful log-in clears the count', async () => {
  const email = 'consulent@welzijn.lindewaard.example';
  for (let i = 0; i < 5; i++) await attempt(email, `wrong-${i}`);
  assert.equal((await attempt(email, DEMO_PASSWORD)).status, 429);
  t.clock.advance(14 * 60_000);
  assert.equal((await attempt(email, DEMO_PASSWORD)).status, 429);
  t.clock.advance(60_000 + 1);
  assert.equal((await attempt(email, DEMO_PASSWORD)).status, 303);
  // Cleared: four new failures do not lock.
  for (let i = 0; i < 4; i++) assert.equal((await attempt(email, `wrong-${i}`)).status, 401);
  assert.equal((await attempt(email, DEMO_PASSWORD)).status, 303);
});

test('an e-mail address without an account is locked and answered exactly like one with an account', async () => {
  const real = 'vrijwilliger@voedselbank-lindewaard.example';
  const fake = 'niemand@voedselbank-lindewaard.example';
  for (let i = 0; i < 6; i++) {
    const a = await attempt(real, `wrong-${i}`);
    const b = await attempt(fake, `wrong-${i}`);
    assert.equal(a.status, b.status, `attempt ${i + 1}`);
    assert.equal(comparable(a.body, real), comparable(b.body, fake), `attempt ${i + 1}`);
  }
});

test('the counters hold hashes, never the e-mail address', async () => {
  const rows = await sql<{ key_hash: string }>`select key_hash from sign_in_failure`.execute(database.db);
  assert.ok(rows.rows.length > 0);
  for (const r of rows.rows) assert.match(r.key_hash, /^[0-9a-f]{64}$/);
});

test('one network address trying many accounts is locked by address', async () => {
  const services = { ...t.services, signIn: { ...t.services.signIn, maxFailuresPerAddress: 3 } };
  const run = (email: string, password: string) =>
    database.db.transaction().execute((tx) =>
      signIn(tx, services, { email, password, address: '203.0.113.7', previousSessionId: null, userAgent: 'test', requestId: 'r' }),
    );
  for (const email of ['a@spray.example', 'b@spray.example', 'c@spray.example']) {
    assert.deepEqual(await run(email, 'guess'), { ok: false, reason: 'invalid-credentials' });
  }
  const fourth = await run('beleid@lindewaard.example', DEMO_PASSWORD);
  assert.equal(fourth.ok, false);
  assert.equal(!fourth.ok && fourth.reason, 'locked');
  // Another address is not affected.
  const elsewhere = await database.db.transaction().execute((tx) =>
    signIn(tx, services, { email: 'beleid@lindewaard.example', password: DEMO_PASSWORD, address: '198.51.100.1', previousSessionId: null, userAgent: 'test', requestId: 'r' }),
  );
  assert.equal(elsewhere.ok, true);
});

test('lock-outs are in the audit log', async () => {
  const r = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'session.locked-out'`.execute(database.db);
  assert.ok((r.rows[0]?.n ?? 0) >= 3, `expected lock-out entries, found ${r.rows[0]?.n}`);
});

test('counters without a failure for a day are removed by housekeeping; locked ones stay until the lock ends', async () => {
  const { deleteStaleFailureCounters } = await import('./sign-in-throttle-queries.ts');
  const now = t.clock.now();
  const old = new Date(now.getTime() - 2 * 86_400_000);
  await sql`insert into sign_in_failure (key_kind, key_hash, failures, first_failure_at, last_failure_at, locked_until) values
    ('account', ${'a'.repeat(64)}, 2, ${old}, ${old}, null),
    ('account', ${'b'.repeat(64)}, 9, ${old}, ${old}, ${new Date(now.getTime() + 60_000)})`.execute(database.db);
  await database.db.transaction().execute((tx) => deleteStaleFailureCounters(tx, now));
  const left = await sql<{ key_hash: string }>`select key_hash from sign_in_failure where key_hash in (${'a'.repeat(64)}, ${'b'.repeat(64)})`.execute(database.db);
  assert.deepEqual(left.rows.map((r) => r.key_hash), ['b'.repeat(64)]);
});
