// The pact module's own part: its shell pages (home, organisations, settings) with their
// navigation and messages, and the pact's demo data (fictional pacts Lindewaard and Hagedoorn).
import type { ModuleManifest } from '../../access/manifest.ts';
import type { Actor } from '../../access/policy.ts';
import { seedInitiativesDemo, seedMeetingsAndStoriesDemo, seedPactAgendaDemo } from './demo/index.ts';
import { pactEn, pactNl } from './messages.ts';
import { pactRoutes } from './routes.tsx';

function ownOrganisation(actor: Actor): string | undefined {
  return actor.kind === 'person' ? (actor.memberships.find((m) => m.organisationId)?.organisationId ?? undefined) : undefined;
}

export const shellPart: Omit<ModuleManifest, 'name'> = {
  routes: pactRoutes,
  navigation: [
    { href: (p) => `/p/${p.slug}`, label: 'nav.home', permission: 'public', order: 10 },
    { href: (p) => `/p/${p.slug}/organisations`, label: 'nav.organisations', permission: 'organisation:read', order: 50 },
    {
      href: (p, a) => (ownOrganisation(a) ? `/p/${p.slug}/organisations/${ownOrganisation(a)}` : null),
      label: 'nav.myOrganisation', permission: 'organisation:read', organisationOf: ownOrganisation, order: 55,
    },
    { href: (p) => `/p/${p.slug}/settings`, label: 'nav.settings', permission: 'pact:manage', order: 90 },
    { href: (p) => `/p/${p.slug}/neighbourhoods`, label: 'nav.neighbourhoods', permission: 'pact:manage', order: 91 },
  ],
  messages: { nl: pactNl, en: pactEn },
  demo: {
    order: 10,
    async seed({ tx, pacts, organisations }) {
      await seedPactAgendaDemo(tx, { lindewaard: pacts.lindewaard, hagedoorn: pacts.hagedoorn, organisations });
      await seedInitiativesDemo(tx, pacts.lindewaard);
      await seedMeetingsAndStoriesDemo(tx, pacts.lindewaard);
    },
  },
};
