import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { FailureCounter, ThrottleKind } from './sign-in-throttle.ts';

export async function readFailureCounter(tx: Executor, kind: ThrottleKind, keyHash: string): Promise<FailureCounter | undefined> {
  const r = await sql<{ failures: number; first_failure_at: Date; locked_until: Date | null }>`
    select failures, first_failure_at, locked_until from sign_in_failure
     where key_kind = ${kind} and key_hash = ${keyHash}
       for update`.execute(tx);
  const row = r.rows[0];
  return row ? { failures: row.failures, firstFailureAt: row.first_failure_at, lockedUntil: row.locked_until } : undefined;
}

export async function writeFailureCounter(tx: Executor, kind: ThrottleKind, keyHash: string, counter: FailureCounter, now: Date): Promise<void> {
  await sql`
    insert into sign_in_failure (key_kind, key_hash, failures, first_failure_at, last_failure_at, locked_until)
    values (${kind}, ${keyHash}, ${counter.failures}, ${counter.firstFailureAt}, ${now}, ${counter.lockedUntil})
    on conflict (key_kind, key_hash) do update
      set failures = excluded.failures, first_failure_at = excluded.first_failure_at,
          last_failure_at = excluded.last_failure_at, locked_until = excluded.locked_until`.execute(tx);
}

export async function clearFailureCounter(tx: Executor, kind: ThrottleKind, keyHash: string): Promise<void> {
  await sql`delete from sign_in_failure where key_kind = ${kind} and key_hash = ${keyHash}`.execute(tx);
}

/** Housekeeping: counters with no failure for a day carry no information any more. */
export async function deleteStaleFailureCounters(tx: Executor, now: Date): Promise<number> {
  const r = await sql`delete from sign_in_failure where last_failure_at < ${new Date(now.getTime() - 86_400_000)}
                        and (locked_until is null or locked_until < ${now})`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}
