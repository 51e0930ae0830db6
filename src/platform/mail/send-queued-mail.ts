// The `mail-send` job: sends what is queued and due, in small batches. A batch is claimed in one
// short transaction (FOR UPDATE SKIP LOCKED, so several app processes never take the same
// message), each message is handed to the SMTP server outside any transaction (on PGlite the one
// connection stays free for requests meanwhile), and each outcome is stored in its own short
// transaction. Without an SMTP server (no SMTP_URL) messages go to the development outbox.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import { claimDueMail, finishMail, postponeMail, type ClaimedMail } from './mail-queries.ts';
import { afterFailure, describeMailError, isPermanentFailure } from './mail-status.ts';
import { onMailQueued, queueLockKey } from './queue-mail.ts';
import type { MailSender } from './smtp-sender.ts';

export interface MailWorkerDeps {
  db: Db;
  /** null: no SMTP_URL, mail goes to the development outbox. */
  sender: MailSender | null;
  clock: Clock;
  log: Logger;
  /** Messages per claim (default 10). */
  batchSize?: number;
  /** Claims per run (default 20): the rest waits for the next run, so one run never goes on for ever. */
  maxBatches?: number;
  /** How long a claim holds (default 15 minutes): longer than a batch can take with the SMTP timeouts. */
  leaseMs?: number;
}

export interface MailRunResult {
  sent: number;
  outbox: number;
  retried: number;
  failed: number;
}

export async function sendQueuedMail(deps: MailWorkerDeps): Promise<MailRunResult> {
  const result: MailRunResult = { sent: 0, outbox: 0, retried: 0, failed: 0 };
  const batchSize = deps.batchSize ?? 10;
  for (let batch = 0; batch < (deps.maxBatches ?? 20); batch++) {
    const claimId = randomUUID();
    const now = deps.clock.now();
    const claimed = await deps.db
      .transaction()
      .execute((tx) => claimDueMail(tx, { id: claimId, now, until: new Date(now.getTime() + (deps.leaseMs ?? 15 * 60_000)), limit: batchSize }));
    for (const message of claimed) await deliver(deps, claimId, message, result);
    if (claimed.length < batchSize) break;
  }
  return result;
}

async function deliver(deps: MailWorkerDeps, claimId: string, message: ClaimedMail, result: MailRunResult): Promise<void> {
  const { db, sender, clock, log } = deps;
  // Log ids and purposes, never addresses.
  const about = { mailId: message.id, purpose: message.purpose };
  if (!sender) {
    const done = await db.transaction().execute((tx) => finishMail(tx, { id: message.id, claimId, to: 'outbox', now: clock.now(), attempted: false }));
    if (done) result.outbox++;
    log.info({ ...about, done }, 'mail put in the development outbox (no SMTP_URL)');
    return;
  }
  try {
    await sender.send({ id: message.id, to: message.to_address, subject: message.subject, text: message.text_body, html: message.html_body });
  } catch (error) {
    const attempts = message.attempts + 1;
    const description = describeMailError(error);
    const next = afterFailure(attempts, isPermanentFailure(error), clock.now());
    if (next.give === 'up') {
      const done = await db.transaction().execute((tx) =>
        finishMail(tx, { id: message.id, claimId, to: 'failed', now: clock.now(), attempted: true, error: description }));
      if (done) result.failed++;
      log.error({ ...about, attempts, error: description }, 'mail could not be delivered: given up');
    } else {
      const done = await db.transaction().execute((tx) => postponeMail(tx, { id: message.id, claimId, retryAt: next.at, error: description }));
      if (done) result.retried++;
      log.warn({ ...about, attempts, retryAt: next.at, error: description }, 'mail could not be delivered: will try again');
    }
    return;
  }
  const done = await db.transaction().execute((tx) => finishMail(tx, { id: message.id, claimId, to: 'sent', now: clock.now(), attempted: true }));
  if (done) {
    result.sent++;
    log.info(about, 'mail sent');
  } else {
    // Sent, but the claim had run out meanwhile: another worker may send it once more.
    log.warn(about, 'mail sent after its claim had run out');
  }
}

/**
 * Starts a send attempt as soon as a transaction that queued mail has committed: waits for the
 * queueing transaction to end (it holds an advisory lock until then), then calls `start` (which
 * sends the `mail-send` job). A rolled-back transaction only causes a run that finds nothing.
 * Returns the function that stops it.
 */
export function startMailOnCommit(db: Db, start: () => Promise<unknown>, log: Logger): () => void {
  return onMailQueued((transactionId) => {
    void (async () => {
      if (transactionId) {
        await db.transaction().execute(async (tx) => {
          await sql`select pg_advisory_xact_lock(hashtextextended(${queueLockKey(transactionId)}, 0))`.execute(tx);
        });
      }
      await start();
    })().catch((error: unknown) => log.error({ err: error }, 'could not start sending mail'));
  });
}
