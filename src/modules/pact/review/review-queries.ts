// Queries of the November review on its own tables, activity_review and indicator_result
// (append-only), and the pillars the results page groups by. Activities, indicators and years are
// the agenda's: read and changed through ../agenda/index.ts. Every query names the pact;
// row-level security limits every query to the pact of the request as well.
import { sql } from 'kysely';
import type { Executor } from '../../../platform/db/database.ts';
import type { ReviewStatus } from './review.ts';

export interface ReviewRow {
  id: string;
  status: ReviewStatus;
  story: string;
  reviewed_at: Date;
  results: Array<{ name: string; unit: string; value: number }>;
}

/**
 * The reviews of an activity, newest first, with their results (two queries). A result is named
 * by its indicator, in the order of `indicators` (the activity's, from the agenda; an indicator
 * with a result is never removed).
 */
export async function listReviews(
  tx: Executor, pactId: string, activityId: string, indicators: ReadonlyArray<{ id: string; name: string; unit: string }>,
): Promise<ReviewRow[]> {
  const reviews = await sql<Omit<ReviewRow, 'results'>>`
    select id::text as id, status, story, reviewed_at from activity_review
     where activity_id = ${activityId} and pact_id = ${pactId} order by id desc`.execute(tx);
  const results = await sql<{ review_id: string; indicator_id: string; value: number }>`
    select r.activity_review_id::text as review_id, r.indicator_id, r.value::float8 as value
      from indicator_result r join activity_review v on v.id = r.activity_review_id
     where v.activity_id = ${activityId} and v.pact_id = ${pactId}`.execute(tx);
  const order = new Map(indicators.map((i, n) => [i.id, n]));
  const named = results.rows
    .filter((r) => order.has(r.indicator_id))
    .sort((a, b) => order.get(a.indicator_id)! - order.get(b.indicator_id)!)
    .map((r) => ({ review_id: r.review_id, indicator: indicators[order.get(r.indicator_id)!]!, value: r.value }));
  return reviews.rows.map((v) => ({
    ...v,
    results: named.filter((r) => r.review_id === v.id).map((r) => ({ name: r.indicator.name, unit: r.indicator.unit, value: r.value })),
  }));
}

/** Appends a review and its indicator results (the history); the agenda mirrors it on the activity. */
export async function insertReview(
  tx: Executor,
  input: { pactId: string; activityId: string; status: ReviewStatus; story: string; personId: string | null; now: Date; results: ReadonlyMap<string, number> },
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
  }
  return reviewId;
}

export interface PillarRow {
  id: string;
  title: string;
  weight: number;
  archived: boolean;
}

/** The pact's pillars with their weights, for the results tree (a read of the pillars' table). */
export async function listPillars(tx: Executor, pactId: string): Promise<PillarRow[]> {
  const r = await sql<PillarRow>`
    select id, title, weight::float8 as weight, archived_at is not null as archived from pillar
     where pact_id = ${pactId} order by position, title`.execute(tx);
  return r.rows;
}
