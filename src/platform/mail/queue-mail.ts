// Queues one message in the caller's transaction: it is committed with the change that causes it
// (an invitation, a password reset) or not at all. Works in a request's transaction, which runs as
// the application role: the insert goes through the database function queue_mail(), which may
// write mail but gives nothing back except the new id (migrations/0003_mail.sql).
import { sql } from 'kysely';
import { z } from 'zod';
import { systemClock } from '../clock.ts';
import type { Executor } from '../db/database.ts';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  /** The HTML part (renderMail gives both); null for a text-only message. */
  html?: string | null;
  /** Why the mail exists, e.g. 'invitation', 'password-reset'. */
  purpose: string;
}

const outgoingMail = z.object({
  to: z.email().max(320),
  subject: z.string().trim().min(1).max(200).regex(/^[^\r\n]*$/),
  text: z.string().min(1).max(100_000),
  html: z.string().max(300_000).nullish(),
  purpose: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
});

/**
 * Called once per transaction that queued mail, with that transaction's id (null when the mail
 * was queued outside a transaction and is committed already). Set by the process that runs the
 * jobs (src/app/start.ts) to start a send attempt as soon as the mail is committed.
 */
export type MailQueuedListener = (transactionId: string | null) => void;

let listener: MailQueuedListener | null = null;
const announced = new WeakSet<object>();

/** Registers the one listener of this process; returns a function that removes it. */
export function onMailQueued(next: MailQueuedListener): () => void {
  listener = next;
  return () => {
    if (listener === next) listener = null;
  };
}

/** The advisory lock a queueing transaction holds until it ends: who takes it waits for the commit. */
export function queueLockKey(transactionId: string): string {
  return `mail-queue:${transactionId}`;
}

/** Queues a message; returns its id. Throws on a malformed message (a programming error, not user input). */
export async function queueMail(tx: Executor, message: OutgoingMail, now: Date = systemClock.now()): Promise<string> {
  const m = outgoingMail.parse(message);
  const r = await sql<{ id: string }>`
    select queue_mail(${m.to}, ${m.subject}, ${m.text}, ${m.html ?? null}, ${m.purpose}, ${now}) as id`.execute(tx);
  const id = r.rows[0]!.id;
  const notify = listener;
  if (notify && !announced.has(tx)) {
    if (tx.isTransaction) {
      announced.add(tx);
      // Held until this transaction ends, so the listener can wait for the commit (on PostgreSQL
      // the send attempt runs on another connection and would otherwise not see the mail yet).
      const held = await sql<{ txid: string }>`
        select txid, pg_advisory_xact_lock(hashtextextended('mail-queue:' || txid, 0))::text as locked
          from (select txid_current()::text as txid) t`.execute(tx);
      notify(held.rows[0]!.txid);
    } else {
      notify(null);
    }
  }
  return id;
}
