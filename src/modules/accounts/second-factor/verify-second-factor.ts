/**
 * Checking the second factor at sign-in (and before sensitive account changes): a six-digit code
 * from the authenticator app, or one of the recovery codes. Wrong codes count per person, in the
 * database (several app processes share the count); five in a row lock the second factor for the
 * configured lock-out time, whichever session tries.
 */
import type { Executor } from '../../../platform/db/database.ts';
import { open } from '../../../platform/crypto/sealed-box.ts';
import type { SecondFactorServices } from './enrol-second-factor.ts';
import {
  acceptedStep, afterCodeFailure, codePattern, hashRecoveryCode, normaliseCode, recoveryCodePattern,
} from './second-factor.ts';
import { findSecondFactor, recordCodeAccepted, recordCodeRefused, useRecoveryCode } from './second-factor-queries.ts';

export type VerificationOutcome =
  | { ok: true; method: 'code' | 'recovery-code' }
  | { ok: false; reason: 'wrong-code' | 'not-enrolled' }
  | { ok: false; reason: 'locked'; until: Date };

export async function verifySecondFactor(
  tx: Executor,
  services: SecondFactorServices,
  input: {
    personId: string;
    typed: string;
    now: Date;
    /** False before making new recovery codes: only a code from the app counts there. */
    allowRecoveryCode?: boolean;
  },
): Promise<VerificationOutcome> {
  const { personId, typed, now, allowRecoveryCode = true } = input;
  const row = await findSecondFactor(tx, personId);
  if (!row?.confirmed_at) return { ok: false, reason: 'not-enrolled' };
  if (row.locked_until && row.locked_until.getTime() > now.getTime()) return { ok: false, reason: 'locked', until: row.locked_until };
  const code = normaliseCode(typed);
  if (codePattern.test(code)) {
    let secret: string | null = null;
    try {
      secret = open(services.keys, row.sealed_secret, personId);
    } catch {
      // A secret sealed under a key that is no longer configured cannot be checked: the person
      // uses a recovery code, or a system administrator resets the second factor.
    }
    const step = secret ? acceptedStep(secret, code, now, row.last_used_step === null ? null : Number(row.last_used_step)) : null;
    if (step !== null) {
      await recordCodeAccepted(tx, personId, step);
      return { ok: true, method: 'code' };
    }
  } else if (allowRecoveryCode && recoveryCodePattern.test(code)) {
    if (await useRecoveryCode(tx, personId, hashRecoveryCode(code), now)) {
      await recordCodeAccepted(tx, personId, null);
      return { ok: true, method: 'recovery-code' };
    }
  }
  const next = afterCodeFailure(row.failures, now, services.lockoutMinutes);
  await recordCodeRefused(tx, personId, next.failures, next.lockedUntil);
  return next.lockedUntil ? { ok: false, reason: 'locked', until: next.lockedUntil } : { ok: false, reason: 'wrong-code' };
}
