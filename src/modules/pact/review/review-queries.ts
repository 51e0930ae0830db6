// Queries of the November review: one activity with its indicators and reviews, the activities
// of a year for the overview and the results page, carry-over. Every query names the pact;
// row-level security limits every query to the pact of the request as well.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ActivityStatus } from './results-tree.ts';
import type { ReviewStatus } from './review.ts';

export interface YearRow {
  id: string;
  year: number;
  status: 'open' | 'locked';
  published: boolean;
}

export async function listYears(tx: Executor, pactId: string): Promise<YearRow[]> {
  const r = await sql<YearRow>`
    select id, year, status, published_at is not null as published from agenda_year where pact_id = ${pactId} order by year`.execute(tx);
  return r.rows;
}

export async function findYear(tx: Executor, pactId: string, year: number): Promise<YearRow | null> {
  const r = await sql<YearRow>`
    select id, year, status, published_at is not null as published from agenda_year where pact_id = ${pactId} and year = ${year}`.execute(tx);
  return r.rows[0] ?? null;
}

export interface ActivityRow {
  id: string;
  title: string;
  goal: string;
  description: string;
  responsible_name: string;
  starts_on: string;
  ends_on: string;
  weight: number;
  status: ActivityStatus;
  carried_from_id: string | null;
  withdrawn: boolean;
  reviewed_at: Date | null;
  updated_at: Date;
  organisation_id: string;
  organisation_name: string;
  pillar_id: string;
  pillar_title: string;
  pillar_archived: boolean;
  agenda_year_id: string;
  year: number;
  year_status: 'open' | 'locked';
}

/** One activity of one organisation of the pact; null when there is none (or it belongs to another organisation or pact). */
export async function findActivity(tx: Executor, pactId: string, activityId: string, organisationId: string): Promise<ActivityRow | null> {
  const r = await sql<ActivityRow>`
    select a.id, a.title, a.goal, a.description, a.responsible_name,
           to_char(a.starts_on, 'YYYY-MM-DD') as starts_on, to_char(a.ends_on, 'YYYY-MM-DD') as ends_on,
           a.weight::float8 as weight, a.status, a.carried_from_id, a.withdrawn_at is not null as withdrawn,
           a.reviewed_at, a.updated_at, a.organisation_id, o.name as organisation_name,
           a.pillar_id, p.title as pillar_title, p.archived_at is not null as pillar_archived,
           a.agenda_year_id, y.year, y.status as year_status
      from activity a
      join organisation o on o.id = a.organisation_id
      join pillar p on p.id = a.pillar_id
      join agenda_year y on y.id = a.agenda_year_id
     where a.id = ${activityId} and a.organisation_id = ${organisationId} and a.pact_id = ${pactId}`.execute(tx);
  return r.rows[0] ?? null;
}

export interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  target: number;
  current: number | null;
  weight: number;
}

export async function listIndicators(tx: Executor, pactId: string, activityId: string): Promise<IndicatorRow[]> {
  const r = await sql<IndicatorRow>`
    select id, name, unit, target_value::float8 as target, current_value::float8 as current, weight::float8 as weight
      from indicator where activity_id = ${activityId} and pact_id = ${pactId} order by position, name`.execute(tx);
  return r.rows;
}

export interface ReviewRow {
  id: string;
  status: ReviewStatus;
  story: string;
  reviewed_at: Date;
  results: Array<{ name: string; unit: string; value: number }>;
}

/** The reviews of an activity, newest first, with their results (two queries). */
export async function listReviews(tx: Executor, pactId: string, activityId: string): Promise<ReviewRow[]> {
  const reviews = await sql<Omit<ReviewRow, 'results'>>`
    select id::text as id, status, story, reviewed_at from activity_review
     where activity_id = ${activityId} and pact_id = ${pactId} order by id desc`.execute(tx);
  const results = await sql<{ review_id: string; name: string; unit: string; value: number }>`
    select r.activity_review_id::text as review_id, i.name, i.unit, r.value::float8 as value
      from indicator_result r join indicator i on i.id = r.indicator_id
      join activity_review v on v.id = r.activity_review_id
     where v.activity_id = ${activityId} and v.pact_id = ${pactId} order by i.position, i.name`.execute(tx);
  return reviews.rows.map((v) => ({ ...v, results: results.rows.filter((r) => r.review_id === v.id) }));
}

export async function insertReview(
  tx: Executor,
  input: { pactId: string; activityId: string; status: ReviewStatus; story: string; personId: string | null; now: Date; results: Map<string, number> },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into activity_review (pact_id, activity_id, status, story, reviewed_by, reviewed_at)
    values (${input.pactId}, ${input.activityId}, ${input.status}, ${input.story}, ${input.personId}, ${input.now})
    returning id::text as id`.execute(tx);
  const reviewId = r.rows[0]!.id;
  for (const [indicatorId, value] of input.results) {
    await sql`
      insert into indicator_result (activity_review_id, indicator_id, pact_id, value)
      values (${reviewId}::bigint, ${indicatorId}, ${input.pactId}, ${value})`.execute(tx);
    await sql`update indicator set current_value = ${value}
               where id = ${indicatorId} and activity_id = ${input.activityId} and pact_id = ${input.pactId}`.execute(tx);
  }
  await sql`update activity set status = ${input.status}, reviewed_at = ${input.now}
             where id = ${input.activityId} and pact_id = ${input.pactId}`.execute(tx);
  return reviewId;
}

export interface LinkedActivity {
  id: string;
  organisation_id: string;
  year: number;
}

/** The activity this one was carried into, if any. */
export async function findCarriedInto(tx: Executor, pactId: string, activityId: string): Promise<LinkedActivity | null> {
  const r = await sql<LinkedActivity>`
    select a.id, a.organisation_id, y.year from activity a join agenda_year y on y.id = a.agenda_year_id
     where a.carried_from_id = ${activityId} and a.pact_id = ${pactId}`.execute(tx);
  return r.rows[0] ?? null;
}

export async function findActivityLink(tx: Executor, pactId: string, activityId: string): Promise<LinkedActivity | null> {
  const r = await sql<LinkedActivity>`
    select a.id, a.organisation_id, y.year from activity a join agenda_year y on y.id = a.agenda_year_id
     where a.id = ${activityId} and a.pact_id = ${pactId}`.execute(tx);
  return r.rows[0] ?? null;
}

/**
 * Copies the activity into the next year with its partners and indicators (same targets, no
 * results yet). Returns null when it was carried over already: the unique constraint on
 * carried_from_id decides, also between two requests at the same moment.
 */
export async function insertCarriedActivity(
  tx: Executor,
  input: { pactId: string; activityId: string; nextYearId: string; startsOn: string; endsOn: string; personId: string | null; now: Date },
): Promise<string | null> {
  const r = await sql<{ id: string }>`
    insert into activity (pact_id, agenda_year_id, organisation_id, pillar_id, title, goal, description, responsible_name,
                          starts_on, ends_on, weight, carried_from_id, created_by, created_at, updated_at)
    select pact_id, ${input.nextYearId}, organisation_id, pillar_id, title, goal, description, responsible_name,
           ${input.startsOn}::date, ${input.endsOn}::date, weight, id, ${input.personId}, ${input.now}, ${input.now}
      from activity where id = ${input.activityId} and pact_id = ${input.pactId}
    on conflict (carried_from_id) do nothing
    returning id`.execute(tx);
  const id = r.rows[0]?.id;
  if (!id) return null;
  await sql`
    insert into activity_partner (activity_id, organisation_id, pact_id)
    select ${id}, organisation_id, pact_id from activity_partner where activity_id = ${input.activityId} and pact_id = ${input.pactId}`.execute(tx);
  await sql`
    insert into indicator (pact_id, activity_id, position, name, unit, target_value, weight, created_at)
    select pact_id, ${id}, position, name, unit, target_value, weight, ${input.now} from indicator
     where activity_id = ${input.activityId} and pact_id = ${input.pactId}`.execute(tx);
  return id;
}

export interface YearActivityRow {
  id: string;
  title: string;
  status: ActivityStatus;
  weight: number;
  reviewed_at: Date | null;
  updated_at: Date;
  organisation_id: string;
  organisation_name: string;
  pillar_id: string;
  pillar_title: string;
  carried_from: { id: string; organisation_id: string; year: number } | null;
  carried_into: { id: string; organisation_id: string; year: number } | null;
}

/** The activities of a year (not withdrawn), by pillar, partner and title, with their carry-over links. */
export async function listYearActivities(tx: Executor, pactId: string, yearId: string): Promise<YearActivityRow[]> {
  const r = await sql<Omit<YearActivityRow, 'carried_from' | 'carried_into'> & {
    from_id: string | null; from_org: string | null; from_year: number | null;
    into_id: string | null; into_org: string | null; into_year: number | null;
  }>`
    select a.id, a.title, a.status, a.weight::float8 as weight, a.reviewed_at, a.updated_at,
           a.organisation_id, o.name as organisation_name, a.pillar_id, p.title as pillar_title,
           f.id as from_id, f.organisation_id as from_org, fy.year as from_year,
           n.id as into_id, n.organisation_id as into_org, ny.year as into_year
      from activity a
      join organisation o on o.id = a.organisation_id
      join pillar p on p.id = a.pillar_id
      left join activity f on f.id = a.carried_from_id
      left join agenda_year fy on fy.id = f.agenda_year_id
      left join activity n on n.carried_from_id = a.id
      left join agenda_year ny on ny.id = n.agenda_year_id
     where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId} and a.withdrawn_at is null
     order by p.position, p.title, o.name, a.title, a.id`.execute(tx);
  return r.rows.map(({ from_id, from_org, from_year, into_id, into_org, into_year, ...a }) => ({
    ...a,
    carried_from: from_id ? { id: from_id, organisation_id: from_org!, year: from_year! } : null,
    carried_into: into_id ? { id: into_id, organisation_id: into_org!, year: into_year! } : null,
  }));
}

export interface YearIndicatorRow extends IndicatorRow {
  activity_id: string;
}

export async function listYearIndicators(tx: Executor, pactId: string, yearId: string): Promise<YearIndicatorRow[]> {
  const r = await sql<YearIndicatorRow>`
    select i.activity_id, i.id, i.name, i.unit, i.target_value::float8 as target, i.current_value::float8 as current, i.weight::float8 as weight
      from indicator i join activity a on a.id = i.activity_id
     where a.agenda_year_id = ${yearId} and a.pact_id = ${pactId} and a.withdrawn_at is null
     order by i.activity_id, i.position, i.name`.execute(tx);
  return r.rows;
}

export interface PillarRow {
  id: string;
  title: string;
  weight: number;
  archived: boolean;
}

export async function listPillars(tx: Executor, pactId: string): Promise<PillarRow[]> {
  const r = await sql<PillarRow>`
    select id, title, weight::float8 as weight, archived_at is not null as archived from pillar
     where pact_id = ${pactId} order by position, title`.execute(tx);
  return r.rows;
}
