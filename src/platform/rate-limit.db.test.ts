import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from './db/database.ts';
import { enterAppRole } from './db/transaction.ts';
import { openTestDatabase } from '../../tests/support/test-database.ts';
import { clearRateLimit, purgeRateLimitHits, rateLimitKey, takeRateLimit, type RateLimit } from './rate-limit.ts';

let database: Database;
const secret = Buffer.alloc(32, 7);
const limit: RateLimit = { bucket: 'test-form', limit: 3, windowSeconds: 3600 };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 10, minutes));

before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

/** As a request does it: in a transaction that has dropped to the application role. */
const asApp = <T>(work: (tx: Parameters<typeof enterAppRole>[0]) => Promise<T>) =>
  database.db.transaction().execute(async (tx) => {
    await enterAppRole(tx, { pactId: null });
    return work(tx);
  });

test('a key may take the limit within the window, then is refused until hits age out', async () => {
  const taken: boolean[] = [];
  for (let i = 0; i < 5; i++) taken.push(await asApp((tx) => takeRateLimit(tx, secret, limit, 'Naam@Voorbeeld.nl', at(i))));
  assert.deepEqual(taken, [true, true, true, false, false]);
  // The same address written differently is the same key; another key has its own allowance.
  assert.equal(await asApp((tx) => takeRateLimit(tx, secret, limit, ' naam@voorbeeld.nl ', at(10))), false);
  assert.equal(await asApp((tx) => takeRateLimit(tx, secret, limit, 'ander@voorbeeld.nl', at(10))), true);
  // An hour after the first two hits (at 0 and 1 minutes), only the hit at 2 minutes still counts:
  // two places are free again.
  const later: boolean[] = [];
  for (let i = 0; i < 3; i++) later.push(await asApp((tx) => takeRateLimit(tx, secret, limit, 'naam@voorbeeld.nl', at(61))));
  assert.deepEqual(later, [true, true, false]);
});

test('clearing a key gives it its full allowance back', async () => {
  await asApp((tx) => clearRateLimit(tx, secret, limit.bucket, 'naam@voorbeeld.nl'));
  assert.equal(await asApp((tx) => takeRateLimit(tx, secret, limit, 'naam@voorbeeld.nl', at(62))), true);
});

test('the application role cannot read the hits: it reaches them only through the functions', async () => {
  await assert.rejects(asApp((tx) => sql`select * from rate_limit_hit`.execute(tx)), /permission denied/);
  const stored = await sql<{ key_hash: string }>`select key_hash from rate_limit_hit`.execute(database.db);
  assert.ok(stored.rows.length > 0);
  assert.ok(stored.rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash) && !r.key_hash.includes('voorbeeld')));
  assert.equal(stored.rows[0]!.key_hash.length, rateLimitKey(secret, 'x', 'y').length);
});

test('concurrent requests cannot both take the last hit', async () => {
  const tight: RateLimit = { bucket: 'test-race', limit: 1, windowSeconds: 60 };
  const results = await Promise.all(Array.from({ length: 6 }, () => asApp((tx) => takeRateLimit(tx, secret, tight, 'same', at(0)))));
  assert.equal(results.filter(Boolean).length, 1);
});

test('old hits are purged', async () => {
  const removed = await purgeRateLimitHits(database.db, at(61));
  assert.ok(removed > 0);
  const left = await sql<{ n: number }>`select count(*)::int as n from rate_limit_hit where hit_at < ${at(61)}`.execute(database.db);
  assert.equal(left.rows[0]!.n, 0);
});
