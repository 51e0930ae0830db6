// The network address of the client, for log-in throttling. Behind a reverse proxy (TRUST_PROXY)
// the proxy's X-Forwarded-For names the client; otherwise that header is ignored, because any
// client can send it. Requests made in-process (tests) have no address.
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

export function clientAddress(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded && forwarded.length <= 64) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null;
  }
}
