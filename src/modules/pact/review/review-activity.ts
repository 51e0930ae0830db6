import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { mirrorActivityReview, type ActivityRow } from '../agenda/index.ts';
import type { ReviewValue } from './review.ts';
import { insertReview } from './review-queries.ts';

/**
 * Records a review of an activity: a new activity_review row with its indicator results (the
 * history), mirrored by the agenda in activity.status/reviewed_at and indicator.current_value, in
 * the request's transaction, audit-logged. Allowed in open and locked years (locking stops
 * registration, not accounting for what was registered).
 */
export async function reviewActivity(ctx: UseCaseContext, activity: ActivityRow, review: ReviewValue): Promise<string> {
  const reviewId = await insertReview(ctx.tx, {
    pactId: ctx.pact.id, activityId: activity.id, status: review.status, story: review.story,
    personId: actingPersonId(ctx), now: ctx.now, results: review.results,
  });
  await mirrorActivityReview(ctx, activity.id, { status: review.status, results: review.results });
  await ctx.audit({
    action: 'activity.review', recordType: 'activity', recordId: activity.id, purpose: 'pact-administration',
    details: { reviewId, from: activity.status, to: review.status, results: review.results.size },
  });
  return reviewId;
}
