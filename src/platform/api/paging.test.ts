import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { decodeCursor, encodeCursor, pageFrom, pageQuery } from './paging.ts';

const key = z.tuple([z.number().int(), z.string()]);

test('a cursor carries its sort key and only a key of the right shape comes back out', () => {
  assert.deepEqual(decodeCursor(encodeCursor([3, 'abc']), key), [3, 'abc']);
  assert.equal(decodeCursor(encodeCursor(['3', 'abc']), key), null);
  assert.equal(decodeCursor(encodeCursor([3]), key), null);
  assert.equal(decodeCursor('not+base64url', key), null);
  assert.equal(decodeCursor(Buffer.from('{not json').toString('base64url'), key), null);
});

test('a page holds at most `limit` rows and links to the next one only when there is more', () => {
  const query = pageQuery.parse({ limit: '2', modified_after: '2026-01-01T00:00:00Z' });
  const request = { path: '/api/v1/pacts/p/pillars', search: new URLSearchParams('limit=2&modified_after=2026-01-01T00:00:00Z') };
  const rows = [1, 2, 3].map((n) => ({ n }));
  const full = pageFrom(rows, query, request, (r) => [r.n, `id${r.n}`], (r) => r.n);
  assert.deepEqual(full.items, [1, 2]);
  const next = new URL(full.page.next!, 'http://x');
  assert.equal(next.pathname, request.path);
  assert.equal(next.searchParams.get('modified_after'), '2026-01-01T00:00:00Z');
  assert.deepEqual(decodeCursor(next.searchParams.get('cursor')!, key), [2, 'id2']);
  assert.equal(pageFrom(rows.slice(0, 2), query, request, (r) => [r.n, 'x'], (r) => r.n).page.next, null);
});

test('the page query has a default size and refuses what it does not know', () => {
  assert.equal(pageQuery.parse({}).limit, 50);
  assert.equal(pageQuery.safeParse({ limit: '0' }).success, false);
  assert.equal(pageQuery.safeParse({ limit: '201' }).success, false);
  assert.equal(pageQuery.safeParse({ page: '2' }).success, false);
});
