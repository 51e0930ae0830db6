// The pact's the open umbrella: initiatives proposed by residents and groups.
import type { RouteSpec } from '../../../access/route.ts';

export const initiativeRoutes: RouteSpec[] = [];
