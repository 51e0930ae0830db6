// The pact's profile, covenant, pillars and partners.
import type { RouteSpec } from '../../../access/route.ts';
import { pillarRoutes } from '../pillars/routes.tsx';
import { partnerProfileRoutes } from './routes.tsx';

export const partnerRoutes: RouteSpec[] = [...partnerProfileRoutes, ...pillarRoutes];
export { partnerHasLeft } from './partner-status.ts';
