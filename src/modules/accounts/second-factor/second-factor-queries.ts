// Second-factor rows. Installation-level tables (migration 0007): only the sign-in steps, which
// run outside row-level security, call these; every query names the person it is for.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';

export interface SecondFactorRow {
  person_id: string;
  sealed_secret: string;
  created_at: Date;
  confirmed_at: Date | null;
  last_used_step: string | null;
  failures: number;
  locked_until: Date | null;
}

export async function findSecondFactor(tx: Executor, personId: string): Promise<SecondFactorRow | undefined> {
  const r = await sql<SecondFactorRow>`
    select person_id, sealed_secret, created_at, confirmed_at, last_used_step, failures, locked_until
      from second_factor where person_id = ${personId} for update`.execute(tx);
  return r.rows[0];
}

/** Starts (or restarts) a pending enrolment with a new secret; a confirmed one is never replaced here. */
export async function startEnrolment(tx: Executor, personId: string, sealedSecret: string, now: Date): Promise<void> {
  await sql`
    insert into second_factor (person_id, sealed_secret, created_at)
    values (${personId}, ${sealedSecret}, ${now})
    on conflict (person_id) do update set sealed_secret = excluded.sealed_secret, created_at = excluded.created_at,
      failures = 0, locked_until = null
      where second_factor.confirmed_at is null`.execute(tx);
}

export async function confirmEnrolment(tx: Executor, personId: string, step: number | null, now: Date): Promise<void> {
  await sql`update second_factor set confirmed_at = ${now}, last_used_step = ${step}::bigint, failures = 0, locked_until = null
             where person_id = ${personId}`.execute(tx);
}

export async function recordCodeAccepted(tx: Executor, personId: string, step: number | null): Promise<void> {
  await sql`update second_factor set failures = 0, locked_until = null,
               last_used_step = coalesce(${step}::bigint, last_used_step)
             where person_id = ${personId}`.execute(tx);
}

export async function recordCodeRefused(tx: Executor, personId: string, failures: number, lockedUntil: Date | null): Promise<void> {
  await sql`update second_factor set failures = ${failures}, locked_until = ${lockedUntil} where person_id = ${personId}`.execute(tx);
}

/** Removes the enrolment and its recovery codes (a system administrator's reset). */
export async function removeSecondFactor(tx: Executor, personId: string): Promise<boolean> {
  await sql`delete from second_factor_recovery_code where person_id = ${personId}`.execute(tx);
  const r = await sql`delete from second_factor where person_id = ${personId}`.execute(tx);
  return Number(r.numAffectedRows ?? 0) > 0;
}

export async function replaceRecoveryCodes(tx: Executor, personId: string, hashes: string[], now: Date): Promise<void> {
  await sql`delete from second_factor_recovery_code where person_id = ${personId}`.execute(tx);
  if (hashes.length === 0) return;
  // One statement for all codes, not one round trip each.
  await sql`insert into second_factor_recovery_code (person_id, code_hash, created_at)
            values ${sql.join(hashes.map((hash) => sql`(${personId}, ${hash}, ${now})`))}`.execute(tx);
}

/** Marks an unused recovery code as used; false when it is unknown or was used before. */
export async function useRecoveryCode(tx: Executor, personId: string, hash: string, now: Date): Promise<boolean> {
  const r = await sql`update second_factor_recovery_code set used_at = ${now}
                       where person_id = ${personId} and code_hash = ${hash} and used_at is null`.execute(tx);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function countUnusedRecoveryCodes(tx: Executor, personId: string): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from second_factor_recovery_code
                                      where person_id = ${personId} and used_at is null`.execute(tx);
  return Number(r.rows[0]?.n ?? 0);
}
