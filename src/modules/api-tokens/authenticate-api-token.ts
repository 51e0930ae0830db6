// Who calls the API: nobody in particular (no Authorization header), or an organisation's token.
// A header that is there but does not hold a valid token is never read as "anonymous": it is a 401,
// so a partner system learns at once that its token was revoked or has expired. A valid token's
// requests are counted per minute (the rate limit) and its last use is kept.
//
// The count is read at the start and written at the end of the request's transaction
// (`recordUse`): the write locks the token's row of the minute until commit, and doing it last keeps
// that lock to the commit itself, so a partner's parallel requests do not wait for each other. Under
// such parallel load a token may go a few requests over its limit in a minute; a refused or failed
// request is not counted (its transaction rolls back).
import type { Actor } from '../../access/policy.ts';
import type { Executor } from '../../platform/db/database.ts';
import { bearerToken, hashApiToken, tokenStanding } from './api-token.ts';
import { countTokenRequest, findTokenByHash, tokenRequestsThisMinute, touchApiToken } from './api-token-queries.ts';

export type ApiCaller =
  | { ok: true; actor: Actor; recordUse(): Promise<void> }
  | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' | 'expired' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

export async function authenticateApiCaller(
  tx: Executor,
  a: { pactId: string; authorization: string | undefined; now: Date; requestsPerMinute: number },
): Promise<ApiCaller> {
  const presented = bearerToken(a.authorization);
  if (presented.kind === 'absent') return { ok: true, actor: { kind: 'anonymous' }, recordUse: async () => {} };
  if (presented.kind === 'malformed') return { ok: false, reason: 'malformed' };
  const token = await findTokenByHash(tx, a.pactId, hashApiToken(presented.secret));
  if (!token) return { ok: false, reason: 'unknown' };
  const standing = tokenStanding(token, a.now);
  if (standing !== 'active') return { ok: false, reason: standing };
  const use = { pactId: a.pactId, tokenId: token.id, now: a.now };
  if ((await tokenRequestsThisMinute(tx, use)) >= a.requestsPerMinute) {
    const nextMinute = Math.floor(a.now.getTime() / 60_000) * 60_000 + 60_000;
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: Math.max(1, Math.ceil((nextMinute - a.now.getTime()) / 1000)) };
  }
  return {
    ok: true,
    actor: { kind: 'token', tokenId: token.id, organisationId: token.organisation_id, scopes: token.scopes },
    recordUse: async () => {
      await countTokenRequest(tx, use);
      await touchApiToken(tx, use);
    },
  };
}
