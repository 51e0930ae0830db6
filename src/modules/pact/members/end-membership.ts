/**
 * Ends (deactivates) a membership: sets `ended_at` and records how and by whom in `membership_end`,
 * with the reason if one was given. The row stays and is listed under the ended memberships.
 * Checked under the pact's membership lock, like a change of role.
 */
import type { RouteContext } from '../../../access/route.ts';
import type { Executor } from '../../../platform/db/database.ts';
import { checkMembershipChange, type MembershipChangeRefusal } from './membership-change.ts';
import { countAdministrators, endMembershipRow, insertMembershipEnd, lockMemberships, type MembershipChangeContext } from './member-queries.ts';

export type EndMembershipOutcome = { ok: true } | { ok: false; reason: MembershipChangeRefusal | 'already-ended' };

export async function endMembership(
  tx: Executor,
  input: MembershipChangeContext & { reason: string },
  audit: RouteContext['audit'],
): Promise<EndMembershipOutcome> {
  const { actor, pactId, organisationId, membership, reason, now } = input;
  await lockMemberships(tx, pactId);
  const refusal = checkMembershipChange({
    actor, organisationId, currentRole: membership.role, nextRole: null, counts: await countAdministrators(tx, pactId, organisationId),
  });
  if (refusal) return { ok: false, reason: refusal };
  if (!(await endMembershipRow(tx, pactId, membership.id, now))) return { ok: false, reason: 'already-ended' };
  await insertMembershipEnd(tx, { membershipId: membership.id, pactId, kind: 'deactivated', reason, endedBy: actor.personId, now, successorId: null });
  // The reason is free text about a person: it stays in membership_end, out of the audit log.
  await audit({
    action: 'membership.end', recordType: 'membership', recordId: membership.id, subjectPersonId: membership.person_id,
    purpose: 'pact-administration', details: { organisation: organisationId, role: membership.role, withReason: reason !== '' },
  });
  return { ok: true };
}
