// The second factor's rules, without I/O: TOTP codes (RFC 6238 through the otpauth library) with
// replay protection, recovery codes, and slowing down guessing.
import { createHash, createHmac, randomInt } from 'node:crypto';
import * as OTPAuth from 'otpauth';
// Who must use one and where a session stands live beside the session query, which needs them too.
export { isPending, rolesNeedingSecondFactor, secondFactorState, type SecondFactorState } from '../second-factor-standing.ts';

const PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a phone clock that is up to 30 seconds off still works. */
const WINDOW = 1;
export const ISSUER = 'Schakelpunt';

export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER, label, algorithm: 'SHA1', digits: DIGITS, period: PERIOD_SECONDS,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
  });
}

/** The otpauth:// address an authenticator app reads from the QR code. */
export function provisioningUri(secretBase32: string, accountLabel: string): string {
  return totp(secretBase32, accountLabel).toString();
}

/** The secret as typed by hand: groups of four. */
export function groupedSecret(secretBase32: string): string {
  return secretBase32.replace(/(.{4})(?=.)/g, '$1 ');
}

export function totpCode(secretBase32: string, at: Date): string {
  return totp(secretBase32, 'code').generate({ timestamp: at.getTime() });
}

export const codePattern = /^\d{6}$/;

/** A typed code with spaces and dashes removed ("123 456" is 123456). */
export function normaliseCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toLowerCase();
}

/**
 * Checks a six-digit code against the secret at `now`. Returns the time step it belongs to, or null.
 * A code whose step is not after `lastUsedStep` is refused: a code seen over a shoulder or in a
 * log cannot be used again.
 */
export function acceptedStep(secretBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null {
  if (!codePattern.test(code)) return null;
  const delta = totp(secretBase32, 'code').validate({ token: code, timestamp: now.getTime(), window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

// Recovery codes: 10 characters from an alphabet without look-alikes (no 0/o, 1/l/i), shown as
// xxxxx-xxxxx. 31^10 ≈ 8·10^14 possibilities each, so guessing is hopeless within the attempt limit.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;
export const recoveryCodePattern = /^[a-z0-9]{10}$/;

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    let code = '';
    for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(`recovery:${normaliseCode(code)}`).digest('hex');
}

/** Wrong codes before the second factor is locked for a while (per person, shared by all processes). */
export const MAX_CODE_FAILURES = 5;

export function afterCodeFailure(failures: number, now: Date, lockoutMinutes: number): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  return next >= MAX_CODE_FAILURES
    ? { failures: 0, lockedUntil: new Date(now.getTime() + lockoutMinutes * 60_000) }
    : { failures: next, lockedUntil: null };
}

/**
 * The demo accounts' secrets: derived from the e-mail address, so the demo banner can print them
 * and the browser tests can compute codes. Only the demo data uses these.
 */
export function demoTotpSecret(email: string): string {
  const bytes = createHmac('sha256', 'schakelpunt-demo-second-factor').update(email).digest().subarray(0, 20);
  return new OTPAuth.Secret({ buffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 20) }).base32;
}
