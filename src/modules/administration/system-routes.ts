// formPage (src/access/form-page.ts) makes routes that run under row-level security; it has no
// `system` option. Every administration route runs outside it (pact-routes.tsx and
// people-routes.tsx say why), so their formPage routes get the flag here.
import type { RouteSpec } from '../../access/route.ts';

export function outsideRowLevelSecurity(routes: RouteSpec[]): RouteSpec[] {
  return routes.map((route) => ({ ...route, system: true }));
}
