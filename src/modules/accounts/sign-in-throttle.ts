// Log-in throttling: after too many failures within a window, an account (by the e-mail address
// typed) or a network address is locked for a while. Pure rules; the counters live in the
// database (sign-in-throttle-queries.ts). OWASP Authentication Cheat Sheet: lock temporarily,
// by account and by source, with the same answer whether or not the account exists.
import { createHash } from 'node:crypto';

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMinutes: number;
  lockoutMinutes: number;
}

export interface FailureCounter {
  failures: number;
  firstFailureAt: Date;
  lockedUntil: Date | null;
}

export type ThrottleKind = 'account' | 'address';

export function throttleKey(kind: ThrottleKind, value: string): string {
  const normalised = kind === 'account' ? value.trim().toLowerCase() : value.trim();
  return createHash('sha256').update(`${kind}:${normalised}`).digest('hex');
}

/** Whether this counter blocks a log-in now; if so, until when. */
export function lockedUntil(counter: FailureCounter | undefined, now: Date): Date | null {
  if (!counter?.lockedUntil) return null;
  return counter.lockedUntil.getTime() > now.getTime() ? counter.lockedUntil : null;
}

/** The counter after one more failure: a failure outside the window starts a new count. */
export function afterFailure(counter: FailureCounter | undefined, now: Date, max: number, limits: ThrottleLimits): FailureCounter {
  const windowStart = now.getTime() - limits.windowMinutes * 60_000;
  const fresh = !counter || counter.firstFailureAt.getTime() < windowStart || (counter.lockedUntil !== null && counter.lockedUntil.getTime() <= now.getTime());
  const failures = fresh ? 1 : counter.failures + 1;
  return {
    failures,
    firstFailureAt: fresh ? now : counter.firstFailureAt,
    lockedUntil: failures >= max ? new Date(now.getTime() + limits.lockoutMinutes * 60_000) : null,
  };
}

/** Whole minutes left, at least one, for the message. */
export function minutesLeft(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));
}
