// SQL for password reset links. Every query here runs outside row-level security (the routes are
// `system: true`): the table is not granted to the application role.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { StoredResetToken } from './reset-token.ts';

/** A new link ends the earlier ones that are still open: only the newest mail works. */
export async function expireOpenResetTokens(tx: Executor, personId: string, now: Date): Promise<void> {
  await sql`
    update password_reset_token set expires_at = ${now}
     where person_id = ${personId} and used_at is null and expires_at > ${now}`.execute(tx);
}

export async function insertResetToken(
  tx: Executor,
  t: { hash: string; personId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await sql`
    insert into password_reset_token (token_hash, person_id, created_at, expires_at)
    values (${t.hash}, ${t.personId}, ${t.now}, ${t.expiresAt})`.execute(tx);
}

export interface ResetTokenRow extends StoredResetToken {
  personId: string;
  email: string;
}

/**
 * The link's row and its person, locked until the transaction ends: of two posts with the same
 * link at once, the second waits and then finds it used.
 */
export async function findResetToken(tx: Executor, hash: string, options: { lock: boolean }): Promise<ResetTokenRow | undefined> {
  const r = options.lock
    ? await sql<{ person_id: string; email: string; expires_at: Date; used_at: Date | null; deactivated_at: Date | null }>`
        select t.person_id, p.email, t.expires_at, t.used_at, p.deactivated_at
          from password_reset_token t join person p on p.id = t.person_id
         where t.token_hash = ${hash}
           for update of t`.execute(tx)
    : await sql<{ person_id: string; email: string; expires_at: Date; used_at: Date | null; deactivated_at: Date | null }>`
        select t.person_id, p.email, t.expires_at, t.used_at, p.deactivated_at
          from password_reset_token t join person p on p.id = t.person_id
         where t.token_hash = ${hash}`.execute(tx);
  const row = r.rows[0];
  return row
    ? { personId: row.person_id, email: row.email, expiresAt: row.expires_at, usedAt: row.used_at, personDeactivated: row.deactivated_at !== null }
    : undefined;
}

export async function markResetTokenUsed(tx: Executor, hash: string, now: Date): Promise<void> {
  await sql`update password_reset_token set used_at = ${now} where token_hash = ${hash} and used_at is null`.execute(tx);
}

export async function setPasswordHash(tx: Executor, personId: string, passwordHash: string): Promise<void> {
  await sql`update person set password_hash = ${passwordHash} where id = ${personId}`.execute(tx);
}

/** Housekeeping: links that ended more than a day ago carry no information any more. */
export async function deleteOldResetTokens(tx: Executor, now: Date): Promise<number> {
  const r = await sql`delete from password_reset_token where expires_at < ${new Date(now.getTime() - 86_400_000)}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
