// Organisation API tokens, the pure part: making a token, hashing it, reading it from a request's
// Authorization header, and the form a partner admin fills in. No I/O.
//
// A token is `spk_` and 43 characters of base64url: 256 random bits. Only its SHA-256 is stored; a
// fast hash suffices because nothing about a random token can be guessed (unlike a password).
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { apiCapabilities, type ApiCapability, type ApiScope } from '../../access/policy.ts';

const PREFIX = 'spk_';
const tokenPattern = /^spk_[A-Za-z0-9_-]{43}$/;

/** How long a token may live: the partner admin picks one of these (in days). */
export const lifetimes = [30, 90, 180, 365] as const;
export const defaultLifetime = 90;

/** A new token: the secret to show once, its hash to store, and the prefix to recognise it by. */
export function newApiToken(): { secret: string; hash: Buffer; prefix: string } {
  const secret = PREFIX + randomBytes(32).toString('base64url');
  return { secret, hash: hashApiToken(secret), prefix: prefixOf(secret) };
}

export function hashApiToken(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** The first characters of a token (`spk_` and six more), shown in lists; reveals nothing usable. */
export function prefixOf(secret: string): string {
  return secret.slice(0, PREFIX.length + 6);
}

/**
 * The token of an `Authorization: Bearer …` header (RFC 6750): `absent` without the header,
 * `malformed` for another scheme or anything that cannot be one of our tokens.
 */
export function bearerToken(header: string | undefined): { kind: 'absent' } | { kind: 'malformed' } | { kind: 'token'; secret: string } {
  if (header === undefined || header === '') return { kind: 'absent' };
  const match = /^Bearer +(\S+) *$/i.exec(header);
  if (!match || !tokenPattern.test(match[1]!)) return { kind: 'malformed' };
  return { kind: 'token', secret: match[1]! };
}

/** What a token may do per capability, as the form offers it. */
export const accessLevels = ['none', 'read', 'write'] as const;
export type AccessLevel = (typeof accessLevels)[number];

export function scopesOf(levels: Partial<Record<ApiCapability, AccessLevel>>): ApiScope[] {
  return apiCapabilities.flatMap((c) => {
    const level = levels[c] ?? 'none';
    return level === 'none' ? [] : [`${c}:${level}` as ApiScope];
  });
}

/** The form: a name, a level per capability (at least one that is not "none") and a lifetime. */
export const apiTokenForm = z
  .object({
    name: z.string().trim().min(1).max(100),
    lifetime: z.enum(lifetimes.map(String) as [string, ...string[]], { message: 'apiTokens.error.lifetime' }).transform(Number),
    ...Object.fromEntries(apiCapabilities.map((c) => [`scope_${c}`, z.enum(accessLevels).default('none')])),
  })
  .transform((v, ctx) => {
    const record = v as Record<string, unknown>;
    const scopes = scopesOf(Object.fromEntries(apiCapabilities.map((c) => [c, record[`scope_${c}`] as AccessLevel])));
    if (scopes.length === 0) {
      ctx.addIssue({ code: 'custom', path: [`scope_${apiCapabilities[0]}`], message: 'apiTokens.error.noScope' });
      return z.NEVER;
    }
    return { name: v.name, lifetimeDays: v.lifetime as number, scopes };
  });

export type ApiTokenInput = z.output<typeof apiTokenForm>;

/** Where a token stands at `now`. */
export function tokenStanding(token: { revoked_at: Date | null; expires_at: Date }, now: Date): 'active' | 'revoked' | 'expired' {
  if (token.revoked_at) return 'revoked';
  return token.expires_at.getTime() <= now.getTime() ? 'expired' : 'active';
}
