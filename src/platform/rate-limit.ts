// The installation's one rate limiter (migration 0016): "at most N per key per window", counted in
// the database so that several app processes share the counts. Keys are hashed with the server's
// secret before they reach the database, so the table holds no e-mail or network address and a
// stolen copy cannot be matched against a list of addresses.
import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from './db/database.ts';

export interface RateLimit {
  /** Lower-case name of what is limited (`initiative-email`, `password-reset`). */
  bucket: string;
  limit: number;
  windowSeconds: number;
}

export function rateLimitKey(secret: Buffer, bucket: string, key: string): string {
  return createHmac('sha256', secret).update(`${bucket}\u0000${key.trim().toLowerCase()}`).digest('hex');
}

/** Takes one hit for `key`; false when the limit for the window is reached (nothing is counted then). */
export async function takeRateLimit(tx: Executor, secret: Buffer, limit: RateLimit, key: string, now: Date): Promise<boolean> {
  const r = await sql<{ taken: boolean }>`
    select rate_limit_take(${limit.bucket}, ${rateLimitKey(secret, limit.bucket, key)}, ${limit.limit}::int,
                           ${limit.windowSeconds}::int, ${now}::timestamptz) as taken`.execute(tx);
  return r.rows[0]?.taken === true;
}

/** Forgets every hit of `key` in the bucket. */
export async function clearRateLimit(tx: Executor, secret: Buffer, bucket: string, key: string): Promise<void> {
  await sql`select rate_limit_clear(${bucket}, ${rateLimitKey(secret, bucket, key)})`.execute(tx);
}

/** Removes hits older than the longest window in use (a daily job of the host). */
export async function purgeRateLimitHits(tx: Executor, before: Date): Promise<number> {
  const r = await sql`delete from rate_limit_hit where hit_at < ${before}`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
