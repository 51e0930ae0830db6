// Routes of the November review: review and carry-over of one activity (the organisation's
// editors: coordinators and the organisation's own partner admin), the review overview of a year
// with its CSV (members), and the results page with the pie of commitments (public once the year
// is published, members before that).
import { z } from 'zod';
import { HttpError } from '../../../access/http-error.ts';
import { can } from '../../../access/policy.ts';
import { defineRoute, pactSlugParam, type RouteContext, type RouteSpec } from '../../../access/route.ts';
import { csvResponse, toCsv } from '../../../platform/csv/export.ts';
import type { FormState } from '../../../ui/components.tsx';
import { carryOverActivity, carryOverSituation } from './carry-over-activity.ts';
import { defaultPeriod, parseCarryOverForm, type CarryOverPeriod } from './carry-over.ts';
import { countBy } from './commitments-chart.ts';
import { activityStatuses, resultsTree, type ActivityStatus } from './results-tree.ts';
import { parseReviewForm } from './review.ts';
import { reviewActivity } from './review-activity.ts';
import { CarryOverPage, ResultsPage, ReviewFormPage, ReviewOverviewPage, statusKey, type OverviewFilters } from './review-pages.tsx';
import {
  findActivity, findActivityLink, findCarriedInto, findYear, listIndicators, listPillars, listReviews, listYearActivities,
  listYearIndicators, listYears, type ActivityRow, type YearActivityRow, type YearRow,
} from './review-queries.ts';
import { staleness } from './staleness.ts';

const activityParams = z.object({ pact: pactSlugParam, org: z.uuid(), activity: z.uuid() });
const yearParams = z.object({ pact: pactSlugParam, year: z.string().regex(/^\d{4}$/) });
type ActivityParams = z.output<typeof activityParams>;
type YearParams = z.output<typeof yearParams>;

function personOf(ctx: RouteContext<unknown>): string | null {
  return ctx.actor.kind === 'person' ? ctx.actor.personId : null;
}

/** The activity of the path; 404 when it does not exist or belongs to another organisation. */
async function loadActivity(ctx: RouteContext<ActivityParams>): Promise<ActivityRow> {
  const activity = await findActivity(ctx.tx, ctx.pact!.id, ctx.params.activity, ctx.params.org);
  if (!activity) throw new HttpError(404);
  return activity;
}

async function links(ctx: RouteContext<ActivityParams>, activity: ActivityRow) {
  const carriedFrom = activity.carried_from_id ? await findActivityLink(ctx.tx, ctx.pact!.id, activity.carried_from_id) : null;
  const carriedInto = await findCarriedInto(ctx.tx, ctx.pact!.id, activity.id);
  return { carriedFrom, carriedInto };
}

async function renderReview(ctx: RouteContext<ActivityParams>, activity: ActivityRow, status: 200 | 400 | 403 | 409, state: FormState = {}) {
  const { c, tx, pact } = ctx;
  const [indicators, reviews, linked] = [await listIndicators(tx, pact!.id, activity.id), await listReviews(tx, pact!.id, activity.id), await links(ctx, activity)];
  c.status(status);
  return c.render(
    <ReviewFormPage pact={pact!} activity={activity} indicators={indicators} reviews={reviews} {...linked} state={state} />,
    { title: c.get('t')('review.form.title', { title: activity.title }) },
  );
}

async function renderCarryOver(ctx: RouteContext<ActivityParams>, activity: ActivityRow, status: 200 | 400 | 403 | 409, state: FormState = {}, period?: CarryOverPeriod) {
  const { c, tx, pact } = ctx;
  const [situation, linked] = [await carryOverSituation(tx, pact!.id, activity), await links(ctx, activity)];
  c.status(status);
  return c.render(
    <CarryOverPage pact={pact!} activity={activity} {...linked} refusal={situation.refusal} period={period ?? defaultPeriod(activity.year + 1)} state={state} />,
    { title: c.get('t')('review.carry.title', { title: activity.title, year: activity.year + 1 }) },
  );
}

async function loadYear(ctx: RouteContext<YearParams>): Promise<YearRow> {
  const year = await findYear(ctx.tx, ctx.pact!.id, Number(ctx.params.year));
  if (!year) throw new HttpError(404);
  return year;
}

function filtersOf(ctx: RouteContext<YearParams>): OverviewFilters {
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
    (f.status === '' || a.status === (f.status as ActivityStatus)));
}

function uniqueBy<T, K>(items: T[], key: (t: T) => K): T[] {
  const seen = new Set<K>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
}

export const reviewRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/activities/:activity/review',
    permission: 'organisation:edit',
    params: activityParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderReview(ctx, await loadActivity(ctx), 200),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/activities/:activity/review',
    permission: 'organisation:edit',
    params: activityParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const activity = await loadActivity(ctx);
      const indicators = await listIndicators(tx, pact!.id, activity.id);
      const parsed = parseReviewForm(form!, indicators.map((i) => i.id));
      if (ctx.csrfRejected) return renderReview(ctx, activity, 403, { values: parsed.values, formError: 'form.error.csrf' });
      if (activity.withdrawn) return renderReview(ctx, activity, 409, { values: parsed.values });
      if (!parsed.ok) return renderReview(ctx, activity, 400, parsed);
      await reviewActivity(tx, {
        pactId: pact!.id, activityId: activity.id, previousStatus: activity.status, personId: personOf(ctx), now: services.clock.now(), review: parsed.value,
      }, audit);
      flash('review.saved');
      return c.redirect(`/p/${pact!.slug}/organisations/${activity.organisation_id}/activities/${activity.id}/review`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/organisations/:org/activities/:activity/carry-over',
    permission: 'organisation:edit',
    params: activityParams,
    resource: (p) => ({ organisationId: p.org }),
    handler: async (ctx) => renderCarryOver(ctx, await loadActivity(ctx), 200),
  }),
  defineRoute({
    method: 'POST',
    path: '/p/:pact/organisations/:org/activities/:activity/carry-over',
    permission: 'organisation:edit',
    params: activityParams,
    resource: (p) => ({ organisationId: p.org }),
    csrf: 'rerender',
    handler: async (ctx) => {
      const { c, tx, pact, form, services, audit, flash } = ctx;
      const activity = await loadActivity(ctx);
      const parsed = parseCarryOverForm(form!, activity.year + 1);
      const period = parsed.ok ? parsed.value : undefined;
      if (ctx.csrfRejected) return renderCarryOver(ctx, activity, 403, { values: parsed.values, formError: 'form.error.csrf' }, period);
      // Refusals (done, carried already, next year not open) first: no period makes them right.
      const { refusal } = await carryOverSituation(tx, pact!.id, activity);
      if (refusal) return renderCarryOver(ctx, activity, 409, { values: parsed.values }, period);
      if (!parsed.ok) return renderCarryOver(ctx, activity, 400, parsed);
      const result = await carryOverActivity(tx, { pactId: pact!.id, activity, period: parsed.value, personId: personOf(ctx), now: services.clock.now() }, audit);
      if (!result.ok) return renderCarryOver(ctx, activity, 409, { values: parsed.values }, period);
      flash('review.carried');
      return c.redirect(`/p/${pact!.slug}/organisations/${activity.organisation_id}/activities/${result.id}/review`, 303);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/review',
    permission: 'pact:read',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor, services } = ctx;
      const year = await loadYear(ctx);
      const all = await listYearActivities(tx, pact!.id, year.id);
      const filters = filtersOf(ctx);
      const now = services.clock.now();
      const entries = applyFilters(all, filters).map((activity) => ({
        activity,
        staleness: staleness({ updatedAt: activity.updated_at, reviewedAt: activity.reviewed_at }, year.year, now),
        canEdit: can(actor, 'organisation:edit', { pact, organisationId: activity.organisation_id }),
      }));
      const pillars = uniqueBy(all.map((a) => ({ id: a.pillar_id, title: a.pillar_title })), (p) => p.id);
      const organisations = uniqueBy(all.map((a) => ({ id: a.organisation_id, name: a.organisation_name })), (o) => o.id)
        .sort((a, b) => a.name.localeCompare(b.name));
      return c.render(
        <ReviewOverviewPage pact={pact!} year={year} entries={entries} total={all.length} pillars={pillars} organisations={organisations} filters={filters} />,
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
      const { c, tx, pact, services, audit } = ctx;
      const t = c.get('t');
      const year = await loadYear(ctx);
      const filters = filtersOf(ctx);
      const rows = applyFilters(await listYearActivities(tx, pact!.id, year.id), filters);
      const now = services.clock.now();
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
      return csvResponse(`${pact!.slug}-review-${year.year}.csv`, csv);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/agenda/:year/results',
    permission: 'public',
    params: yearParams,
    handler: async (ctx) => {
      const { c, tx, pact, actor, services } = ctx;
      const isMember = can(actor, 'pact:read', { pact });
      // Years are public once published; before that only members know they exist.
      const visible = (y: YearRow) => y.published || isMember;
      const years = (await listYears(tx, pact!.id)).filter(visible);
      const year = years.find((y) => y.year === Number(ctx.params.year));
      if (!year) throw new HttpError(404);
      const shown = new Set(years.map((y) => y.year));
      const [pillarRows, listed, indicators] = [
        await listPillars(tx, pact!.id), await listYearActivities(tx, pact!.id, year.id), await listYearIndicators(tx, pact!.id, year.id),
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
          indicators: (byActivity.get(a.id) ?? []).map((i) => ({ id: i.id, name: i.name, unit: i.unit, target: i.target, current: i.current, weight: i.weight })),
        })),
      );
      const now = services.clock.now();
      const entries = activities.map((activity) => ({ activity, staleness: staleness({ updatedAt: activity.updated_at, reviewedAt: activity.reviewed_at }, year.year, now) }));
      const previous = years.filter((y) => y.year < year.year).at(-1)?.year ?? null;
      const next = years.find((y) => y.year > year.year)?.year ?? null;
      const sortedByPartner = [...activities].sort((a, b) => a.organisation_name.localeCompare(b.organisation_name));
      return c.render(
        <ResultsPage
          pact={pact!} year={year} tree={tree} entries={entries} previous={previous} next={next} isMember={isMember}
          byPartner={countBy(sortedByPartner, (a) => a.organisation_name)}
          byPillar={countBy(activities, (a) => a.pillar_title)}
        />,
        { title: c.get('t')('review.results.title', { year: year.year }) },
      );
    },
  }),
];
