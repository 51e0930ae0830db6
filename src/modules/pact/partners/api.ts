// The pact itself in the public API: `GET /api/v1/pacts/{pact}`.
import { z } from 'zod';
import { defineApiRoute, pactParams } from '../../../access/route.ts';
import { loadPublishedPact } from './partners-queries.ts';

const pactResource = z
  .object({
    slug: z.string().describe('The pact\'s name in addresses, as in /p/{slug}.'),
    name: z.string(),
    municipality: z.string(),
    jurisdiction: z.enum(['NL', 'BE-VLG']).describe('Whose rules apply: the Netherlands, or Flanders.'),
    defaultLocale: z.enum(['nl', 'en']),
    mission: z.string().describe('The pact\'s point on the horizon, in its own words; empty when not written yet.'),
    horizonYear: z.number().int().nullable().describe('The year the mission aims at.'),
    pillarLabel: z.enum(['pillar', 'path']).describe('Whether the pact speaks of pillars or of paths.'),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

export const partnerApiRoutes = [
  defineApiRoute({
    method: 'GET',
    path: '/api/v1/pacts/:pact',
    operationId: 'getPact',
    summary: 'The pact',
    description: 'Name, municipality, mission and horizon of the pact. A suspended or unknown pact is not found.',
    tags: ['Pact'],
    permission: 'public',
    params: pactParams,
    query: z.object({}).strict(),
    response: pactResource,
    handler: async ({ tx, pact }) => {
      const row = await loadPublishedPact(tx, pact.id);
      return {
        slug: row.slug,
        name: row.name,
        municipality: row.municipality,
        jurisdiction: row.jurisdiction,
        defaultLocale: row.default_locale,
        mission: row.mission,
        horizonYear: row.horizon_year,
        pillarLabel: row.pillar_label,
        updatedAt: row.updated_at.toISOString(),
      };
    },
  }),
];
