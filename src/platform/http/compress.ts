// Response compression. Hono's own middleware sets `Vary` with `c.header()` after the handler has
// answered, which turns @hono/node-server's light response (a string and its headers) into a full
// WHATWG Response on every request, compressed or not, and then compresses through a web stream.
// This one changes the finished response's headers in place, so an answer that is not compressed
// stays light, and gzips a body in one call on libuv's thread pool. Our bodies are rendered pages,
// CSV files and JSON: whole in memory already, so nothing is lost by not streaming.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { acceptsGzip } from './shared-page-cache.ts';

const gzipAsync = promisify(gzip);

/** Bodies below this many bytes are sent as they are: gzip would save little and cost a round of work. */
export const COMPRESS_THRESHOLD = 1024;
const COMPRESSIBLE = /^\s*(?:text\/[^;\s]+|application\/(?:json|problem\+json|javascript|xml|[^;\s]+\+json|[^;\s]+\+xml)|image\/svg\+xml)\s*(?:;|$)/i;
const NO_TRANSFORM = /(?:^|,)\s*no-transform\s*(?:,|$)/i;
const VARY_ACCEPT_ENCODING = /(?:^|,)\s*accept-encoding\s*(?:,|$)/i;

/** Whether a response may be compressed, judged from its status, headers and the request method. */
export function isCompressible(method: string, status: number, headers: Headers): boolean {
  if (method === 'HEAD' || status === 204 || status === 206 || status === 304) return false;
  if (headers.has('content-encoding') || headers.has('transfer-encoding')) return false;
  const length = headers.get('content-length');
  if (length !== null && Number(length) < COMPRESS_THRESHOLD) return false;
  if (NO_TRANSFORM.test(headers.get('cache-control') ?? '')) return false;
  return COMPRESSIBLE.test(headers.get('content-type') ?? '');
}

export function compress(): MiddlewareHandler {
  return async function compressResponse(c, next) {
    await next();
    const res = c.res;
    const headers = res.headers;
    if (!isCompressible(c.req.method, res.status, headers)) return;
    const vary = headers.get('vary');
    if (vary !== '*' && !(vary && VARY_ACCEPT_ENCODING.test(vary))) headers.set('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    if (!acceptsGzip(c.req.header('accept-encoding'))) return;

    const body = await res.arrayBuffer();
    const outgoing = new Headers(headers);
    let payload: BodyInit = body;
    if (body.byteLength >= COMPRESS_THRESHOLD) {
      payload = new Uint8Array(await gzipAsync(body)) as Uint8Array<ArrayBuffer>;
      outgoing.set('content-encoding', 'gzip');
      const etag = outgoing.get('etag');
      if (etag && !etag.startsWith('W/')) outgoing.set('etag', `W/${etag}`);
    }
    outgoing.delete('content-length');
    // Cleared first: assigning over a response would copy its headers (content-length too) back in.
    c.res = undefined as unknown as Response;
    c.res = new Response(payload, { status: res.status, statusText: res.statusText, headers: outgoing });
  };
}
