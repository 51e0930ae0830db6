// Routes of the November review: review and carry-over of one activity (the organisation's
// editors: coordinators and the organisation's own partner admin; both pages are formPages), the
// review overview of a year with its CSV (members), and the results page with the pie of
// commitments (public once the year is published, members before that).
import { z } from 'zod';
import { done, formPage, refuse } from '../../../access/form-page.ts';
import { HttpError } from '../../../access/http-error.ts';
import { can } from '../../../access/policy.ts';
import { defineRoute, pactSlugParam, type RouteContext, type RouteSpec } from '../../../access/route.ts';
import { useCaseContext } from '../../../access/use-case.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import {
  activityStatuses, findActivity, findAgendaYear, findCarryLinks, listActivitiesForReview, listAgendaYearStates, listIndicators,
  listYearIndicators, type ActivityRow, type AgendaYearRow, type IndicatorRow, type YearActivityRow,
} from '../agenda/index.ts';
import { carryOverActivity, carryOverSituation } from './carry-over-activity.ts';
import { carryOverForm, defaultPeriod, type CarryOverPeriod, type CarryOverRefusal } from './carry-over.ts';
import { countBy } from './commitments-chart.ts';
import { resultsTree } from './results-tree.ts';
import { reviewForm, type ReviewValue } from './review.ts';
import { reviewActivity } from './review-activity.ts';
import { CarryOverPage, ResultsPage, ReviewFormPage, ReviewOverviewPage, statusKey, type OverviewFilters } from './review-pages.tsx';
import { listPillars, listReviews } from './review-queries.ts';
import { staleness } from './staleness.ts';

const activityParams = z.object({ pact: pactSlugParam, org: z.uuid(), activity: z.uuid() });
const yearParams = z.object({ pact: pactSlugParam, year: z.string().regex(/^\d{4}$/) });
type ActivityParams = z.output<typeof activityParams>;
type YearParams = z.output<typeof yearParams>;
/** A request on one of the pact's paths (`/p/:pact/…`), whose pact is never null. */
type PactRoute<P> = RouteContext<P, `/p/:pact${string}`>;

/**
 * The schema of a form that is refused whatever its input (a withdrawn activity, an activity that
 * cannot be carried over): every input passes on to `submit`, which answers 409 with the input kept.
 */
const refusedWhateverInput = z.any();

/** The activity of the path; 404 when it does not exist or belongs to another organisation. */
async function loadActivity(ctx: PactRoute<ActivityParams>): Promise<ActivityRow> {
  const activity = await findActivity(ctx.tx, ctx.pact.id, ctx.params.activity);
  if (!activity || activity.organisation_id !== ctx.params.org) throw new HttpError(404);
  return activity;
}

/** The activity this one was carried over from, and the one it was carried into. */
async function links(ctx: PactRoute<ActivityParams>, activity: ActivityRow) {
  const { from, to } = await findCarryLinks(ctx.tx, ctx.pact.id, activity);
  return { carriedFrom: from, carriedInto: to };
}

async function loadYear(ctx: PactRoute<YearParams>): Promise<AgendaYearRow> {
  const year = await findAgendaYear(ctx.tx, ctx.pact.id, Number(ctx.params.year));
  if (!year) throw new HttpError(404);
  return year;
}

function filtersOf(ctx: PactRoute<YearParams>): OverviewFilters {
  const q = (name: string) => {
    const v = ctx.c.req.query(name);
    return typeof v === 'string' ? v : '';
  };
  const uuid = (v: string) => (z.uuid().safeParse(v).success ? v : '');
  const status = q('status');
  return {
    pillar: uuid(q('pillar')),
    organisation: uuid(q('organisation')),
    status: (activityStatuses as readonly string[]).includes(status) ? status : '',
  };
}

function applyFilters(rows: YearActivityRow[], f: OverviewFilters): YearActivityRow[] {
  return rows.filter((a) =>
    (f.pillar === '' || a.pillar_id === f.pillar) &&
    (f.organisation === '' || a.organisation_id === f.organisation) &&
    (f.status === '' || a.status === f.status));
}

function uniqueBy<T, K>(items: T[], key: (t: T) => K): T[] {
  const seen = new Set<K>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

const activityBase = (slug: string, a: { organisation_id: string; id: string }) => `/p/${slug}/organisations/${a.organisation_id}/activities/${a.id}`;

export const reviewRoutes: RouteSpec[] = [
  // The review form with the activity's review history. A withdrawn activity takes no review: 409.
  ...formPage({
    path: '/p/:pact/organisations/:org/activities/:activity/review',
    permission: 'organisation:edit',
    params: activityParams,
    resource: (p) => ({ organisationId: p.org }),
    data: async (ctx) => {
      const activity = await loadActivity(ctx);
      const indicators = await listIndicators(ctx.tx, ctx.pact.id, activity.id);
      const reviews = await listReviews(ctx.tx, ctx.pact.id, activity.id, indicators);
      return { activity, indicators, reviews, ...(await links(ctx, activity)) };
    },
    render: (ctx, { activity, indicators, reviews, carriedFrom, carriedInto }, forms) => ctx.c.render(
      <ReviewFormPage pact={ctx.pact} activity={activity} indicators={indicators} reviews={reviews} carriedFrom={carriedFrom} carriedInto={carriedInto} state={forms.review ?? {}} />,
      { title: ctx.c.get('t')('review.form.title', { title: activity.title }) },
    ),
    forms: {
      review: {
        schema: (_ctx: unknown, { activity, indicators }: { activity: ActivityRow; indicators: IndicatorRow[] }) =>
          (activity.withdrawn_at ? refusedWhateverInput : reviewForm(indicators.map((i) => i.id))),
        submit: async (ctx, { activity }, value: ReviewValue) => {
          if (activity.withdrawn_at) return refuse(409, {});
          await reviewActivity(useCaseContext(ctx), activity, value);
          return done(`${activityBase(ctx.pact.slug, activity)}/review`, 'review.saved');
        },
      },
    },
  }),
  // Carrying the activity into the next year. The refusals (done, carried already, next year not
  // open, …) come first: no period makes them right (409, the input kept).
  ...formPage({
    path: '/p/:pact/organisations/:org/activities/:activity/carry-over',
    permission: 'organisation:edit',
    params: activityParams,
    resource: (p) => ({ organisationId: p.org }),
    data: async (ctx) => {
      const activity = await loadActivity(ctx);
      const situation = await carryOverSituation(ctx.tx, ctx.pact.id, activity);
      return { activity, refusal: situation.refusal, ...(await links(ctx, activity)) };
    },
    render: (ctx, { activity, refusal, carriedFrom, carriedInto }, forms) => ctx.c.render(
      <CarryOverPage pact={ctx.pact} activity={activity} carriedFrom={carriedFrom} carriedInto={carriedInto} refusal={refusal}
        period={defaultPeriod(activity.year + 1)} state={forms.carry ?? {}} />,
      { title: ctx.c.get('t')('review.carry.title', { title: activity.title, year: activity.year + 1 }) },
    ),
    forms: {
      carry: {
        schema: (_ctx: unknown, { activity, refusal }: { activity: ActivityRow; refusal: CarryOverRefusal | null }) =>
          (refusal ? refusedWhateverInput : carryOverForm(activity.year + 1)),
        submit: async (ctx, { activity, refusal }, value: CarryOverPeriod) => {
          if (refusal) return refuse(409, {});
          const result = await carryOverActivity(useCaseContext(ctx), activity, value);
          if (!result.ok) return refuse(409, {});
          return done(`/p/${ctx.pact.slug}/organisations/${activity.organisation_id}/activities/${result.id}/review`, 'review.carried');
        },
      },
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/review',
    permission: 'pact:read',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor } = ctx;
      const year = await loadYear(ctx);
      const all = await listActivitiesForReview(tx, pact.id, year.id);
      const filters = filtersOf(ctx);
      const now = ctx.now;
      const entries = applyFilters(all, filters).map((activity) => ({
        activity,
        staleness: staleness({ updatedAt: activity.updated_at, reviewedAt: activity.reviewed_at }, year.year, now),
        canEdit: can(actor, 'organisation:edit', { pact, organisationId: activity.organisation_id }),
      }));
      const pillars = uniqueBy(all.map((a) => ({ id: a.pillar_id, title: a.pillar_title })), (p) => p.id);
      const organisations = uniqueBy(all.map((a) => ({ id: a.organisation_id, name: a.organisation_name })), (o) => o.id)
        .sort((a, b) => a.name.localeCompare(b.name));
      return c.render(
        <ReviewOverviewPage pact={pact} year={year} entries={entries} total={all.length} pillars={pillars} organisations={organisations} filters={filters} />,
        { title: c.get('t')('review.overview.title', { year: year.year }) },
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/review.csv',
    permission: 'pact:read',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, audit } = ctx;
      const t = c.get('t');
      const year = await loadYear(ctx);
      const filters = filtersOf(ctx);
      const rows = applyFilters(await listActivitiesForReview(tx, pact.id, year.id), filters);
      const now = ctx.now;
      await audit({ action: 'activity.export', recordType: 'agenda_year', recordId: year.id, purpose: 'pact-administration', details: { year: year.year, rows: rows.length } });
      const csv = toCsv(
        [t('review.csv.year'), t('review.csv.activity'), t('review.csv.organisation'), t('review.csv.pillar'), t('review.csv.status'),
          t('review.csv.lastUpdate'), t('review.csv.daysSince'), t('review.csv.stale'), t('review.csv.carriedFrom'), t('review.csv.carriedInto')],
        rows.map((a) => {
          const s = staleness({ updatedAt: a.updated_at, reviewedAt: a.reviewed_at }, year.year, now);
          return [year.year, a.title, a.organisation_name, a.pillar_title, t(statusKey(a.status)), s.lastUpdate.toISOString(), s.daysSince,
            t(s.stale ? 'review.csv.yes' : 'review.csv.no'), a.carried_from?.year ?? '', a.carried_into?.year ?? ''];
        }),
      );
      return csvResponse(`${pact.slug}-review-${year.year}.csv`, csv);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/results',
    permission: 'public',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor } = ctx;
      const isMember = can(actor, 'pact:read', { pact });
      // Years are public once published; before that only members know they exist.
      const visible = (y: AgendaYearRow) => y.published_at !== null || isMember;
      const years = (await listAgendaYearStates(tx, pact.id)).filter(visible);
      const year = years.find((y) => y.year === Number(ctx.params.year));
      if (!year) throw new HttpError(404);
      const shown = new Set(years.map((y) => y.year));
      const [pillarRows, listed, indicators] = [
        await listPillars(tx, pact.id), await listActivitiesForReview(tx, pact.id, year.id), await listYearIndicators(tx, pact.id, year.id),
      ];
      // Links across years only to years this reader may see.
      const activities = listed.map((a) => ({
        ...a,
        carried_from: a.carried_from && shown.has(a.carried_from.year) ? a.carried_from : null,
        carried_into: a.carried_into && shown.has(a.carried_into.year) ? a.carried_into : null,
      }));
      const used = new Set(activities.map((a) => a.pillar_id));
      const pillars = pillarRows.filter((p) => !p.archived || used.has(p.id));
      const byActivity = new Map<string, typeof indicators>();
      for (const i of indicators) byActivity.set(i.activity_id, [...(byActivity.get(i.activity_id) ?? []), i]);
      const tree = resultsTree(
        pillars.map((p) => ({ id: p.id, title: p.title, weight: p.weight })),
        activities.map((a) => ({
          id: a.id, pillarId: a.pillar_id, title: a.title, organisationName: a.organisation_name, status: a.status, weight: a.weight,
          indicators: (byActivity.get(a.id) ?? []).map((i) => ({ id: i.id, name: i.name, unit: i.unit, target: i.target_value, current: i.current_value, weight: i.weight })),
        })),
      );
      const now = ctx.now;
      const entries = activities.map((activity) => ({ activity, staleness: staleness({ updatedAt: activity.updated_at, reviewedAt: activity.reviewed_at }, year.year, now) }));
      const previous = years.filter((y) => y.year < year.year).at(-1)?.year ?? null;
      const next = years.find((y) => y.year > year.year)?.year ?? null;
      const sortedByPartner = [...activities].sort((a, b) => a.organisation_name.localeCompare(b.organisation_name));
      return c.render(
        <ResultsPage
          pact={pact} year={year} tree={tree} entries={entries} previous={previous} next={next} isMember={isMember}
          byPartner={countBy(sortedByPartner, (a) => a.organisation_name)}
          byPillar={countBy(activities, (a) => a.pillar_title)}
        />,
        { title: c.get('t')('review.results.title', { year: year.year }) },
      );
    },
  }),
];
