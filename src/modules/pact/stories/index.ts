// The pact's stories of what goes well and where dilemmas are. Other parts of the pact module
// reach stories only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { storiesEn, storiesNl } from './messages.ts';
import { storyRoutes } from './routes.tsx';

export const storiesPart: Omit<ModuleManifest, 'name'> = {
  routes: storyRoutes,
  navigation: [
    { href: (p) => `/p/${p.slug}/stories`, label: 'stories.nav', permission: 'public', order: 40 },
  ],
  messages: { nl: storiesNl, en: storiesEn },
};
