// Pact: the coalition's base — pacts, organisations, teams, neighbourhoods — and its shell pages.
export { listPacts } from './pact-queries.ts';
export { organisationKinds, type OrganisationKind } from './organisation.ts';
export { importNeighbourhoodsFromFile, describeImportProgress, describeImportResult, type CliImportResult } from './neighbourhoods/index.ts';
export { pillarTemplates, pillarTemplate, type PillarTemplate } from './pillars/index.ts';

// The module's manifest: routes, the pact's navigation, the retention job and the demo data.
import type { Actor } from '../../access/policy.ts';
import { composeModule } from '../../access/manifest.ts';
import { pactRoutes as shellRoutes } from './routes.tsx';
import { memberRoutes as members } from './members/index.ts';
import { neighbourhoodRoutes as neighbourhoods } from './neighbourhoods/index.ts';
import { partnerRoutes as partners } from './partners/index.ts';
import { initiativeRoutes as initiatives, removeUnconfirmedInitiatives as removeUnconfirmed } from './initiatives/index.ts';
import { agendaPart } from './agenda/index.ts';
import { reviewPart } from './review/index.ts';
import { meetingRoutes as meetings } from './meetings/index.ts';
import { storyRoutes as stories } from './stories/index.ts';
import { pillarsPart } from './pillars/index.ts';
import { seedInitiativesDemo, seedMeetingsAndStoriesDemo, seedPactAgendaDemo } from './demo/index.ts';

function ownOrganisation(actor: Actor): string | undefined {
  return actor.kind === 'person' ? (actor.memberships.find((m) => m.organisationId)?.organisationId ?? undefined) : undefined;
}

// The sub-modules in route order (a fixed path such as /pillars/template before /pillars/:pillar
// is kept inside each part).
export const manifest = composeModule('pact', [
  { routes: [...shellRoutes, ...members, ...neighbourhoods, ...partners] },
  pillarsPart,
  { routes: [...initiatives] },
  agendaPart,
  reviewPart,
  { routes: [...meetings, ...stories] },
  {
  routes: [],
  navigation: [
    { href: (p) => `/p/${p.slug}`, label: 'nav.home', permission: 'public', order: 10 },
    { href: (p) => `/p/${p.slug}/initiatives`, label: 'nav.initiatives', permission: 'public', order: 20 },
    { href: (p) => `/p/${p.slug}/partners`, label: 'nav.partners', permission: 'public', order: 25 },
    { href: (p) => `/p/${p.slug}/meetings`, label: 'meetings.nav', permission: 'public', order: 35 },
    { href: (p) => `/p/${p.slug}/stories`, label: 'stories.nav', permission: 'public', order: 40 },
    { href: (p) => `/p/${p.slug}/organisations`, label: 'nav.organisations', permission: 'organisation:read', order: 50 },
    {
      href: (p, a) => (ownOrganisation(a) ? `/p/${p.slug}/organisations/${ownOrganisation(a)}` : null),
      label: 'nav.myOrganisation', permission: 'organisation:read', organisationOf: ownOrganisation, order: 55,
    },
    { href: (p) => `/p/${p.slug}/settings`, label: 'nav.settings', permission: 'pact:manage', order: 90 },
    { href: (p) => `/p/${p.slug}/neighbourhoods`, label: 'nav.neighbourhoods', permission: 'pact:manage', order: 91 },
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
  demo: {
    order: 10,
    async seed({ tx, pacts, organisations }) {
      await seedPactAgendaDemo(tx, { lindewaard: pacts.lindewaard, hagedoorn: pacts.hagedoorn, organisations });
      await seedInitiativesDemo(tx, pacts.lindewaard);
      await seedMeetingsAndStoriesDemo(tx, pacts.lindewaard);
    },
  },
  },
]);
