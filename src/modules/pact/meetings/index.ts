// The pact's meetings and the iCalendar feed.
export { meetingRoutes } from './routes.tsx';
export { listActionItemsForActivity, type ActionItemRow } from './meeting-queries.ts';
