// The pact's published initiatives in the public API: `GET /api/v1/pacts/{pact}/initiatives`, a
// paged list. Only what the public initiative pages show: never the proposer's name or e-mail
// address, the coordinator's message or an initiative that is not published.
import { z } from 'zod';
import { cursorAfter, defineApiRoute, pactParams } from '../../../access/route.ts';
import { pageFrom, pageOf, pageQuery } from '../../../platform/api/paging.ts';
import { supportKinds } from './initiative-forms.ts';
import { pagePublishedInitiatives, type PublishedInitiativeRow } from './initiative-queries.ts';

const initiativeResource = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    targetGroup: z.string().describe('Who the initiative is for.'),
    neighbourhood: z
      .object({ id: z.uuid(), name: z.string() })
      .strict()
      .nullable()
      .describe('Where it takes place; null when the proposer named no neighbourhood.'),
    pillarId: z.uuid().nullable().describe('The pillar (or path) it fits, as in `/pillars`; null when none was chosen.'),
    supportNeeded: z.array(z.enum(supportKinds)).describe('What support it asks for.'),
    supportNotes: z.string().describe('More about the support it asks for; may be empty.'),
    group: z.string().describe('The group or organisation behind it, as the proposer named it; empty for a resident on their own.'),
    publishedAt: z.iso.datetime({ offset: true }).nullable().describe('When a coordinator published it.'),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

const cursorKey = z.tuple([z.uuid()]);

function initiativeOf(row: PublishedInitiativeRow): z.output<typeof initiativeResource> {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    targetGroup: row.target_group,
    neighbourhood: row.neighbourhood_id ? { id: row.neighbourhood_id, name: row.neighbourhood_name ?? '' } : null,
    pillarId: row.pillar_id,
    supportNeeded: row.support_needed,
    supportNotes: row.support_notes,
    group: row.proposer_group,
    publishedAt: row.published_at ? row.published_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export const initiativeApiRoutes = [
  defineApiRoute({
    method: 'GET',
    path: '/api/v1/pacts/:pact/initiatives',
    operationId: 'listInitiatives',
    summary: 'The published initiatives',
    description:
      'The initiatives residents and groups proposed that a coordinator published, by id. An initiative that is not ' +
      'published (or no longer is) is not listed, with `modified_after` either: a copy notices it is gone only by ' +
      'reading the whole list. The proposer\'s name and e-mail address are not in the API. Neighbourhoods keep no time ' +
      'of change: renaming one changes neither `updatedAt` nor the list with `modified_after`.',
    tags: ['Initiatives'],
    permission: 'public',
    params: pactParams,
    query: pageQuery,
    response: pageOf(initiativeResource),
    handler: async ({ tx, pact, query, request }) => {
      const after = cursorAfter(query.cursor, cursorKey);
      const rows = await pagePublishedInitiatives(tx, pact.id, {
        limit: query.limit,
        after,
        modifiedAfter: query.modified_after ? new Date(query.modified_after) : null,
      });
      return pageFrom(rows, query, request, (row) => [row.id], initiativeOf);
    },
  }),
];
