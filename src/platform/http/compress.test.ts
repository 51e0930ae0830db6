import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { compress, isCompressible, SYNC_GZIP_LIMIT, withTextBody } from './compress.ts';

const page = `<!DOCTYPE html><p>${'Samen tegen armoede. '.repeat(200)}</p>`;
// Larger than the synchronous limit, and with a letter outside ASCII, so bytes and characters differ.
const largePage = `<!DOCTYPE html><ul>${Array.from({ length: 6000 }, (_, i) => `<li>Activiteit ${i} – café</li>`).join('')}</ul>`;

function app(): Hono {
  const hono = new Hono();
  hono.use('*', compress());
  hono.get('/page', (c) => c.html(page));
  hono.get('/small', (c) => c.html('<p>kort</p>'));
  hono.get('/rendered', (c) => withTextBody(c.html(page, 200, { etag: '"r1"' }), page));
  hono.get('/rendered-small', (c) => withTextBody(c.html('<p>kort – ü</p>'), '<p>kort – ü</p>'));
  hono.get('/large', (c) => withTextBody(c.html(largePage), largePage));
  hono.get('/large-unregistered', (c) => c.html(largePage));
  hono.get('/etag', (c) => c.html(page, 200, { etag: '"v1"' }));
  hono.get('/pdf', (c) => c.body(new Uint8Array(4096), 200, { 'content-type': 'application/pdf' }));
  hono.get('/no-transform', (c) => c.html(page, 200, { 'cache-control': 'no-transform' }));
  hono.get('/problem', (c) => c.body(JSON.stringify({ detail: 'x'.repeat(2000) }), 400, { 'content-type': 'application/problem+json' }));
  hono.get('/gone', (c) => c.body(null, 304));
  return hono;
}

test('a page is gzipped for a browser that accepts gzip, and says so', async () => {
  const res = await app().request('/page', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-encoding'), 'gzip');
  assert.equal(res.headers.get('vary'), 'Accept-Encoding');
  assert.equal(res.headers.get('content-type'), 'text/html; charset=UTF-8');
  assert.equal(res.headers.get('content-length'), null);
  const body = Buffer.from(await res.arrayBuffer());
  assert.ok(body.length < page.length / 5, `compressed to ${body.length} of ${page.length} bytes`);
  assert.equal(gunzipSync(body).toString('utf8'), page);
});

test('a page registered with its text is compressed from that text, small or large', async () => {
  assert.ok(Buffer.byteLength(largePage) > SYNC_GZIP_LIMIT, 'the large page is above the synchronous limit');
  const gzip = { 'accept-encoding': 'gzip' };
  for (const [path, expected] of [['/rendered', page], ['/large', largePage], ['/large-unregistered', largePage]] as const) {
    const res = await app().request(path, { headers: gzip });
    assert.equal(res.headers.get('content-encoding'), 'gzip', path);
    assert.equal(res.headers.get('vary'), 'Accept-Encoding', path);
    assert.equal(res.headers.get('content-length'), null, path);
    assert.equal(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'), expected, path);
  }
  const rendered = await app().request('/rendered', { headers: gzip });
  assert.equal(rendered.headers.get('etag'), 'W/"r1"');
  const small = await app().request('/rendered-small', { headers: gzip });
  assert.equal(small.headers.get('content-encoding'), null);
  assert.equal(await small.text(), '<p>kort – ü</p>');
  const plain = await app().request('/rendered', {});
  assert.equal(plain.headers.get('content-encoding'), null);
  assert.equal(await plain.text(), page);
});

test('a client that does not accept gzip gets the page as it is, with Vary set', async () => {
  for (const acceptEncoding of [undefined, 'identity', 'gzip;q=0, br']) {
    const res = await app().request('/page', { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
    assert.equal(res.headers.get('content-encoding'), null, String(acceptEncoding));
    assert.equal(res.headers.get('vary'), 'Accept-Encoding');
    assert.equal(await res.text(), page);
  }
});

test('small bodies, non-text types, no-transform and bodiless answers are left alone', async () => {
  const gzip = { 'accept-encoding': 'gzip' };
  const small = await app().request('/small', { headers: gzip });
  assert.equal(small.headers.get('content-encoding'), null);
  assert.equal(await small.text(), '<p>kort</p>');
  for (const path of ['/pdf', '/no-transform', '/gone']) {
    const res = await app().request(path, { headers: gzip });
    assert.equal(res.headers.get('content-encoding'), null, path);
    assert.equal(res.headers.get('vary'), null, path);
  }
});

test('a strong ETag becomes weak once the body is compressed; problem details are compressed too', async () => {
  const tagged = await app().request('/etag', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(tagged.headers.get('etag'), 'W/"v1"');
  const problem = await app().request('/problem', { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(problem.status, 400);
  assert.equal(problem.headers.get('content-encoding'), 'gzip');
  assert.match(gunzipSync(Buffer.from(await problem.arrayBuffer())).toString('utf8'), /^\{"detail"/);
});

test('isCompressible judges by method, status and headers', () => {
  const html = new Headers({ 'content-type': 'text/html; charset=UTF-8' });
  assert.equal(isCompressible('GET', 200, html), true);
  assert.equal(isCompressible('HEAD', 200, html), false);
  assert.equal(isCompressible('GET', 206, html), false);
  assert.equal(isCompressible('GET', 200, new Headers({ 'content-type': 'text/csv', 'content-length': '20' })), false);
  assert.equal(isCompressible('GET', 200, new Headers({ 'content-type': 'text/csv', 'content-length': '20000' })), true);
  assert.equal(isCompressible('GET', 200, new Headers({ 'content-type': 'text/html', 'content-encoding': 'gzip' })), false);
  assert.equal(isCompressible('GET', 200, new Headers({ 'content-type': 'image/png' })), false);
  assert.equal(isCompressible('GET', 200, new Headers({ 'content-type': 'application/geo+json' })), true);
});
