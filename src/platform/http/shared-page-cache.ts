// Pages that are the same for every visitor (a published agenda read without an account) are
// rendered and compressed once, then served from memory with an ETag. A 2,000-activity agenda is
// about 1.4 MB of HTML: compressing it on every request would cost more CPU than the machine has at
// 200 requests a second. The caller decides what may be shared and puts everything the page depends
// on in the key (a change makes a new key, so an entry is never stale); old keys fall out in
// insertion order.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';

export interface SharedPage {
  etag: string;
  html: Buffer;
  gzip: Buffer;
}

export class SharedPageCache {
  readonly #entries = new Map<string, SharedPage>();
  constructor(readonly capacity: number) {}

  get(key: string): SharedPage | undefined {
    return this.#entries.get(key);
  }

  /** Keeps a rendered page under `key` and returns it. */
  put(key: string, html: string): SharedPage {
    const body = Buffer.from(html, 'utf8');
    const page: SharedPage = {
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      html: body,
      gzip: gzipSync(body, { level: 6 }),
    };
    if (this.#entries.size >= this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, page);
    return page;
  }

  get size(): number {
    return this.#entries.size;
  }
}

/** Whether an Accept-Encoding header accepts gzip (`gzip;q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (name !== 'gzip' && name !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/**
 * Answers with a shared page: 304 when the browser already has this version, else the page,
 * compressed when the browser accepts gzip. Headers set earlier on the context (cookies) are kept.
 */
export function serveSharedPage(c: Context, page: SharedPage): Response {
  const headers: Record<string, string> = { etag: page.etag, vary: 'Accept-Encoding', 'cache-control': 'no-cache' };
  const known = c.req.header('if-none-match');
  if (known && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag)) {
    return c.body(null, 304, headers);
  }
  headers['content-type'] = 'text/html; charset=UTF-8';
  if (acceptsGzip(c.req.header('accept-encoding'))) {
    headers['content-encoding'] = 'gzip';
    return c.body(new Uint8Array(page.gzip), 200, headers);
  }
  return c.body(new Uint8Array(page.html), 200, headers);
}
