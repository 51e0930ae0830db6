// API tokens: an organisation's keys to the public API (made and revoked by its partner admins),
// who a request of the API comes from, and idempotency keys of its POSTs. The API pipeline
// (src/app/api-pipeline.ts) uses `authenticateApiCaller` and `runIdempotently`.
import type { ModuleManifest } from '../../access/manifest.ts';
import type { Actor } from '../../access/policy.ts';
import { purgeApiTokenTraces } from './api-token-queries.ts';
import { IDEMPOTENCY_KEY_HOURS } from './idempotency.ts';
import { apiTokensEn, apiTokensNl } from './messages.ts';
import { remindTokenExpiry } from './remind-token-expiry.ts';
import { apiTokenRoutes } from './routes.tsx';

export { authenticateApiCaller, type ApiCaller } from './authenticate-api-token.ts';
export { idempotencyKeyPattern, runIdempotently } from './idempotency.ts';

/** The organisation the person administers as partner admin, for the navigation link. */
function administeredOrganisation(actor: Actor): string | undefined {
  if (actor.kind !== 'person') return undefined;
  return actor.memberships.find((m) => m.role === 'partner_admin' && m.organisationId)?.organisationId ?? undefined;
}

export const manifest: ModuleManifest = {
  name: 'api-tokens',
  routes: apiTokenRoutes,
  navigation: [
    {
      href: (p, a) => (administeredOrganisation(a) ? `/p/${p.slug}/organisations/${administeredOrganisation(a)}/api-tokens` : null),
      label: 'nav.apiTokens', permission: 'organisation:manage-api-tokens', organisationOf: administeredOrganisation, order: 95,
    },
  ],
  jobs: [
    {
      // A week before a token expires, its organisation's partner admins get one mail.
      name: 'api-tokens-remind-expiry',
      cron: '7 8 * * *',
      run: async ({ services }) => {
        const reminded = await remindTokenExpiry(services.db, { now: services.clock.now(), publicUrl: services.publicUrl });
        if (reminded.tokens > 0) services.log.info(reminded, 'API token expiry reminders queued');
      },
    },
    {
      // Idempotency keys are kept a day; request counts per minute only as long.
      name: 'api-tokens-purge',
      cron: '41 4 * * *',
      run: async ({ services }) => {
        const before = new Date(services.clock.now().getTime() - IDEMPOTENCY_KEY_HOURS * 3_600_000);
        const purged = await purgeApiTokenTraces(services.db, before);
        if (purged.keys + purged.windows > 0) services.log.info(purged, 'API idempotency keys and request counts purged');
      },
    },
  ],
  messages: { nl: apiTokensNl, en: apiTokensEn },
};
