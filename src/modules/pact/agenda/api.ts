// The pact's published agenda in the public API: `GET /api/v1/pacts/{pact}/agenda-years` and
// `GET /api/v1/pacts/{pact}/agenda-years/{year}/activities`, paged lists. Only published years
// and what their public agenda page shows; the responsible person's name stays out.
import { z } from 'zod';
import { cursorAfter, defineApiRoute, pactParams, pactSlugParam } from '../../../access/route.ts';
import { HttpError } from '../../../access/http-error.ts';
import { pageFrom, pageOf, pageQuery } from '../../../platform/api/paging.ts';
import { activityStatuses } from './activity.ts';
import { pagePublishedActivities, pagePublishedAgendaYears, type AgendaActivityApiRow, type PublishedAgendaYearRow } from './agenda-queries.ts';

const agendaYearResource = z
  .object({
    year: z.number().int(),
    status: z.enum(['open', 'locked']).describe('Whether partners can still register activities for the year (`open`) or not (`locked`).'),
    publishedAt: z.iso.datetime({ offset: true }).describe('When the agenda was published.'),
    introduction: z.string().describe('The coordinators\' introduction to the year\'s agenda; empty when not written.'),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .strict();

const indicatorResource = z
  .object({
    id: z.uuid(),
    name: z.string(),
    unit: z.string().describe('What the numbers count (people, households, meetings …); may be empty.'),
    target: z.number().describe('What the activity aims at for the year.'),
    result: z.number().nullable().describe('The result of the latest November review; null before the first.'),
  })
  .strict();

const activityResource = z
  .object({
    id: z.uuid(),
    title: z.string(),
    goal: z.string(),
    description: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    status: z.enum(activityStatuses).describe('`planned` until the first November review, then the status the latest review gave.'),
    reviewedAt: z.iso.datetime({ offset: true }).nullable().describe('When it was last reviewed; null before the first review.'),
    pillarId: z.uuid().describe('Its pillar (or path), as in `/pillars`; an archived pillar is listed there only with `modified_after`.'),
    organisationId: z.uuid().describe('The partner that carries it out, as in `/partners`.'),
    partnerIds: z.array(z.uuid()).describe('The other partners involved, as in `/partners`.'),
    carriedFromId: z.uuid().nullable().describe('The activity of the previous year it was carried over from, if it was.'),
    indicators: z.array(indicatorResource),
    withdrawnAt: z.iso.datetime({ offset: true }).nullable().describe(
      'When its partner withdrew it from the agenda; only with `modified_after`, otherwise always null.',
    ),
    updatedAt: z.iso.datetime({ offset: true }).describe('The last change: a save by its partner or a November review.'),
  })
  .strict();

const yearCursorKey = z.tuple([z.number().int()]);
const activityCursorKey = z.tuple([z.uuid()]);
const yearParams = z.object({ pact: pactSlugParam, year: z.string().regex(/^\d{4}$/).describe('The agenda year, four digits.') });

function agendaYearOf(row: PublishedAgendaYearRow): z.output<typeof agendaYearResource> {
  return {
    year: row.year,
    status: row.status,
    publishedAt: row.published_at.toISOString(),
    introduction: row.introduction,
    updatedAt: row.updated_at.toISOString(),
  };
}

function activityOf(row: AgendaActivityApiRow): z.output<typeof activityResource> {
  return {
    id: row.id,
    title: row.title,
    goal: row.goal,
    description: row.description,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    reviewedAt: row.reviewed_at ? row.reviewed_at.toISOString() : null,
    pillarId: row.pillar_id,
    organisationId: row.organisation_id,
    partnerIds: row.partner_ids,
    carriedFromId: row.carried_from_id,
    indicators: row.indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, target: i.target_value, result: i.current_value })),
    withdrawnAt: row.withdrawn_at ? row.withdrawn_at.toISOString() : null,
    updatedAt: row.changed_at.toISOString(),
  };
}


export const agendaApiRoutes = [
  defineApiRoute({
    method: 'GET',
    path: '/api/v1/pacts/:pact/agenda-years',
    operationId: 'listAgendaYears',
    summary: 'The published agenda years',
    description:
      'The years of the Lokale Sociale Agenda whose agenda is published, oldest first. A year that is not published ' +
      '(or no longer is) is not listed, with `modified_after` either.',
    tags: ['Agenda'],
    permission: 'public',
    params: pactParams,
    query: pageQuery,
    response: pageOf(agendaYearResource),
    handler: async ({ tx, pact, query, request }) => {
      const after = cursorAfter(query.cursor, yearCursorKey);
      const rows = await pagePublishedAgendaYears(tx, pact.id, {
        limit: query.limit,
        after,
        modifiedAfter: query.modified_after ? new Date(query.modified_after) : null,
      });
      return pageFrom(rows, query, request, (row) => [row.year], agendaYearOf);
    },
  }),
  defineApiRoute({
    method: 'GET',
    path: '/api/v1/pacts/:pact/agenda-years/:year/activities',
    operationId: 'listAgendaActivities',
    summary: 'The activities of a published agenda year',
    description:
      'The activities on the published agenda of the year, with their indicators, by id. A year that is not published ' +
      'is not found. Without `modified_after` the activities on the agenda; with it those saved or reviewed since, and ' +
      'those withdrawn since (with `withdrawnAt`), so a copy can be brought up to date. Pillars and partners are given ' +
      'by id: a renamed partner or pillar changes neither `updatedAt` nor the list with `modified_after`. The name of ' +
      'the person responsible is not in the API.',
    tags: ['Agenda'],
    permission: 'public',
    params: yearParams,
    query: pageQuery,
    response: pageOf(activityResource),
    handler: async ({ tx, pact, params, query, request }) => {
      const after = cursorAfter(query.cursor, activityCursorKey);
      const rows = await pagePublishedActivities(tx, pact.id, Number(params.year), {
        limit: query.limit,
        after,
        modifiedAfter: query.modified_after ? new Date(query.modified_after) : null,
      });
      if (!rows) throw new HttpError(404);
      return pageFrom(rows, query, request, (row) => [row.id], activityOf);
    },
  }),
];
