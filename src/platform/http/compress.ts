// Response compression. Hono's own middleware sets `Vary` with `c.header()` after the handler has
// answered, which turns @hono/node-server's light response (a string and its headers) into a full
// WHATWG Response on every request, compressed or not, and then compresses through a web stream.
// This one changes the finished response's headers in place, so an answer that is not compressed
// stays light. Our bodies are rendered pages, CSV files and JSON: whole in memory already, so
// nothing is lost by not streaming.
//
// A rendered page is registered with its text (`withTextBody`), so it is compressed from that
// string without reading the response's body stream, and the compressed answer is again a light
// one with the same headers. A body up to `SYNC_GZIP_LIMIT` is gzipped in one synchronous call: for
// a 17 KB page that costs about 60 µs of CPU, where zlib's asynchronous call (a stream object per
// call, a hop to the thread pool and back) cost 150–350 µs on this kind of machine. Larger bodies
// (a year's agenda, a CSV export) go to the thread pool, so they do not hold up other requests.
import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import { acceptsGzip } from './shared-page-cache.ts';

const gzipAsync = promisify(gzip);

/** Bodies below this many bytes are sent as they are: gzip would save little and cost a round of work. */
export const COMPRESS_THRESHOLD = 1024;
/** Bodies up to this many bytes are gzipped on the request's own thread (see above). */
export const SYNC_GZIP_LIMIT = 64 * 1024;

const textBodies = new WeakMap<Response, string>();

/**
 * Tells compression the text a response was made from, so it need not read the response's body.
 * The renderer registers every page this way; other responses are read from their body.
 */
export function withTextBody(response: Response, text: string): Response {
  textBodies.set(response, text);
  return response;
}

async function gzipped(body: string | Uint8Array, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const zipped = size <= SYNC_GZIP_LIMIT ? gzipSync(body) : await gzipAsync(body);
  return zipped as Uint8Array<ArrayBuffer>;
}
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

    const text = textBodies.get(res);
    const body: string | Uint8Array<ArrayBuffer> = text ?? new Uint8Array(await res.arrayBuffer());
    const size = typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
    // A registered text that stays as it is leaves the response untouched; a body that was read
    // has been used up, so its response is made again below.
    if (size < COMPRESS_THRESHOLD && text !== undefined) return;
    let payload: string | Uint8Array<ArrayBuffer> = body;
    if (size >= COMPRESS_THRESHOLD) {
      payload = await gzipped(body, size);
      headers.set('content-encoding', 'gzip');
      const etag = headers.get('etag');
      if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
    }
    headers.delete('content-length');
    // Cleared first: assigning over a response would copy its headers (content-length too) back in.
    c.res = undefined as unknown as Response;
    // (`statusText` is not passed on: reading it would turn a light response into a WHATWG one.)
    c.res = new Response(payload, { status: res.status, headers });
  };
}
