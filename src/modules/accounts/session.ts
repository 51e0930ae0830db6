// Sessions live in the database (several app processes can serve one PostgreSQL). The cookie holds
// a random token; the database holds only its SHA-256, so a leaked table cannot be replayed.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-sp_session' : 'sp_session';
}

export function anonymousCookieName(secure: boolean): string {
  return secure ? '__Host-sp_visitor' : 'sp_visitor';
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

/** A session is alive until its absolute end and while it has been used within the idle time. */
export function isSessionAlive(s: SessionTimes, now: Date, idleMinutes: number): boolean {
  return s.expiresAt.getTime() > now.getTime() && s.lastSeenAt.getTime() + idleMinutes * 60_000 > now.getTime();
}

/** Writing last-seen on every request would make every page a write; once a minute is precise enough. */
export function needsTouch(s: SessionTimes, now: Date): boolean {
  return now.getTime() - s.lastSeenAt.getTime() >= 60_000;
}

/** A CSRF token bound to the session (or to the anonymous visitor cookie before log-in). */
export function csrfToken(secret: Buffer, binding: string): string {
  return createHmac('sha256', secret).update(`csrf:${binding}`).digest('base64url');
}

export function csrfTokenMatches(secret: Buffer, binding: string, presented: unknown): boolean {
  if (typeof presented !== 'string' || presented.length > 100) return false;
  const expected = Buffer.from(csrfToken(secret, binding));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
