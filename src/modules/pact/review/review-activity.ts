import type { Tx } from '../../../platform/db/database.ts';
import type { AuditWriter } from '../../../platform/import/index.ts';
import type { ReviewValue } from './review.ts';
import { insertReview } from './review-queries.ts';

/**
 * Records a review of an activity: a new activity_review row with its indicator results (the
 * history), mirrored in activity.status/reviewed_at and indicator.current_value, in the request's
 * transaction, audit-logged. Allowed in open and locked years (locking stops registration, not
 * accounting for what was registered).
 */
export async function reviewActivity(
  tx: Tx,
  input: { pactId: string; activityId: string; previousStatus: string; personId: string | null; now: Date; review: ReviewValue },
  audit: AuditWriter,
): Promise<string> {
  const reviewId = await insertReview(tx, {
    pactId: input.pactId, activityId: input.activityId, status: input.review.status, story: input.review.story,
    personId: input.personId, now: input.now, results: input.review.results,
  });
  await audit({
    action: 'activity.review', recordType: 'activity', recordId: input.activityId, purpose: 'pact-administration',
    details: { reviewId, from: input.previousStatus, to: input.review.status, results: input.review.results.size },
  });
  return reviewId;
}
