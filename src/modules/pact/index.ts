// Pact: the coalition's base — pacts, organisations, teams, neighbourhoods — and its shell pages.
export { listPacts } from './pact-queries.ts';
export { organisationKinds, type OrganisationKind } from './organisation.ts';
export { importNeighbourhoodsFromFile, describeImportProgress, describeImportResult, type CliImportResult } from './neighbourhoods/index.ts';
export { pillarTemplates, pillarTemplate, type PillarTemplate } from './pillars/index.ts';

// The module's manifest: routes, the pact's navigation, the retention job and the demo data.
import { composeModule } from '../../access/manifest.ts';
import { shellPart } from './shell.ts';
import { membersPart } from './members/index.ts';
import { neighbourhoodsPart } from './neighbourhoods/index.ts';
import { partnersPart } from './partners/index.ts';
import { initiativeRoutes as initiatives, removeUnconfirmedInitiatives as removeUnconfirmed } from './initiatives/index.ts';
import { agendaRoutes as agenda } from './agenda/index.ts';
import { reviewRoutes as review } from './review/index.ts';
import { meetingRoutes as meetings } from './meetings/index.ts';
import { storyRoutes as stories } from './stories/index.ts';
import { pillarsPart } from './pillars/index.ts';

// The sub-modules in route order (a fixed path such as /pillars/template before /pillars/:pillar
// is kept inside each part).
export const manifest = composeModule('pact', [
  shellPart,
  membersPart,
  neighbourhoodsPart,
  partnersPart,
  pillarsPart,
  { routes: [...initiatives, ...agenda, ...review, ...meetings, ...stories] },
  {
  routes: [],
  navigation: [
    { href: (p) => `/p/${p.slug}/initiatives`, label: 'nav.initiatives', permission: 'public', order: 20 },
    { href: (p) => `/p/${p.slug}/agenda`, label: 'agenda.nav', permission: 'public', order: 30 },
    { href: (p) => `/p/${p.slug}/meetings`, label: 'meetings.nav', permission: 'public', order: 35 },
    { href: (p) => `/p/${p.slug}/stories`, label: 'stories.nav', permission: 'public', order: 40 },
  ],
  jobs: [
    {
      // Proposals never confirmed by e-mail are removed after 14 days, with old rate-limit
      // counters (initiatives/README.md: the privacy promise on the form).
      name: 'initiative-retention',
      cron: '51 3 * * *',
      run: async ({ services }) => {
        const removed = await removeUnconfirmed(services.db, services.clock.now());
        if (removed.initiatives + removed.attempts > 0) services.log.info(removed, 'unconfirmed initiatives removed');
      },
    },
  ],
  },
]);
