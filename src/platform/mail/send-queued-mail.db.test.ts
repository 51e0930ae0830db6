// The send worker against a real SMTP server (smtp-server, in this process, on a free port) and a
// real database: what arrives, what is retried, what fails, what goes to the outbox, and that two
// workers at the same time deliver every message once.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createLogger } from '../logger.ts';
import { translatorFor } from '../../ui/messages/index.ts';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import { headersOf, parseMessage, startSmtpServer, type TestSmtpServer } from '../../../tests/support/smtp.ts';
import { claimDueMail } from './mail-queries.ts';
import { queueMail } from './queue-mail.ts';
import { renderMail } from './render-mail.tsx';
import { sendQueuedMail, type MailWorkerDeps } from './send-queued-mail.ts';
import { createMailSender, type MailSender } from './smtp-sender.ts';

// ---- the tests ------------------------------------------------------------------------------

let database: Database;
const clock = fixedClock('2026-11-23T10:00:00Z');
const log = createLogger('silent');
const servers: TestSmtpServer[] = [];
const senders: MailSender[] = [];

before(async () => {
  database = await openTestDatabase();
});
afterEach(async () => {
  for (const sender of senders.splice(0)) sender.close();
  for (const server of servers.splice(0)) await server.close();
});
after(() => database.close());

async function smtp(options: Parameters<typeof startSmtpServer>[0] = {}): Promise<{ server: TestSmtpServer; sender: MailSender }> {
  const server = await startSmtpServer(options);
  servers.push(server);
  // The way the app does it: SMTP_URL through the validated configuration.
  const sender = createMailSender(loadConfig({ SMTP_URL: server.url, MAIL_FROM: 'Pact Lindewaard <noreply@lindewaard.example>' }));
  assert.ok(sender);
  senders.push(sender);
  return { server, sender };
}

function worker(sender: MailSender | null, extra: Partial<MailWorkerDeps> = {}): MailWorkerDeps {
  return { db: database.db, sender, clock, log, ...extra };
}

async function queue(subject: string, to = 'fatma.yilmaz@lindewaard.example'): Promise<string> {
  const mail = renderMail(
    {
      lang: 'nl',
      subject,
      recipientName: 'Fatma Yılmaz',
      paragraphs: ['U bent uitgenodigd voor Pact Lindewaard: samen tegen armoede, mét elkaar.'],
      action: { label: 'Uitnodiging aannemen', url: 'https://schakelpunt.example/invite/tok-123' },
    },
    translatorFor('nl'),
  );
  return database.db.transaction().execute((tx) => queueMail(tx, { to, ...mail, purpose: 'invitation' }, clock.now()));
}

async function state(id: string) {
  const r = await sql<{ status: string; attempts: number; last_error: string | null; sent_at: Date | null; next_attempt_at: Date }>`
    select status, attempts, last_error, sent_at, next_attempt_at from mail_message where id = ${id}`.execute(database.db);
  const history = await sql<{ from_status: string | null; to_status: string }>`
    select from_status, to_status from mail_message_status_change where message_id = ${id} order by id`.execute(database.db);
  return { ...r.rows[0]!, history: history.rows.map((h) => `${h.from_status ?? '∅'}→${h.to_status}`) };
}

async function clearQueue(): Promise<void> {
  // Earlier tests may leave mail queued; each test starts from an empty queue.
  await sql`update mail_message set status = 'failed', claim_id = null, claimed_until = null where status = 'queued'`.execute(database.db);
}

test(`queued mail arrives at the SMTP server with recipient, subject, text and HTML, and is marked sent (${testEngine})`, async () => {
  await clearQueue();
  const { server, sender } = await smtp();
  const id = await queue('Uitnodiging voor Pact Lindewaard');
  clock.advance(1000);

  const result = await sendQueuedMail(worker(sender));
  assert.deepEqual(result, { sent: 1, outbox: 0, retried: 0, failed: 0 });

  assert.equal(server.received.length, 1);
  const arrived = server.received[0]!;
  assert.deepEqual(arrived.envelopeTo, ['fatma.yilmaz@lindewaard.example']);
  const parsed = parseMessage(arrived.raw);
  assert.equal(parsed.to, 'fatma.yilmaz@lindewaard.example');
  assert.equal(parsed.subject, 'Uitnodiging voor Pact Lindewaard');
  assert.equal(parsed.messageId, `<${id}@lindewaard.example>`);
  assert.match(headersOf(arrived.raw).get('from') ?? '', /Pact Lindewaard <noreply@lindewaard\.example>/);
  assert.equal(headersOf(arrived.raw).get('auto-submitted'), 'auto-generated');
  assert.ok(parsed.text.startsWith('Beste Fatma Yılmaz,\n\nU bent uitgenodigd voor Pact Lindewaard: samen tegen armoede, mét elkaar.'), parsed.text);
  assert.match(parsed.text, /Uitnodiging aannemen:\nhttps:\/\/schakelpunt\.example\/invite\/tok-123/);
  assert.match(parsed.html ?? '', /<a href="https:\/\/schakelpunt\.example\/invite\/tok-123"/);

  const after = await state(id);
  assert.equal(after.status, 'sent');
  assert.equal(after.attempts, 1);
  assert.deepEqual(after.sent_at, clock.now());
  assert.deepEqual(after.history, ['∅→queued', 'queued→sent']);

  // Sent is sent: another run sends nothing again.
  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 0, retried: 0, failed: 0 });
  assert.equal(server.received.length, 1);
});

test('a server that refuses the message gets it again after each wait, and after five attempts it is failed with the reason', async () => {
  await clearQueue();
  const { server, sender } = await smtp({ refuseData: () => new Error('Mailbox of fatma.yilmaz@lindewaard.example is full, try later') });
  const id = await queue('Wordt geweigerd');

  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 0, retried: 1, failed: 0 });
  let now = await state(id);
  assert.equal(now.status, 'queued');
  assert.equal(now.attempts, 1);
  assert.deepEqual(now.next_attempt_at, new Date(clock.now().getTime() + 60_000));
  assert.match(now.last_error ?? '', /^EMESSAGE 450: .*Mailbox of <address> is full, try later/);

  // Not due yet: nothing happens before the wait is over.
  clock.advance(30_000);
  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 0, retried: 0, failed: 0 });
  assert.equal((await state(id)).attempts, 1);

  for (const waitMinutes of [1, 5, 30]) {
    clock.set(now.next_attempt_at);
    assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 0, retried: 1, failed: 0 });
    const later = await state(id);
    assert.equal(later.attempts, now.attempts + 1);
    assert.deepEqual(later.next_attempt_at, new Date(clock.now().getTime() + (waitMinutes === 1 ? 5 : waitMinutes === 5 ? 30 : 120) * 60_000));
    now = later;
  }
  clock.set(now.next_attempt_at);
  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 0, retried: 0, failed: 1 });
  const failed = await state(id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.attempts, 5);
  assert.equal(failed.sent_at, null);
  assert.match(failed.last_error ?? '', /full, try later/);
  assert.doesNotMatch(failed.last_error ?? '', /fatma/);
  assert.deepEqual(failed.history, ['∅→queued', 'queued→failed']);
  assert.equal(server.received.length, 0);

  // Failed is final: no further attempts.
  clock.advance(24 * 3_600_000);
  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 0, retried: 0, failed: 0 });
});

test('a recipient the server refuses for good is failed at once; the other mail in the batch still goes out', async () => {
  await clearQueue();
  const { server, sender } = await smtp({
    refuseRecipient: (address) =>
      address.startsWith('onbekend') ? Object.assign(new Error(`No such user ${address}`), { responseCode: 550 }) : null,
  });
  const refused = await queue('Naar een onbekend adres', 'onbekend@lindewaard.example');
  const fine = await queue('Naar een bekend adres');
  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 1, outbox: 0, retried: 0, failed: 1 });
  const r = await state(refused);
  assert.equal(r.status, 'failed');
  assert.equal(r.attempts, 1);
  assert.match(r.last_error ?? '', /^EENVELOPE 550: .*No such user <address>/);
  assert.equal((await state(fine)).status, 'sent');
  assert.deepEqual(server.received.map((m) => parseMessage(m.raw).subject), ['Naar een bekend adres']);
});

test('a server that cannot be reached is retried like a refusal', async () => {
  await clearQueue();
  const server = await startSmtpServer();
  await server.close();
  const sender = createMailSender(loadConfig({ SMTP_URL: server.url }))!;
  senders.push(sender);
  const id = await queue('Server is weg');
  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 0, retried: 1, failed: 0 });
  const r = await state(id);
  assert.equal(r.status, 'queued');
  assert.match(r.last_error ?? '', /^(ESOCKET|ECONNECTION|ETIMEDOUT)/);
});

test('without SMTP_URL mail is put in the development outbox, with its history', async () => {
  await clearQueue();
  const id = await queue('Voor de ontwikkel-postbus');
  const sender = createMailSender(loadConfig({}));
  assert.equal(sender, null);
  assert.deepEqual(await sendQueuedMail(worker(sender)), { sent: 0, outbox: 1, retried: 0, failed: 0 });
  const r = await state(id);
  assert.equal(r.status, 'outbox');
  assert.equal(r.attempts, 0);
  assert.deepEqual(r.sent_at, clock.now());
  assert.deepEqual(r.history, ['∅→queued', 'queued→outbox']);
  const body = await sql<{ text_body: string }>`select text_body from mail_message where id = ${id}`.execute(database.db);
  assert.match(body.rows[0]!.text_body, /https:\/\/schakelpunt\.example\/invite\/tok-123/);
});

test(`two workers running at the same time deliver every message exactly once (${testEngine})`, async () => {
  await clearQueue();
  // A slow server keeps both workers busy at once; small batches make them take turns claiming.
  const { server, sender } = await smtp({ delayMs: 15 });
  const ids: string[] = [];
  for (let i = 1; i <= 12; i++) ids.push(await queue(`Bericht ${String(i).padStart(2, '0')}`));
  const [a, b] = await Promise.all([sendQueuedMail(worker(sender, { batchSize: 2 })), sendQueuedMail(worker(sender, { batchSize: 2 }))]);
  assert.equal(a.sent + b.sent, 12);
  if (testEngine === 'postgres') assert.ok(a.sent > 0 && b.sent > 0, `both workers sent mail (${a.sent} and ${b.sent}): they really ran side by side`);
  const subjects = server.received.map((m) => parseMessage(m.raw).subject).sort();
  assert.deepEqual(subjects, ids.map((_, i) => `Bericht ${String(i + 1).padStart(2, '0')}`));
  assert.equal(new Set(server.received.map((m) => parseMessage(m.raw).messageId)).size, 12);
  for (const id of ids) assert.deepEqual((await state(id)).history, ['∅→queued', 'queued→sent']);
});

test('a claim skips messages another worker is claiming at that moment instead of waiting for them (FOR UPDATE SKIP LOCKED)', { skip: testEngine === 'pglite' ? 'PGlite has one connection: two transactions cannot be open at once' : false }, async () => {
  await clearQueue();
  const ids = [await queue('Eerste'), await queue('Tweede'), await queue('Derde')];
  const now = clock.now();
  const until = new Date(now.getTime() + 60_000);
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let first: string[] = [];
  let firstClaimed!: () => void;
  const claimedSignal = new Promise<void>((resolve) => (firstClaimed = resolve));
  // Worker A claims two and keeps its transaction (and its row locks) open.
  const workerA = database.db.transaction().execute(async (tx) => {
    first = (await claimDueMail(tx, { id: crypto.randomUUID(), now, until, limit: 2 })).map((m) => m.id);
    firstClaimed();
    await held;
  });
  await claimedSignal;
  // Worker B, meanwhile, gets the third at once; it would wait (and time out) if it did not skip locked rows.
  const second = await database.db.transaction().execute(async (tx) => {
    await sql`set local lock_timeout = '2s'`.execute(tx);
    return (await claimDueMail(tx, { id: crypto.randomUUID(), now, until, limit: 10 })).map((m) => m.id);
  });
  release();
  await workerA;
  // Queued at the same moment, so which two A takes is up to the database; B gets the other one.
  assert.equal(first.length, 2);
  assert.equal(second.length, 1);
  assert.deepEqual([...first, ...second].sort(), [...ids].sort());
});
