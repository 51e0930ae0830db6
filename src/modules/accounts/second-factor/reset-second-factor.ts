/**
 * A system administrator resets someone's second factor (phone and recovery codes lost): the
 * enrolment and the recovery codes go, every session of the person ends (whoever holds the phone or
 * a session must not keep access), the person is told by mail, and the reset is on the
 * installation's audit chain. Never one's own: another administrator has to check who is asking.
 */
import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { notifySecurityChange } from '../notify-security-change.ts';
import { deleteSessionsOfPerson } from '../session-queries.ts';
import { removeSecondFactor } from './second-factor-queries.ts';

export type ResetSecondFactorOutcome = { ok: true; removed: boolean } | { ok: false; reason: 'self' };

export async function resetSecondFactor(
  tx: Executor,
  input: { personId: string; by: string; now: Date },
  audit: RouteContext['audit'],
): Promise<ResetSecondFactorOutcome> {
  if (input.personId === input.by) return { ok: false, reason: 'self' };
  const removed = await removeSecondFactor(tx, input.personId);
  const ended = await deleteSessionsOfPerson(tx, input.personId);
  await notifySecurityChange(tx, input.personId, 'second-factor-reset', input.now);
  await audit({
    pactId: null, action: 'second-factor.reset', recordType: 'person', recordId: input.personId, subjectPersonId: input.personId,
    purpose: 'security', details: { removed, sessionsEnded: ended },
  });
  return { ok: true, removed };
}
