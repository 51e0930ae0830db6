// The pact's the November review, carry-over, progress per pillar and the pie of commitments.
import type { RouteSpec } from '../../../access/route.ts';

export const reviewRoutes: RouteSpec[] = [];
