// Registering an activity through the API: `POST /api/v1/pacts/{pact}/organisations/{organisation}/activities`.
// A partner's own system (its project administration, say) registers the organisation's activities
// in the year that is open for registration, with the same rules as the form on the organisation's
// page (src/modules/pact/agenda/register-activity.ts). Only with a token of that organisation with
// the `pact:write` scope; every POST carries an Idempotency-Key, so a retry registers nothing twice.
import { z } from 'zod';
import { HttpError } from '../../../access/http-error.ts';
import { defineApiPostRoute, pactSlugParam } from '../../../access/route.ts';
import { problemTypes } from '../../../platform/api/problem-types.ts';
import { indicatorRows, type ActivityInput } from './activity-form.ts';
import { findAgendaYear, findOrganisationStanding } from './agenda-queries.ts';
import { registerActivity } from './register-activity.ts';

const maxTarget = 999_999_999_999.99;
// zod's date format knows month lengths and leap years: 2027-02-30 is refused.
const calendarDate = z.iso.date();

const indicatorBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    unit: z.string().trim().max(40).default('').describe('What is counted, e.g. "households" (may be empty).'),
    target: z.number().positive().max(maxTarget)
      .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'At most two decimals.')
      .describe('The target value, more than 0, at most two decimals.'),
  })
  .strict();

const activityBody = z
  .object({
    year: z.number().int().min(2000).max(2100).describe('The agenda year to register in; it must be open for registration.'),
    title: z.string().trim().min(1).max(200),
    goal: z.string().trim().min(1).max(2000),
    pillarId: z.uuid().describe('A current pillar of the pact (see `listPillars`).'),
    description: z.string().trim().max(8000).default(''),
    responsibleName: z.string().trim().min(1).max(200).describe('Who answers for the activity (a role or a name).'),
    partnerIds: z.array(z.uuid()).max(100).default([]).describe('Other partner organisations that take part (see `listPartners`).'),
    startsOn: calendarDate,
    endsOn: calendarDate,
    indicators: z.array(indicatorBody).max(indicatorRows).default([]),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Before startsOn.' });
    else if (v.startsOn > `${v.year}-12-31` || v.endsOn < `${v.year}-01-01`) {
      ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'The activity does not fall in the year.' });
    }
  });

const registeredActivity = z
  .object({
    id: z.uuid(),
    year: z.number().int(),
    organisationId: z.uuid(),
    pillarId: z.uuid(),
    title: z.string(),
    goal: z.string(),
    description: z.string(),
    responsibleName: z.string(),
    partnerIds: z.array(z.uuid()),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    indicators: z.array(z.object({ name: z.string(), unit: z.string(), target: z.number() }).strict()),
  })
  .strict();

const params = z.object({ pact: pactSlugParam, organisation: z.uuid() });

export const agendaRegisterApiRoutes = [
  defineApiPostRoute({
    method: 'POST',
    path: '/api/v1/pacts/:pact/organisations/:organisation/activities',
    operationId: 'registerActivity',
    summary: 'Register an activity of the organisation',
    description:
      'Registers an activity of the organisation in an agenda year that is open for registration, as its partner admin ' +
      'would on the organisation\'s page. Needs a token of this organisation with `pact:write`. A year closed for ' +
      'registration, or an organisation that has left the pact, is a `conflict` (409).',
    tags: ['Agenda'],
    permission: 'organisation:edit',
    params,
    query: z.object({}).strict(),
    body: activityBody,
    response: registeredActivity,
    successStatus: 201,
    problems: [problemTypes.conflict],
    resource: (p) => ({ organisationId: p.organisation }),
    handler: async ({ tx, pact, params: p, body, actor, now, audit, services }) => {
      const organisation = await findOrganisationStanding(tx, pact.id, p.organisation);
      if (!organisation) throw new HttpError(404);
      const year = await findAgendaYear(tx, pact.id, body.year);
      if (!year) throw new HttpError(400, undefined, [{ in: 'body', name: 'year', detail: 'The pact has no agenda for this year.' }]);
      const input: ActivityInput = { ...body, partnerIds: [...new Set(body.partnerIds)], revision: undefined };
      const outcome = await registerActivity({ tx, pact, actor, now, audit, jobs: services.jobs }, { year, organisation, input });
      if (!outcome.ok) {
        switch (outcome.reason) {
          case 'field':
            throw new HttpError(400, undefined, [{
              in: 'body', name: outcome.field === 'pillar' ? 'pillarId' : 'partnerIds',
              detail: outcome.field === 'pillar' ? 'Not a current pillar of this pact.' : 'Not all of these are organisations of this pact.',
            }]);
          case 'year-locked':
            throw new HttpError(409, undefined, [], { type: problemTypes.conflict, detail: `The agenda year ${body.year} is not open for registration.` });
          case 'partner-left':
            throw new HttpError(409, undefined, [], { type: problemTypes.conflict, detail: `The organisation left the pact on ${outcome.leftOn}.` });
          case 'stale':
            throw new HttpError(409, undefined, [], { type: problemTypes.conflict });
        }
      }
      return {
        status: 201,
        body: {
          id: outcome.id, year: body.year, organisationId: organisation.id, pillarId: input.pillarId, title: input.title, goal: input.goal,
          description: input.description, responsibleName: input.responsibleName, partnerIds: input.partnerIds,
          startsOn: input.startsOn, endsOn: input.endsOn, indicators: input.indicators,
        },
      };
    },
  }),
];
