// The pact itself and its partners in the public API: `GET /api/v1/pacts/{pact}` and
// `GET /api/v1/pacts/{pact}/partners`, a paged list.
import { z } from 'zod';
import { cursorAfter, defineApiRoute, pactParams } from '../../../access/route.ts';
import { localDate } from '../../../platform/calendar/index.ts';
import { pageFrom, pageOf, pageQuery } from '../../../platform/api/paging.ts';
import { organisationKinds } from '../organisation.ts';
import { partnerHasLeft } from './partner-status.ts';
import { loadPublishedPact, pagePartners, type PartnerApiRow } from './partners-queries.ts';

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

const partnerResource = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(organisationKinds).describe('What kind of organisation it is.'),
    description: z.string().describe('What the organisation does, in its own words; empty when not written.'),
    mission: z.string().describe('What the organisation brings to the pact; empty when not written.'),
    website: z.string().describe('The organisation\'s website as it gave it; empty when none.'),
    joinedOn: z.iso.date().nullable().describe('The day it joined the pact (local date), when known.'),
    leftOn: z.iso.date().nullable().describe('The day it leaves or left the pact (local date); null while it stays.'),
    status: z.enum(['member', 'left']).describe(
      'Whether it is a partner today (the pact\'s local date): `left` from its `leftOn` on. A leaving date still ahead keeps it `member` until that day.',
    ),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

const partnerCursorKey = z.tuple([z.string(), z.uuid()]);

function partnerOf(row: PartnerApiRow, today: string): z.output<typeof partnerResource> {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    description: row.description,
    mission: row.mission,
    website: row.website,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    status: partnerHasLeft(row.left_on, today) ? 'left' : 'member',
    updatedAt: row.updated_at.toISOString(),
  };
}

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
  defineApiRoute({
    method: 'GET',
    path: '/api/v1/pacts/:pact/partners',
    operationId: 'listPartners',
    summary: 'The pact\'s partner organisations',
    description:
      'Every partner organisation of the pact, current and former, by name: what the public partner pages show of the ' +
      'organisation itself. Contact details (e-mail address, phone, contact person) and representatives are not in the API. ' +
      '`status` follows the pact\'s local date: a partner whose `leftOn` arrives turns `left` without a change to ' +
      '`updatedAt`, so a copy should judge `leftOn` itself rather than wait for `modified_after` to return it.',
    tags: ['Pact'],
    permission: 'public',
    params: pactParams,
    query: pageQuery,
    response: pageOf(partnerResource),
    handler: async ({ tx, pact, query, request, now }) => {
      const after = cursorAfter(query.cursor, partnerCursorKey);
      const rows = await pagePartners(tx, pact.id, {
        limit: query.limit,
        after,
        modifiedAfter: query.modified_after ? new Date(query.modified_after) : null,
      });
      const today = localDate(pact.jurisdiction, now);
      return pageFrom(rows, query, request, (row) => [row.name, row.id], (row) => partnerOf(row, today));
    },
  }),
];
