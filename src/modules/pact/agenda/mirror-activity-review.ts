import type { UseCaseContext } from '../../../access/use-case.ts';
import type { ActivityStatus } from './activity.ts';
import { setActivityReviewStatus, setIndicatorCurrentValue } from './agenda-queries.ts';

/**
 * Mirrors a review into the activity (ADR 0020): its status and reviewed_at, and each indicator
 * result given as the indicator's current value, in the review's transaction. The review area
 * keeps the review itself (activity_review, indicator_result) and calls this right after.
 */
export async function mirrorActivityReview(
  ctx: UseCaseContext,
  activityId: string,
  review: { status: Exclude<ActivityStatus, 'planned'>; results: ReadonlyMap<string, number> },
): Promise<void> {
  for (const [indicatorId, value] of review.results) {
    await setIndicatorCurrentValue(ctx.tx, ctx.pact.id, activityId, indicatorId, value);
  }
  await setActivityReviewStatus(ctx.tx, ctx.pact.id, activityId, review.status, ctx.now);
}
