// The `mail-retention` job. Mail bodies hold personal data (names, links with tokens) and are
// needed only until the message is delivered and perhaps looked at once: after MAIL_RETENTION_DAYS
// the bodies of sent, outbox and failed mail are removed. The row stays — who got which kind of
// mail when, and its status history — as the record that mail went out.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';

/** Removes the bodies of mail that left the queue more than `days` days before `now`; returns how many. */
export async function removeOldMailBodies(db: Executor, now: Date, days: number): Promise<number> {
  const cutoff = new Date(now.getTime() - days * 86_400_000);
  const r = await sql<{ id: string }>`
    update mail_message
       set text_body = null, html_body = null, body_removed_at = ${now}
     where body_removed_at is null and status <> 'queued' and coalesce(sent_at, created_at) < ${cutoff}
    returning id`.execute(db);
  return r.rows.length;
}
