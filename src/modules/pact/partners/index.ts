// The pact's profile, covenant and partners.
import type { RouteSpec } from '../../../access/route.ts';
import { partnerProfileRoutes } from './routes.tsx';

export const partnerRoutes: RouteSpec[] = [...partnerProfileRoutes];
export { partnerHasLeft } from './partner-status.ts';
