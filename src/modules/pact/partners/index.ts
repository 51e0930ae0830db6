// The pact's profile, covenant and partners. Other parts of the pact module (and the agenda) reach
// partners only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { partnersEn, partnersNl } from './messages.ts';
import { partnerApiRoutes } from './api.ts';
import { partnerProfileRoutes } from './routes.tsx';

export { partnerHasLeft } from './partner-status.ts';
export { homeProfileJson, homeProfileOf, type HomeProfile, type PactProfileRow } from './partners-queries.ts';

export const partnersPart: Omit<ModuleManifest, 'name'> = {
  routes: [...partnerProfileRoutes, ...partnerApiRoutes],
  navigation: [{ href: (p) => `/p/${p.slug}/partners`, label: 'nav.partners', permission: 'public', order: 25 }],
  messages: { nl: partnersNl, en: partnersEn },
};
