import { actingPersonId, type UseCaseContext } from '../../../access/use-case.ts';
import { insertCarriedActivity } from './agenda-queries.ts';

/**
 * Copies an activity into another year of the pact (the review's carry-over): same organisation,
 * pillar, texts, weight, partners and indicator targets, the given period, linked back through
 * carried_from_id. Null when the activity was carried over already (also by a request at the same
 * moment). The caller checks whether it may be carried and writes the audit entry.
 */
export async function carryActivityInto(
  ctx: UseCaseContext,
  a: { activityId: string; yearId: string; startsOn: string; endsOn: string },
): Promise<string | null> {
  return insertCarriedActivity(ctx.tx, { pactId: ctx.pact.id, ...a, by: actingPersonId(ctx), now: ctx.now });
}
