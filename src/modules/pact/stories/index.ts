// The pact's stories of what goes well and where dilemmas are.
import type { RouteSpec } from '../../../access/route.ts';

export const storyRoutes: RouteSpec[] = [];
