// The pact's open umbrella: initiatives proposed by residents and groups, and the public API's list
// of the published ones (see README.md). Other parts of the pact module reach it only through this
// file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { initiativeApiRoutes } from './api.ts';
import { initiativesEn, initiativesNl } from './messages.ts';
import { removeUnconfirmedInitiatives } from './remove-unconfirmed-initiatives.ts';
import { initiativeRoutes } from './routes.tsx';

export const initiativesPart: Omit<ModuleManifest, 'name'> = {
  routes: [...initiativeRoutes, ...initiativeApiRoutes],
  navigation: [
    { href: (p) => `/p/${p.slug}/initiatives`, label: 'nav.initiatives', permission: 'public', order: 20 },
  ],
  jobs: [
    {
      // Proposals never confirmed by e-mail are removed after 14 days (README.md: the privacy
      // promise on the form). The form's rate-limit hits go with the platform job rate-limit-purge.
      name: 'initiative-retention',
      cron: '51 3 * * *',
      run: async ({ services }) => {
        const removed = await removeUnconfirmedInitiatives(services.db, services.clock.now());
        if (removed.initiatives > 0) services.log.info(removed, 'unconfirmed initiatives removed');
      },
    },
  ],
  messages: { nl: initiativesNl, en: initiativesEn },
};
