/**
 * Ends (deactivates) a membership: sets `ended_at` and records how and by whom in `membership_end`,
 * with the reason if one was given. The row stays and is listed under the ended memberships.
 * Checked under the pact's membership lock, like a change of role.
 */
import type { UseCaseContext } from '../../../access/use-case.ts';
import { checkMembershipChange, managingPerson, type MembershipChangeRefusal } from './membership-change.ts';
import { countAdministrators, endMembershipRow, insertMembershipEnd, lockMemberships, type MembershipRow } from './member-queries.ts';

export type EndMembershipOutcome = { ok: true } | { ok: false; reason: MembershipChangeRefusal | 'already-ended' };

export async function endMembership(
  ctx: UseCaseContext,
  input: { organisationId: string; membership: MembershipRow; reason: string },
): Promise<EndMembershipOutcome> {
  const { tx, pact, now } = ctx;
  const actor = managingPerson(ctx.actor);
  const { organisationId, membership, reason } = input;
  await lockMemberships(tx, pact.id);
  const refusal = checkMembershipChange({
    actor, organisationId, currentRole: membership.role, nextRole: null, counts: await countAdministrators(tx, pact.id, organisationId),
  });
  if (refusal) return { ok: false, reason: refusal };
  if (!(await endMembershipRow(tx, pact.id, membership.id, now))) return { ok: false, reason: 'already-ended' };
  await insertMembershipEnd(tx, { membershipId: membership.id, pactId: pact.id, kind: 'deactivated', reason, endedBy: actor.personId, now, successorId: null });
  // The reason is free text about a person: it stays in membership_end, out of the audit log.
  await ctx.audit({
    action: 'membership.end', recordType: 'membership', recordId: membership.id, subjectPersonId: membership.person_id,
    purpose: 'pact-administration', details: { organisation: organisationId, role: membership.role, withReason: reason !== '' },
  });
  return { ok: true };
}
