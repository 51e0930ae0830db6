/**
 * Retention: a proposal that was never confirmed is removed, with the proposer's name and e-mail
 * address, UNCONFIRMED_RETENTION_DAYS after it was sent. Runs outside a request, for every pact (as
 * the database owner), from the daily job `initiative-retention`. (The rate-limit hits of the form
 * are the shared limiter's; the platform job `rate-limit-purge` removes old ones.)
 */
import type { Executor } from '../../../platform/db/database.ts';
import { UNCONFIRMED_RETENTION_DAYS } from './initiative-links.ts';
import { deleteUnconfirmedBefore } from './initiative-queries.ts';

export async function removeUnconfirmedInitiatives(db: Executor, now: Date, days = UNCONFIRMED_RETENTION_DAYS): Promise<{ initiatives: number }> {
  const before = new Date(now.getTime() - days * 86_400_000);
  return { initiatives: await deleteUnconfirmedBefore(db, before) };
}
