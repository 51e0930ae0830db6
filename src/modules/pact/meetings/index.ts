// The pact's meetings and the iCalendar feed.
import type { RouteSpec } from '../../../access/route.ts';

export const meetingRoutes: RouteSpec[] = [];
