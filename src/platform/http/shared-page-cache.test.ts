// The shared page cache: which Accept-Encoding headers get gzip, the ETag, and eviction.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { test } from 'node:test';
import { Hono } from 'hono';
import { acceptsGzip, SharedPageCache, serveSharedPage } from './shared-page-cache.ts';

test('gzip is accepted unless refused with q=0', () => {
  assert.equal(acceptsGzip('gzip, deflate, br'), true);
  assert.equal(acceptsGzip('br;q=1.0, gzip;q=0.8'), true);
  assert.equal(acceptsGzip('*'), true);
  assert.equal(acceptsGzip('gzip;q=0'), false);
  assert.equal(acceptsGzip('GZIP;q=0.0, br'), false);
  assert.equal(acceptsGzip('identity'), false);
  assert.equal(acceptsGzip(undefined), false);
  assert.equal(acceptsGzip(''), false);
});

test('a page keeps its bytes, compressed and not, under an ETag that follows the content', () => {
  const cache = new SharedPageCache(2);
  const a = cache.put('a', '<p>één</p>');
  assert.equal(gunzipSync(a.gzip).toString('utf8'), '<p>één</p>');
  assert.equal(a.html.toString('utf8'), '<p>één</p>');
  assert.match(a.etag, /^"[A-Za-z0-9_-]{27}"$/);
  assert.equal(cache.put('same text', '<p>één</p>').etag, a.etag);
  assert.notEqual(cache.put('c', '<p>twee</p>').etag, a.etag);
  // Capacity 2: the oldest key went.
  assert.equal(cache.get('a'), undefined);
  assert.equal(cache.size, 2);
});

test('served with gzip when accepted, plain otherwise, and 304 for a known version', async () => {
  const cache = new SharedPageCache(4);
  const page = cache.put('k', '<!DOCTYPE html><p>agenda</p>');
  const app = new Hono();
  app.get('/', (c) => {
    c.header('set-cookie', 'v=1; Path=/');
    return serveSharedPage(c, page);
  });
  const zipped = await app.request('/', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(zipped.status, 200);
  assert.equal(zipped.headers.get('content-encoding'), 'gzip');
  assert.equal(zipped.headers.get('etag'), page.etag);
  assert.equal(zipped.headers.get('set-cookie'), 'v=1; Path=/');
  assert.equal(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString(), '<!DOCTYPE html><p>agenda</p>');
  const plain = await app.request('/');
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(await plain.text(), '<!DOCTYPE html><p>agenda</p>');
  assert.equal((await app.request('/', { headers: { 'if-none-match': page.etag } })).status, 304);
  assert.equal((await app.request('/', { headers: { 'if-none-match': `W/${page.etag}` } })).status, 304);
  assert.equal((await app.request('/', { headers: { 'if-none-match': '"other"' } })).status, 200);
});
