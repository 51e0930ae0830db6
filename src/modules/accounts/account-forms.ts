import { z } from 'zod';

export const signInForm = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
  next: z.string().max(2000).optional(),
});

export const accountForm = z.object({
  displayName: z.string().trim().min(1).max(120),
  locale: z.enum(['nl', 'en']),
});

const localBase = 'http://schakelpunt.invalid';

/**
 * Only a local path may be a return address after log-in (no open redirect). Browsers drop tabs
 * and newlines from a URL, so '/\t/evil.example' would become '//evil.example': control characters
 * are refused. The path comes back as the URL parser serialises it, percent-encoded, because a
 * Location header holds only Latin-1 ('/中' would make the redirect itself fail).
 */
export function safeNext(next: string | undefined | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (/[\u0000-\u001f\u007f]/.test(next)) return '/';
  try {
    const url = new URL(next, localBase);
    const local = url.pathname + url.search + url.hash;
    // '/.//evil.example' serialises as '//evil.example': check again after the parser.
    return url.origin === localBase && !local.startsWith('//') ? local : '/';
  } catch {
    return '/';
  }
}
