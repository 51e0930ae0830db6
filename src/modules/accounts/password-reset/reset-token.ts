// Password reset links (OWASP Forgot Password Cheat Sheet, NIST SP 800-63B §6.1.2.3): a random
// token of 32 bytes in the link, only its SHA-256 stored, short-lived, usable once, and a cap on
// how many links one person can be sent, so the form cannot be used to flood a mailbox. Pure.
import type { RateLimit } from '../../../platform/rate-limit.ts';
import { hashToken, newToken, tokenPattern } from '../session.ts';

/** How long a link works. Short: a mailbox is read soon, and a forwarded or leaked mail goes stale. */
export const RESET_TOKEN_MINUTES = 60;
/**
 * Links one person can be sent within an hour, counted per person by the installation's rate
 * limiter; more requests are answered the same but send nothing.
 */
export const resetMailLimit: RateLimit = { bucket: 'password-reset', limit: 3, windowSeconds: 60 * 60 };

export interface ResetToken {
  /** Goes into the mail only. */
  token: string;
  /** Goes into the database only. */
  hash: string;
}

export function newResetToken(): ResetToken {
  const token = newToken();
  return { token, hash: hashToken(token) };
}

/** Whether a path segment can be a token at all; anything else is answered as an unknown link without a query. */
export function looksLikeResetToken(value: string): boolean {
  return tokenPattern.test(value);
}

export function resetTokenExpiry(now: Date): Date {
  return new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000);
}

export interface StoredResetToken {
  expiresAt: Date;
  usedAt: Date | null;
  personDeactivated: boolean;
}

/** A link works when it has not been used, has not expired and its account is still active. */
export function isResetTokenUsable(token: StoredResetToken | undefined, now: Date): boolean {
  return !!token && token.usedAt === null && !token.personDeactivated && token.expiresAt.getTime() > now.getTime();
}

/**
 * Where the link in the mail points. The configured public address when there is one; otherwise
 * the address this request came in on. The Host header is chosen by the sender, so an installation
 * behind a proxy that passes any Host through must set PUBLIC_URL, or a stranger could have a
 * victim mailed a link to their own site (host header poisoning).
 */
export function resetLink(token: string, requestUrl: string, publicUrl?: string | null): string {
  const origin = publicUrl ? publicUrl.replace(/\/+$/, '') : new URL(requestUrl).origin;
  return `${origin}/password/reset/${token}`;
}
