// The pact's pillars in the public API: `GET /api/v1/pacts/{pact}/pillars`, a paged list.
import { z } from 'zod';
import { cursorAfter, defineApiRoute, pactParams } from '../../../access/route.ts';
import { pageFrom, pageOf, pageQuery } from '../../../platform/api/paging.ts';
import { pagePillars, type PillarRow } from './pillar-queries.ts';

const pillarResource = z
  .object({
    id: z.uuid(),
    position: z.number().int().min(1).describe('Order of the pillars on the pact\'s pages, from 1.'),
    title: z.string(),
    description: z.string(),
    weight: z.number().describe('How much the pillar counts in the progress of the agenda (usually 1).'),
    archivedAt: z.iso.datetime({ offset: true }).nullable().describe('When the pillar was archived; null while it is current.'),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

const cursorKey = z.tuple([z.number().int(), z.uuid()]);

function pillarOf(row: PillarRow): z.output<typeof pillarResource> {
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    description: row.description,
    weight: Number(row.weight),
    archivedAt: row.archived_at ? row.archived_at.toISOString() : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

export const pillarApiRoutes = [
  defineApiRoute({
    method: 'GET',
    path: '/api/v1/pacts/:pact/pillars',
    operationId: 'listPillars',
    summary: 'The pact\'s pillars (or paths)',
    description:
      'The pillars of the pact in the order of their position. Without `modified_after` only the current ones; ' +
      'with it also those archived since then (with `archivedAt`), so a copy can be brought up to date.',
    tags: ['Pact'],
    permission: 'public',
    params: pactParams,
    query: pageQuery,
    response: pageOf(pillarResource),
    handler: async ({ tx, pact, query, request }) => {
      const after = cursorAfter(query.cursor, cursorKey);
      const rows = await pagePillars(tx, pact.id, {
        limit: query.limit,
        after,
        modifiedAfter: query.modified_after ? new Date(query.modified_after) : null,
      });
      return pageFrom(rows, query, request, (row) => [row.position, row.id], pillarOf);
    },
  }),
];
