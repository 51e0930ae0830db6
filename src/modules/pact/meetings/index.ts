// The pact's meetings, the iCalendar feed and the public API's list of upcoming public meetings.
// Other parts of the pact module reach meetings only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { meetingApiRoutes } from './api.ts';
import { meetingsEn, meetingsNl } from './messages.ts';
import { meetingRoutes } from './routes.tsx';

export { listActionItemsForActivity, type ActionItemRow } from './meeting-queries.ts';
// Text typed with blank lines between paragraphs, shown as paragraphs (stories show theirs so too).
export { Paragraphs } from './meeting-pages.tsx';

export const meetingsPart: Omit<ModuleManifest, 'name'> = {
  routes: [...meetingRoutes, ...meetingApiRoutes],
  navigation: [
    { href: (p) => `/p/${p.slug}/meetings`, label: 'meetings.nav', permission: 'public', order: 35 },
  ],
  messages: { nl: meetingsNl, en: meetingsEn },
};
