// The path every API request takes (`/api/v1/pacts/:pact/…`): parse the path parameters and the
// query with the route's zod schemas → one transaction: load the pact, enter the application role
// under the pact's row-level security → ask the policy → call the handler → answer JSON. It reads
// no cookie and sets none (a browser's session gives an API request nothing), so there is no CSRF
// to check. Every refusal is problem+json with a stable `type` (src/platform/api/problem-types.ts):
// a path parameter that cannot name a record is a 404, a bad or unknown query parameter a 400 that
// lists each finding.
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { authorize, type Actor } from '../access/policy.ts';
import type { ApiRouteSpec, Services } from '../access/route.ts';
import { inAuditedTransaction } from '../platform/audit/audit-log.ts';
import type { InvalidParam } from '../platform/api/problem-types.ts';
import { loadRequestContext } from '../modules/accounts/index.ts';
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

export function mountApiRoute(app: Hono<AppEnv>, spec: ApiRouteSpec, services: Services): void {
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

    const pactSlug = (params.data as { pact: string }).pact;
    const now = services.clock.now();
    return inAuditedTransaction(services.db, async (tx) => {
      const loaded = await loadRequestContext(tx, {
        pactSlug, sessionHash: null, now, idleMinutes: services.session.idleMinutes, enterAppRole: true,
      });
      // An unknown pact and a suspended one answer alike.
      if (!loaded.pact || loaded.pact.status !== 'active') throw new HttpError(404);
      const pact = loaded.pact;
      const actor: Actor = { kind: 'anonymous' };
      const grant = authorize(actor, spec.permission, { pact });
      if (!grant) throw new HttpError(401);
      const data = await spec.handler({
        tx, pact, params: params.data, query: query.data, actor, grant, now, requestId: c.get('requestId'), services,
        request: { path: url.pathname, search: url.searchParams },
      });
      return c.json(data as object);
    });
  });
}
