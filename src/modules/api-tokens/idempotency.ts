// Idempotency keys of API POSTs (after the IETF draft "The Idempotency-Key HTTP Header Field"): a
// client sends a key of its choosing with each POST; if the answer got lost and it sends the same
// request again with the same key, it gets the first answer back and the work is not done twice.
// The same key with another request is refused (422): that is a client bug, not a retry.
//
// Concurrent requests with one key wait for each other (an advisory lock held until commit), so
// the second sees the first's stored answer. Only successful answers are stored: a refusal changes
// nothing, and sending the same request again is answered afresh.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { HttpError } from '../../access/http-error.ts';
import type { ApiCreated } from '../../access/route.ts';
import { problemTypes } from '../../platform/api/problem-types.ts';
import type { Executor } from '../../platform/db/database.ts';
import { findIdempotentResponse, storeIdempotentResponse } from './api-token-queries.ts';

/** What a key may be: 1–255 visible ASCII characters (migration 0023 says the same). */
export const idempotencyKeyPattern = /^[\x21-\x7e]{1,255}$/;

/** How long a key is kept (the purge job's horizon). */
export const IDEMPOTENCY_KEY_HOURS = 24;

function requestHash(method: string, path: string, body: Uint8Array): Buffer {
  return createHash('sha256').update(`${method}\u0000${path}\u0000`).update(body).digest();
}

export async function runIdempotently(
  tx: Executor,
  a: { pactId: string; tokenId: string; key: string; method: string; path: string; body: Uint8Array; now: Date },
  run: () => Promise<ApiCreated<unknown>>,
): Promise<ApiCreated<unknown> & { replayed: boolean }> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`api-idempotency:${a.tokenId}:${a.key}`}, 0))`.execute(tx);
  const hash = requestHash(a.method, a.path, a.body);
  const stored = await findIdempotentResponse(tx, { pactId: a.pactId, tokenId: a.tokenId, key: a.key });
  if (stored) {
    if (!stored.request_hash.equals(hash)) {
      throw new HttpError(422, undefined, [], {
        type: problemTypes.idempotencyKeyReused,
        detail: 'This Idempotency-Key was used before with another method, path or body. Use a new key for a new request.',
      });
    }
    return {
      status: stored.response_status as 200 | 201,
      body: stored.response_body,
      ...(stored.response_location ? { location: stored.response_location } : {}),
      replayed: true,
    };
  }
  const result = await run();
  await storeIdempotentResponse(tx, {
    pactId: a.pactId, tokenId: a.tokenId, key: a.key, method: a.method, path: a.path, requestHash: hash,
    status: result.status, body: result.body, location: result.location ?? null, now: a.now,
  });
  return { ...result, replayed: false };
}
