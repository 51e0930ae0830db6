// The two links a proposer gets by mail: one to confirm the proposal, one to a private status page.
// Each is a random token of 32 bytes; only its SHA-256 is stored. Pure apart from randomness. And
// the public form's rate limits.
import { createHash, randomBytes } from 'node:crypto';
import type { RateLimit } from '../../../platform/rate-limit.ts';

export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;
/** Days a confirmation link works. Unconfirmed proposals are removed later (UNCONFIRMED_RETENTION_DAYS). */
export const CONFIRM_LINK_DAYS = 7;
/** Days after which an unconfirmed proposal (with the proposer's name and address) is removed. */
export const UNCONFIRMED_RETENTION_DAYS = 14;

export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeLinkToken(value: string): boolean {
  return tokenPattern.test(value);
}

export function confirmLinkUsable(createdAt: Date, now: Date): boolean {
  return now.getTime() - createdAt.getTime() < CONFIRM_LINK_DAYS * 86_400_000;
}

/**
 * Where links in mail point: the configured public address, else the request's own origin (see
 * resetLink in the accounts module for why PUBLIC_URL must be set in production).
 */
export function linkOrigin(requestUrl: string, publicUrl: string | null): string {
  return publicUrl ? publicUrl.replace(/\/+$/, '') : new URL(requestUrl).origin;
}

// ── Rate limit of the public form ───────────────────────────────────────────────────────────
/**
 * Proposals accepted per hour, on the installation's shared limiter (src/platform/rate-limit.ts):
 * per e-mail address and per client address (a shared address — a library, a community centre —
 * may send several). Counted over every pact of the installation, so a second pact gives no fresh
 * allowance. A proposal over either limit is refused with a clear message and the input kept (429).
 */
export const proposalLimits = {
  email: { bucket: 'initiative-email', limit: 3, windowSeconds: 3600 },
  address: { bucket: 'initiative-address', limit: 10, windowSeconds: 3600 },
} as const satisfies Record<'email' | 'address', RateLimit>;
