import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { enterAppRole } from '../db/transaction.ts';
import { createLogger } from '../logger.ts';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import { queueMail, type OutgoingMail } from './queue-mail.ts';
import { startMailOnCommit } from './send-queued-mail.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const now = new Date('2026-11-23T10:00:00Z');
const message = (subject: string): OutgoingMail => ({
  to: 'nieuw@lindewaard.example',
  subject,
  text: 'U bent uitgenodigd: https://schakelpunt.example/invite/abc',
  html: '<p>U bent uitgenodigd</p>',
  purpose: 'invitation',
});

async function stored(subject: string) {
  const r = await sql<{ id: string; status: string; attempts: number; created_at: Date; next_attempt_at: Date }>`
    select id, status, attempts, created_at, next_attempt_at from mail_message where subject = ${subject}`.execute(database.db);
  return r.rows;
}

class Rollback extends Error {}

test(`mail is queued in the caller's transaction: committed with it, gone when it rolls back (${testEngine})`, async () => {
  const id = await database.db.transaction().execute((tx) => queueMail(tx, message('committed'), now));
  const rows = await stored('committed');
  assert.deepEqual(rows, [{ id, status: 'queued', attempts: 0, created_at: now, next_attempt_at: now }]);
  const history = await sql<{ from_status: string | null; to_status: string; changed_at: Date }>`
    select from_status, to_status, changed_at from mail_message_status_change where message_id = ${id}`.execute(database.db);
  assert.deepEqual(history.rows, [{ from_status: null, to_status: 'queued', changed_at: now }]);

  await assert.rejects(
    database.db.transaction().execute(async (tx) => {
      await queueMail(tx, message('rolled back'), now);
      throw new Rollback();
    }),
    Rollback,
  );
  assert.deepEqual(await stored('rolled back'), []);
});

test('a request transaction (the application role) can queue mail but cannot read it back', async () => {
  const id = await database.db.transaction().execute(async (tx) => {
    await enterAppRole(tx, { pactId: null });
    return queueMail(tx, message('from a request'), now);
  });
  assert.equal((await stored('from a request'))[0]?.id, id);
  for (const statement of [
    sql`select subject from mail_message`,
    sql`select * from mail_message_status_change`,
    sql`update mail_message set subject = 'changed'`,
    sql`delete from mail_message`,
    sql`insert into mail_message (created_at, to_address, subject, text_body, purpose, next_attempt_at)
        values (now(), 'a@b.example', 'forged', 'x', 'invitation', now())`,
  ]) {
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        await enterAppRole(tx, { pactId: null });
        await statement.execute(tx);
      }),
      /permission denied/,
    );
  }
  assert.deepEqual((await stored('from a request')).map((r) => r.status), ['queued']);
});

test('a malformed message is refused before it reaches the database', async () => {
  const bad: OutgoingMail[] = [
    { ...message('bad address'), to: 'niet-een-adres' },
    { ...message('bad\r\nBcc: x@y.example') },
    { ...message('bad purpose'), purpose: 'Invitation!' },
    { ...message('empty text'), text: '' },
  ];
  for (const m of bad) {
    await assert.rejects(database.db.transaction().execute((tx) => queueMail(tx, m, now)));
  }
  assert.deepEqual(await stored('bad address'), []);
});

test('the database refuses mail that breaks its rules even when the checks in code are bypassed', async () => {
  await assert.rejects(
    sql`select queue_mail('a@b.example', ${'two\nlines'}, 'x', null, 'invitation', now())`.execute(database.db),
    /mail_message_subject_format/,
  );
  await assert.rejects(sql`select queue_mail('no-at-sign', 'ok', 'x', null, 'invitation', now())`.execute(database.db), /mail_message_to_address_format/);
  await assert.rejects(
    sql`update mail_message set status = 'sent' where subject = 'committed'`.execute(database.db),
    /mail_message_sent_at_set/,
  );
  await assert.rejects(sql`delete from mail_message_status_change`.execute(database.db), /append-only/);
});

test('a send attempt starts once per queueing transaction, and only after it has committed', async () => {
  const seen: number[] = [];
  const stop = startMailOnCommit(
    database.db,
    async () => {
      const r = await sql<{ n: number }>`select count(*)::int as n from mail_message where purpose = 'wake-up'`.execute(database.db);
      seen.push(r.rows[0]!.n);
    },
    createLogger('silent'),
  );
  try {
    // As in a request: the application role.
    await database.db.transaction().execute(async (tx) => {
      await enterAppRole(tx, { pactId: null });
      await queueMail(tx, { ...message('first of two'), purpose: 'wake-up' }, now);
      await queueMail(tx, { ...message('second of two'), purpose: 'wake-up' }, now);
      await sleep(150);
      assert.deepEqual(seen, [], 'no send attempt while the transaction is still open');
    });
    for (let i = 0; i < 100 && seen.length === 0; i++) await sleep(20);
    await sleep(100);
    assert.deepEqual(seen, [2], 'one attempt, which sees both committed messages');

    // A rolled-back transaction still ends its lock: the attempt runs and finds nothing new.
    await assert.rejects(
      database.db.transaction().execute(async (tx) => {
        await queueMail(tx, { ...message('never committed'), purpose: 'wake-up' }, now);
        throw new Rollback();
      }),
      Rollback,
    );
    for (let i = 0; i < 100 && seen.length === 1; i++) await sleep(20);
    assert.deepEqual(seen, [2, 2]);
  } finally {
    stop();
  }
  // Without a listener nothing is started.
  await database.db.transaction().execute((tx) => queueMail(tx, { ...message('unheard'), purpose: 'wake-up' }, now));
  await sleep(100);
  assert.deepEqual(seen, [2, 2]);
});
