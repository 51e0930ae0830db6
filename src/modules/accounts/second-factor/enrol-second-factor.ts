/**
 * Setting up the second factor: a new secret is kept as a pending enrolment and shown once as a QR
 * code and as text; the enrolment is confirmed by the first correct code, which also makes ten
 * recovery codes (shown once, stored as hashes).
 */
import type { Executor } from '../../../platform/db/database.ts';
import { open, seal, type SealingKey } from '../../../platform/crypto/sealed-box.ts';
import {
  acceptedStep, afterCodeFailure, hashRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseCode,
} from './second-factor.ts';
import {
  confirmEnrolment, findSecondFactor, recordCodeRefused, replaceRecoveryCodes, startEnrolment,
} from './second-factor-queries.ts';

export interface SecondFactorServices {
  /** The first key seals; all of them may open (a key being rotated out). */
  keys: SealingKey[];
  lockoutMinutes: number;
}

/** The secret of the person's pending enrolment, made now if there is none. Null when already enrolled. */
export async function pendingEnrolmentSecret(
  tx: Executor,
  keys: SealingKey[],
  personId: string,
  now: Date,
): Promise<string | null> {
  const existing = await findSecondFactor(tx, personId);
  if (existing?.confirmed_at) return null;
  if (existing) {
    try {
      return open(keys, existing.sealed_secret, personId);
    } catch {
      // Sealed under a key that is gone: start again with a new secret.
    }
  }
  const secret = newTotpSecret();
  await startEnrolment(tx, personId, seal(keys[0]!, secret, personId), now);
  return secret;
}

export type EnrolmentOutcome =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; reason: 'wrong-code' | 'no-enrolment' | 'already-enrolled' }
  | { ok: false; reason: 'locked'; until: Date };

export async function confirmSecondFactor(
  tx: Executor,
  services: SecondFactorServices,
  personId: string,
  typedCode: string,
  now: Date,
): Promise<EnrolmentOutcome> {
  const row = await findSecondFactor(tx, personId);
  if (!row) return { ok: false, reason: 'no-enrolment' };
  if (row.confirmed_at) return { ok: false, reason: 'already-enrolled' };
  if (row.locked_until && row.locked_until.getTime() > now.getTime()) return { ok: false, reason: 'locked', until: row.locked_until };
  let secret: string;
  try {
    secret = open(services.keys, row.sealed_secret, personId);
  } catch {
    return { ok: false, reason: 'no-enrolment' };
  }
  const step = acceptedStep(secret, normaliseCode(typedCode), now, null);
  if (step === null) {
    const next = afterCodeFailure(row.failures, now, services.lockoutMinutes);
    await recordCodeRefused(tx, personId, next.failures, next.lockedUntil);
    return next.lockedUntil ? { ok: false, reason: 'locked', until: next.lockedUntil } : { ok: false, reason: 'wrong-code' };
  }
  await confirmEnrolment(tx, personId, step, now);
  const recoveryCodes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, personId, recoveryCodes.map(hashRecoveryCode), now);
  return { ok: true, recoveryCodes };
}

/** Enrols a person with a known secret, confirmed at once: for the demo accounts only. */
export async function enrolWithKnownSecret(tx: Executor, key: SealingKey, personId: string, secret: string, now: Date): Promise<void> {
  await startEnrolment(tx, personId, seal(key, secret, personId), now);
  await confirmEnrolment(tx, personId, null, now);
}
