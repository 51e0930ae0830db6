import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import { findMail, listMailStatusChanges } from './mail-queries.ts';
import { queueMail } from './queue-mail.ts';
import { removeOldMailBodies } from './remove-old-mail-bodies.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

const day = 86_400_000;
const now = new Date('2026-11-23T10:00:00Z');

/** A message queued at `created` that left the queue as `status` at `left` (null: still queued). */
async function mail(subject: string, created: Date, status: 'queued' | 'sent' | 'outbox' | 'failed', left: Date | null): Promise<string> {
  const id = await database.db.transaction().execute((tx) =>
    queueMail(tx, { to: 'jan@lindewaard.example', subject, text: `Beste Jan, klik op https://schakelpunt.example/t/${subject}`, html: '<p>Beste Jan</p>', purpose: 'invitation' }, created));
  if (status !== 'queued') {
    await sql`update mail_message set status = ${status}, sent_at = ${status === 'failed' ? null : left} where id = ${id}`.execute(database.db);
    await sql`insert into mail_message_status_change (message_id, from_status, to_status, changed_at) values (${id}, 'queued', ${status}, ${left ?? created})`.execute(database.db);
  }
  return id;
}

test(`mail bodies are removed after the retention period; the row and its history stay (${testEngine})`, async () => {
  const oldSent = await mail('old-sent', new Date(now.getTime() - 40 * day), 'sent', new Date(now.getTime() - 31 * day));
  const oldOutbox = await mail('old-outbox', new Date(now.getTime() - 31 * day), 'outbox', new Date(now.getTime() - 31 * day));
  const oldFailed = await mail('old-failed', new Date(now.getTime() - 32 * day), 'failed', null);
  // Queued long ago but sent only yesterday: counted from the sending.
  const lateSent = await mail('late-sent', new Date(now.getTime() - 40 * day), 'sent', new Date(now.getTime() - day));
  const recent = await mail('recent', new Date(now.getTime() - 2 * day), 'outbox', new Date(now.getTime() - 2 * day));
  const stillQueued = await mail('still-queued', new Date(now.getTime() - 40 * day), 'queued', null);

  assert.equal(await removeOldMailBodies(database.db, now, 30), 3);

  for (const id of [oldSent, oldOutbox, oldFailed]) {
    const m = (await findMail(database.db, id))!;
    assert.equal(m.text_body, null);
    assert.equal(m.html_body, null);
    assert.deepEqual(m.body_removed_at, now);
    // What stays: who got which kind of mail, when, and how it went.
    assert.equal(m.to_address, 'jan@lindewaard.example');
    assert.equal(m.purpose, 'invitation');
    assert.deepEqual((await listMailStatusChanges(database.db, id)).map((h) => h.to_status), ['queued', m.status]);
  }
  for (const id of [lateSent, recent, stillQueued]) {
    const m = (await findMail(database.db, id))!;
    assert.match(m.text_body ?? '', /Beste Jan/, m.subject);
    assert.equal(m.body_removed_at, null);
  }

  // Running again removes nothing more; a shorter period reaches the rest that has left the queue.
  assert.equal(await removeOldMailBodies(database.db, now, 30), 0);
  assert.equal(await removeOldMailBodies(database.db, now, 1), 1);
  assert.equal((await findMail(database.db, recent))!.text_body, null);
  assert.match((await findMail(database.db, lateSent))!.text_body ?? '', /Beste Jan/);
  assert.match((await findMail(database.db, stillQueued))!.text_body ?? '', /Beste Jan/);
});
