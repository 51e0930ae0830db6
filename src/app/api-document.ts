// The API's own description: `/api/openapi.json`, the OpenAPI 3.1 document made from the API routes
// of every module (src/platform/api/openapi.ts). Made once, on the first request.
import { tokenScopeFor } from '../access/policy.ts';
import { isApi, type AnyRoute, type BareRouteSpec } from '../access/route.ts';
import { openApiDocument } from '../platform/api/openapi.ts';

export const API_VERSION = '1.0.0';

export function apiDocument(routes: readonly AnyRoute[]): Record<string, unknown> {
  const operations = routes.filter(isApi).map((route) => {
    const scope = route.permission === 'public' ? null : tokenScopeFor(route.permission);
    return { ...route, ...(scope ? { auth: { scope } } : {}) };
  });
  return openApiDocument(operations, {
    title: 'Schakelpunt API',
    version: API_VERSION,
    description:
      'The published data of a local anti-poverty pact: the pact, its pillars and more to come. JSON only; ' +
      'every refusal is RFC 9457 problem details (`application/problem+json`) with a stable `type`. ' +
      'Lists are paged (`limit`, `cursor` from `page.next`) and take `modified_after`.',
  });
}

/** The route that serves the document of these routes. */
export function apiDocumentRoute(routes: () => readonly AnyRoute[]): BareRouteSpec {
  let body: string | null = null;
  return {
    method: 'GET',
    path: '/api/openapi.json',
    permission: 'public',
    bare: true,
    handler: (c) => {
      body ??= JSON.stringify(apiDocument(routes()));
      return c.body(body, 200, { 'content-type': 'application/json; charset=UTF-8', 'cache-control': 'public, max-age=300' });
    },
  };
}
