// formPage (src/access/form-page.ts) makes routes that run under row-level security; it has no
// `system` option. Log-in, password reset, the invitation link and the second factor run outside it
// (each routes file says why), so their formPage routes get the flag here.
import type { RouteSpec } from '../../access/route.ts';

export function outsideRowLevelSecurity(routes: RouteSpec[], methods: ReadonlyArray<RouteSpec['method']> = ['GET', 'POST']): RouteSpec[] {
  return routes.map((route) => (methods.includes(route.method) ? { ...route, system: true } : route));
}
