/**
 * Retention: a proposal that was never confirmed is removed, with the proposer's name and e-mail
 * address, UNCONFIRMED_RETENTION_DAYS after it was sent; old rate-limit counters go too. Runs
 * outside a request, for every pact (as the database owner), e.g. from a daily job.
 */
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import { RATE_LIMIT, UNCONFIRMED_RETENTION_DAYS } from './initiative-links.ts';

export async function removeUnconfirmedInitiatives(db: Executor, now: Date, days = UNCONFIRMED_RETENTION_DAYS): Promise<{ initiatives: number; attempts: number }> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const removed = await sql`delete from initiative where status = 'unconfirmed' and created_at < ${before}`.execute(db);
  const windowStart = new Date(now.getTime() - RATE_LIMIT.windowMinutes * 60_000);
  const attempts = await sql`delete from initiative_submission_attempt where attempted_at < ${windowStart}`.execute(db);
  return { initiatives: Number(removed.numAffectedRows ?? 0), attempts: Number(attempts.numAffectedRows ?? 0) };
}
