import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { verifyAuditChains } from '../../platform/audit/audit-log.ts';
import type { Database } from '../../platform/db/database.ts';
import { createLogger } from '../../platform/logger.ts';
import { queueMail, removeOldMailBodies, sendQueuedMail } from '../../platform/mail/index.ts';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import { createTestApp, personas, type TestApp } from '../../../tests/support/test-app.ts';

let database: Database;
let t: TestApp;
const ids = { invitation: '', reset: '', hostile: '' };

before(async () => {
  database = await openTestDatabase({ demo: true });
  t = await createTestApp(database);
  const queue = (to: string, subject: string, text: string, purpose: string) =>
    database.db.transaction().execute((tx) => queueMail(tx, { to, subject, text, purpose }, t.clock.now()));
  ids.invitation = await queue(
    personas.coordinator,
    'Uitnodiging voor Pact Lindewaard',
    'Beste Coördinator,\n\nKlik op deze link: https://schakelpunt.example/invite/tok-123.\n\nDe link werkt zeven dagen.',
    'invitation',
  );
  t.clock.advance(60_000);
  ids.reset = await queue('onbekend@elders.example', 'Nieuw wachtwoord', 'Beste,\n\nhttps://schakelpunt.example/reset/r-456', 'password-reset');
  t.clock.advance(60_000);
  ids.hostile = await queue('x@elders.example', '<script>sp_xss()</script>', '<img src=x onerror=sp_xss()> javascript:sp_xss()', 'invitation');
  // Without SMTP_URL the worker puts everything in the development outbox.
  await sendQueuedMail({ db: database.db, sender: null, clock: t.clock, log: createLogger('silent') });
});
after(() => database.close());

async function auditEntries(action: string) {
  const r = await sql<{ pact_id: string | null; actor_person_id: string | null; record_id: string | null; subject_person_id: string | null; purpose: string }>`
    select pact_id, actor_person_id, record_id, subject_person_id, purpose from audit_event where action = ${action} order by seq`.execute(database.db);
  return r.rows;
}

async function personId(email: string): Promise<string> {
  return (await sql<{ id: string }>`select id from person where email = ${email}`.execute(database.db)).rows[0]!.id;
}

test(`the system administrator sees all mail, newest first, and the view is logged (${testEngine})`, async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  const response = await admin.get('/admin/outbox');
  assert.equal(response.status, 200);
  const html = await response.text();
  const order = ['&lt;script&gt;sp_xss()&lt;/script&gt;', 'Nieuw wachtwoord', 'Uitnodiging voor Pact Lindewaard'].map((s) => html.indexOf(s));
  assert.ok(order.every((at) => at > 0), `all three subjects on the page: ${order.join(', ')}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'newest first');
  assert.doesNotMatch(html, /<script>sp_xss/);
  assert.match(html, new RegExp(`href="/admin/outbox/${ids.invitation}"`));
  assert.match(html, /coordinator@lindewaard\.example/);
  assert.match(html, /<code>password-reset<\/code>/);
  assert.match(html, /In de ontwikkel-postbus, niet verstuurd/);
  assert.match(html, /2026-11-23 10:00:00 UTC/);

  const entries = await auditEntries('mail.list');
  assert.deepEqual(entries, [{ pact_id: null, actor_person_id: await personId(personas.systemAdmin), record_id: null, subject_person_id: null, purpose: 'installation' }]);
});

test('the system administrator reads one message with its links clickable, its history, and the read is logged with the recipient', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  const response = await admin.get(`/admin/outbox/${ids.invitation}`);
  assert.equal(response.status, 200);
  const html = await response.text();
  assert.match(html, /<a class="utrecht-link utrecht-link--html-a sp-link--shows-url" href="https:\/\/schakelpunt\.example\/invite\/tok-123">https:\/\/schakelpunt\.example\/invite\/tok-123<\/a>\./);
  assert.match(html, /Beste Coördinator,/);
  assert.match(html, /De link werkt zeven dagen\./);
  assert.match(html, /Wacht op verzending/, 'the history shows the queued step');
  assert.match(html, /In de ontwikkel-postbus, niet verstuurd/);

  const reads = await auditEntries('mail.read');
  assert.deepEqual(reads, [{
    pact_id: null, actor_person_id: await personId(personas.systemAdmin), record_id: ids.invitation,
    subject_person_id: await personId(personas.coordinator), purpose: 'installation',
  }]);

  // A recipient without an account: the entry names no person.
  assert.equal((await admin.get(`/admin/outbox/${ids.reset}`)).status, 200);
  assert.equal((await auditEntries('mail.read'))[1]!.subject_person_id, null);

  const hostile = await (await admin.get(`/admin/outbox/${ids.hostile}`)).text();
  assert.doesNotMatch(hostile, /<script>sp_xss|<img src=x/);
  assert.doesNotMatch(hostile, /href="javascript:/);

  const reports = await verifyAuditChains(database.db);
  assert.ok(reports.every((r) => r.ok), JSON.stringify(reports));
});

test('a message whose text was removed for retention says so instead', async () => {
  await removeOldMailBodies(database.db, new Date(t.clock.now().getTime() + 31 * 86_400_000), 30);
  const admin = await t.sessionFor(personas.systemAdmin);
  const html = await (await admin.get(`/admin/outbox/${ids.invitation}`)).text();
  assert.match(html, /De tekst van dit bericht is verwijderd op 2026-12-24 10:02:00 UTC/);
  assert.doesNotMatch(html, /tok-123/);
});

test('a message that does not exist, or an id that is not one, is not found', async () => {
  const admin = await t.sessionFor(personas.systemAdmin);
  assert.equal((await admin.get('/admin/outbox/00000000-0000-4000-8000-000000000000')).status, 404);
  assert.equal((await admin.get('/admin/outbox/not-an-id')).status, 404);
});

test('nobody else sees mail: a coordinator gets 403, a visitor is sent to log in, and nothing is logged as read', async () => {
  const before = (await auditEntries('mail.read')).length + (await auditEntries('mail.list')).length;
  for (const path of ['/admin/outbox', `/admin/outbox/${ids.invitation}`]) {
    for (const who of [personas.coordinator, personas.partnerAdmin, personas.otherPactCoordinator]) {
      const response = await (await t.sessionFor(who)).get(path);
      assert.equal(response.status, 403, `${who} on ${path}`);
      assert.doesNotMatch(await response.text(), /Uitnodiging voor Pact Lindewaard|coordinator@lindewaard\.example/);
    }
    const visitor = await t.anonymous().get(path);
    assert.equal(visitor.status, 303);
    assert.equal(visitor.headers.get('location'), `/login?next=${encodeURIComponent(path)}`);
  }
  assert.equal((await auditEntries('mail.read')).length + (await auditEntries('mail.list')).length, before);
});
