// The pact's profile, covenant, pillars and partners.
import type { RouteSpec } from '../../../access/route.ts';

export const partnerRoutes: RouteSpec[] = [];
