// The path every API request takes (`/api/v1/pacts/:pact/…`): parse the path parameters and the
// query with the route's zod schemas; for a POST read the JSON body (at most `maxBody` bytes) and
// check it with the route's schema, and require an `Idempotency-Key` → one transaction: load the
// pact, enter the application role under the pact's row-level security → who calls (anonymous, or
// an organisation's token: counted against its rate limit) → ask the policy → for a POST, replay a
// stored answer for the key or run the handler and store its answer → answer JSON. It reads no
// cookie and sets none (a browser's session gives an API request nothing), so there is no CSRF to
// check. Every refusal is problem+json with a stable `type` (src/platform/api/problem-types.ts): a
// path parameter that cannot name a record is a 404, bad input a 400 that lists each finding, a
// missing or bad token a 401 (with `WWW-Authenticate`), a missing scope a 403, too many requests a
// 429 (with `Retry-After`), a reused idempotency key a 422.
import type { Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import type { z } from 'zod';
import { auditActorFor, authorize } from '../access/policy.ts';
import type { AnyApiRoute, ApiContext, ApiCreated, Services } from '../access/route.ts';
import { inAuditedTransaction, recordAudit } from '../platform/audit/audit-log.ts';
import { problemTypes, type InvalidParam } from '../platform/api/problem-types.ts';
import { loadRequestContext } from '../modules/accounts/index.ts';
import { authenticateApiCaller, idempotencyKeyPattern, runIdempotently } from '../modules/api-tokens/index.ts';
import type { AppEnv } from '../ui/env.ts';
import { HttpError } from './errors.tsx';
import { hasNul } from './pipeline.tsx';

/** The findings of a failed parse, as `errors` of a bad-request problem. */
export function invalidParams(error: z.ZodError, place: InvalidParam['in']): InvalidParam[] {
  const found: InvalidParam[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) found.push({ in: place, name: key, detail: 'Not a parameter of this route.' });
      continue;
    }
    found.push({ in: place, name: issue.path.map(String).join('.') || '(all)', detail: issue.message });
  }
  return found;
}

/** The query string as one value per name; a name given twice is a finding, not a silent pick. */
function queryOf(url: URL): { values: Record<string, string>; invalid: InvalidParam[] } {
  const values: Record<string, string> = {};
  const invalid: InvalidParam[] = [];
  for (const [name, value] of url.searchParams) {
    if (hasNul(name) || hasNul(value)) {
      invalid.push({ in: 'query', name: hasNul(name) ? '(name)' : name, detail: 'Contains a NUL character.' });
    } else if (name in values) {
      invalid.push({ in: 'query', name, detail: 'Given more than once.' });
    } else {
      values[name] = value;
    }
  }
  return { values, invalid };
}

/** Whether the client takes JSON: no Accept header, or one that names JSON or a wildcard. */
function acceptsJson(header: string | undefined): boolean {
  if (!header) return true;
  return header.split(',').some((part) => {
    const [type = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) return false;
    return ['application/json', 'application/problem+json', 'application/*', '*/*'].includes(type.trim());
  });
}

/** Default largest JSON body of an API POST. */
export const DEFAULT_API_MAX_BODY = 64 * 1024;

/** Refusals of a token, with the `WWW-Authenticate` challenge of RFC 6750. */
function tokenRefused(reason: 'malformed' | 'unknown' | 'revoked' | 'expired' | 'missing'): HttpError {
  const detail = {
    missing: 'This route needs an API token: send it as `Authorization: Bearer spk_…`.',
    malformed: 'The Authorization header does not hold an API token (`Bearer spk_…`).',
    unknown: 'This API token is not known in this pact.',
    revoked: 'This API token has been revoked.',
    expired: 'This API token has expired.',
  }[reason];
  const challenge = reason === 'missing' ? 'Bearer realm="schakelpunt"' : `Bearer realm="schakelpunt", error="invalid_token", error_description="${detail.replace(/[^\x20-\x7e]|[`"\\]/g, '')}"`;
  return new HttpError(401, undefined, [], { type: problemTypes.unauthorized, detail, headers: { 'www-authenticate': challenge } });
}

/** Whether a string anywhere in a parsed JSON value (a key or a value) holds NUL, which PostgreSQL text cannot. */
function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return hasNul(value);
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => hasNul(k) || containsNul(v));
  return false;
}

/** The JSON body of a POST: JSON by its Content-Type, at most `maxBody` bytes, parsed; its raw bytes for the idempotency check. */
async function readJsonBody(c: Context<AppEnv>, maxBody: number): Promise<{ raw: Uint8Array; value: unknown }> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json' && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new HttpError(415, undefined, [], { detail: 'Send the body as JSON, with `Content-Type: application/json`.' });
  }
  const declared = Number(c.req.header('content-length') ?? '0');
  if (declared > maxBody) throw new HttpError(413, undefined, [], { detail: `The body may be at most ${maxBody} bytes.` });
  const raw = new Uint8Array(await c.req.arrayBuffer());
  if (raw.byteLength > maxBody) throw new HttpError(413, undefined, [], { detail: `The body may be at most ${maxBody} bytes.` });
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new HttpError(400, undefined, [{ in: 'body', name: '(body)', detail: 'Not valid JSON in UTF-8.' }]);
  }
  if (containsNul(value)) {
    throw new HttpError(400, undefined, [{ in: 'body', name: '(body)', detail: 'Contains a NUL character.' }]);
  }
  return { raw, value };
}

/**
 * CORS for the API, only for the origins configured (API_CORS_ORIGINS); without them, no CORS
 * header is sent and browsers keep other sites' pages from calling the API. No credentials: the
 * API reads no cookie, a page calls it with a token.
 */
export function mountApiCors(app: Hono<AppEnv>, services: Services): void {
  if (services.api.corsOrigins.length === 0) return;
  app.use('/api/v1/*', cors({
    origin: [...services.api.corsOrigins],
    allowMethods: ['GET', 'POST'],
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Accept'],
    exposeHeaders: ['Retry-After', 'Idempotent-Replayed', 'Location', 'WWW-Authenticate'],
    maxAge: 600,
    credentials: false,
  }));
}

export function mountApiRoute(app: Hono<AppEnv>, spec: AnyApiRoute, services: Services): void {
  app.on(spec.method, spec.path, async (c: Context<AppEnv>) => {
    const url = new URL(c.req.url);
    const rawParams = c.req.param() as Record<string, string>;
    if (Object.values(rawParams).some(hasNul)) throw new HttpError(404);
    const params = spec.params.safeParse(rawParams);
    // A path parameter that cannot name a record (not a UUID, too long) names nothing: 404.
    if (!params.success) throw new HttpError(404);
    const { values, invalid } = queryOf(url);
    const query = spec.query.safeParse(values);
    if (invalid.length > 0 || !query.success) throw new HttpError(400, undefined, [...invalid, ...(query.success ? [] : invalidParams(query.error, 'query'))]);
    if (!acceptsJson(c.req.header('accept'))) throw new HttpError(406);

    // A POST's body and key are read and checked before the transaction (no connection is held
    // while a body streams in), but what is wrong with them is answered only after the caller's
    // token has been checked: a caller without the right token learns nothing about the input.
    let body: { raw: Uint8Array; value: unknown } | null = null;
    let idempotencyKey: string | null = null;
    let badInput: HttpError | null = null;
    if (spec.method === 'POST') {
      try {
        idempotencyKey = c.req.header('idempotency-key') ?? null;
        if (idempotencyKey === null || !idempotencyKeyPattern.test(idempotencyKey)) {
          throw new HttpError(400, undefined, [{
            in: 'header', name: 'Idempotency-Key',
            detail: idempotencyKey === null ? 'Required on every POST: a key of your choosing (a UUID), new for each new request.' : 'Must be 1–255 visible ASCII characters.',
          }]);
        }
        const read = await readJsonBody(c, spec.maxBody ?? DEFAULT_API_MAX_BODY);
        const parsed = spec.body.safeParse(read.value);
        if (!parsed.success) throw new HttpError(400, undefined, invalidParams(parsed.error, 'body'));
        body = { raw: read.raw, value: parsed.data };
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        badInput = error;
      }
    }

    const pactSlug = (params.data as { pact: string }).pact;
    const now = services.clock.now();
    const requestId = c.get('requestId');
    const answer = await inAuditedTransaction(services.db, async (tx) => {
      const loaded = await loadRequestContext(tx, {
        pactSlug, sessionHash: null, now, idleMinutes: services.session.idleMinutes, enterAppRole: true,
      });
      // An unknown pact and a suspended one answer alike.
      if (!loaded.pact || loaded.pact.status !== 'active') throw new HttpError(404);
      const pact = loaded.pact;
      const caller = await authenticateApiCaller(tx, {
        pactId: pact.id, authorization: c.req.header('authorization'), now, requestsPerMinute: services.api.tokenRequestsPerMinute,
      });
      if (!caller.ok) {
        if (caller.reason === 'rate-limited') {
          throw new HttpError(429, undefined, [], {
            type: problemTypes.tooManyRequests,
            detail: `This token may make ${services.api.tokenRequestsPerMinute} requests a minute. Try again in ${caller.retryAfterSeconds} seconds.`,
            headers: { 'retry-after': String(caller.retryAfterSeconds) },
          });
        }
        throw tokenRefused(caller.reason);
      }
      const actor = caller.actor;
      const resource = { pact, ...(spec.resource ? spec.resource(params.data) : {}) };
      const grant = authorize(actor, spec.permission, resource);
      if (!grant) {
        if (actor.kind === 'anonymous') throw tokenRefused('missing');
        throw new HttpError(403, undefined, [], {
          type: problemTypes.forbidden,
          detail: 'This token may not do this: its scopes or its organisation do not allow it.',
          headers: { 'www-authenticate': 'Bearer realm="schakelpunt", error="insufficient_scope"' },
        });
      }
      if (badInput) throw badInput;
      const auditActor = auditActorFor(actor, grant);
      const ctx: ApiContext<Record<string, unknown>, Record<string, unknown>, unknown> = {
        tx, pact, params: params.data, query: query.data, body: body?.value, actor, grant, now, requestId, services,
        request: { path: url.pathname, search: url.searchParams },
        audit: ({ grant: _entryGrant, ...entry }) =>
          recordAudit(tx, {
            ...entry,
            pactId: entry.pactId === undefined ? pact.id : entry.pactId,
            actor: auditActor,
            // Which token acted: the audit log names it, as it names the membership of a person.
            details: { ...entry.details, ...(actor.kind === 'token' ? { apiToken: actor.tokenId } : {}) },
            occurredAt: now,
            requestId,
          }),
      };
      // Every use of a token is in the audit log, like a member's visit: which route, under which token.
      if (actor.kind === 'token') {
        await ctx.audit({ action: 'api.call', purpose: 'pact-administration', details: { method: spec.method, route: spec.path } });
      }
      let result: ApiCreated<unknown> & { replayed: boolean };
      if (spec.method === 'GET') {
        const data = await spec.handler(ctx as ApiContext<Record<string, unknown>, Record<string, unknown>>);
        result = { status: 200, body: data, replayed: false };
      } else {
        // A POST needs a token (the policy gave no grant otherwise), so the key is the token's.
        if (actor.kind !== 'token') throw tokenRefused('missing');
        result = await runIdempotently(
          tx,
          { pactId: pact.id, tokenId: actor.tokenId, key: idempotencyKey!, method: spec.method, path: url.pathname, body: body!.raw, now },
          () => spec.handler(ctx) as Promise<ApiCreated<unknown>>,
        );
      }
      // Last, so the token's count of the minute is locked only for the commit (see authenticate-api-token.ts).
      await caller.recordUse();
      return result;
    });
    const headers: Record<string, string> = {};
    if ('location' in answer && answer.location) headers.location = answer.location;
    if (spec.method === 'POST') headers['idempotent-replayed'] = String(answer.replayed);
    return c.json(answer.body as object, answer.status, headers);
  });
}
