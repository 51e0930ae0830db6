// SQL of the mail queue. Every function here runs as the connecting role, outside row-level
// security: the application role has no access to mail at all (migrations/0003_mail.sql). The
// callers are system code: the send worker, the retention job and the system administrator's
// outbox pages.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { MailStatus } from './mail-status.ts';

export interface MailListRow {
  id: string;
  created_at: Date;
  to_address: string;
  subject: string;
  purpose: string;
  status: MailStatus;
  attempts: number;
  sent_at: Date | null;
}

export interface MailRow extends MailListRow {
  text_body: string | null;
  html_body: string | null;
  next_attempt_at: Date;
  last_error: string | null;
  body_removed_at: Date | null;
}

export interface MailStatusChangeRow {
  from_status: MailStatus | null;
  to_status: MailStatus;
  changed_at: Date;
}

/** The newest messages first. */
export async function listMail(tx: Executor, limit = 100): Promise<MailListRow[]> {
  const r = await sql<MailListRow>`
    select id, created_at, to_address, subject, purpose, status, attempts, sent_at
      from mail_message order by created_at desc, id desc limit ${limit}`.execute(tx);
  return r.rows;
}

export async function findMail(tx: Executor, id: string): Promise<MailRow | undefined> {
  const r = await sql<MailRow>`
    select id, created_at, to_address, subject, purpose, status, attempts, sent_at, text_body, html_body,
           next_attempt_at, last_error, body_removed_at
      from mail_message where id = ${id}`.execute(tx);
  return r.rows[0];
}

export async function listMailStatusChanges(tx: Executor, id: string): Promise<MailStatusChangeRow[]> {
  const r = await sql<MailStatusChangeRow>`
    select from_status, to_status, changed_at from mail_message_status_change where message_id = ${id} order by id`.execute(tx);
  return r.rows;
}

export interface ClaimedMail {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  purpose: string;
  attempts: number;
  created_at: Date;
}

/**
 * Takes up to `limit` due messages for one worker until `until`. FOR UPDATE SKIP LOCKED: a message
 * another worker is claiming at this moment is skipped, not waited for, and one that another worker
 * holds (claimed_until in the future) is not due; so no two workers ever take the same message.
 */
export async function claimDueMail(tx: Executor, claim: { id: string; now: Date; until: Date; limit: number }): Promise<ClaimedMail[]> {
  const r = await sql<ClaimedMail>`
    with due as (
      select id from mail_message
       where status = 'queued' and next_attempt_at <= ${claim.now}
         and (claimed_until is null or claimed_until < ${claim.now})
       order by next_attempt_at, created_at, id
       limit ${claim.limit}
       for update skip locked
    )
    update mail_message m
       set claim_id = ${claim.id}, claimed_until = ${claim.until}
      from due where m.id = due.id
    returning m.id, m.to_address, m.subject, m.text_body, m.html_body, m.purpose, m.attempts, m.created_at`.execute(tx);
  return r.rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.id.localeCompare(b.id));
}

/**
 * Ends a claimed message's stay in the queue: 'sent', 'outbox' or 'failed', with a history entry.
 * Only while this worker's claim holds: false when the message was taken over meanwhile.
 */
export async function finishMail(
  tx: Executor,
  change: { id: string; claimId: string; to: Exclude<MailStatus, 'queued'>; now: Date; attempted: boolean; error?: string },
): Promise<boolean> {
  const delivered = change.to !== 'failed';
  const r = await sql<{ message_id: string }>`
    with changed as (
      update mail_message
         set status = ${change.to},
             sent_at = ${delivered ? change.now : null},
             attempts = attempts + ${change.attempted ? 1 : 0},
             last_error = coalesce(${change.error ?? null}::text, last_error),
             claim_id = null, claimed_until = null
       where id = ${change.id} and claim_id = ${change.claimId} and status = 'queued'
      returning id
    )
    insert into mail_message_status_change (message_id, from_status, to_status, changed_at)
    select id, 'queued', ${change.to}::text, ${change.now}::timestamptz from changed
    returning message_id`.execute(tx);
  return r.rows.length === 1;
}

/** A failed attempt that will be tried again at `retryAt`; the message stays queued. */
export async function postponeMail(tx: Executor, change: { id: string; claimId: string; retryAt: Date; error: string }): Promise<boolean> {
  const r = await sql<{ id: string }>`
    update mail_message
       set attempts = attempts + 1, last_error = ${change.error}, next_attempt_at = ${change.retryAt},
           claim_id = null, claimed_until = null
     where id = ${change.id} and claim_id = ${change.claimId} and status = 'queued'
    returning id`.execute(tx);
  return r.rows.length === 1;
}
