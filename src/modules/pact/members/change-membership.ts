/**
 * Gives a member another role or team. The current row is never updated: it is ended, a new row
 * with the new role and team starts, and `membership_end` links the two — so the member list keeps
 * who held which role when. Checked under the pact's membership lock: the roles the actor may give,
 * the last partner admin and coordinator, a role the person already holds, and a row someone else
 * changed first.
 */
import type { Role } from '../../../access/policy.ts';
import type { UseCaseContext } from '../../../access/use-case.ts';
import { checkMembershipChange, managingPerson, type MembershipChangeRefusal } from './membership-change.ts';
import {
  countAdministrators, endMembershipRow, holdsActiveRole, insertMembershipEnd, insertMembershipRow, lockMemberships, type MembershipRow,
} from './member-queries.ts';

export type ChangeMembershipOutcome =
  | { ok: true; membershipId: string; changed: boolean }
  | { ok: false; reason: MembershipChangeRefusal | 'already-holds-role' | 'already-ended' };

export async function changeMembership(
  ctx: UseCaseContext,
  input: {
    organisationId: string;
    membership: MembershipRow;
    role: Role;
    /** A team of this organisation (the caller checked), or null for none. */
    teamId: string | null;
  },
): Promise<ChangeMembershipOutcome> {
  const { tx, pact, now } = ctx;
  const actor = managingPerson(ctx.actor);
  const { organisationId, membership, role, teamId } = input;
  await lockMemberships(tx, pact.id);
  const refusal = checkMembershipChange({
    actor, organisationId, currentRole: membership.role, nextRole: role, counts: await countAdministrators(tx, pact.id, organisationId),
  });
  if (refusal) return { ok: false, reason: refusal };
  if (role === membership.role && teamId === membership.team_id) return { ok: true, membershipId: membership.id, changed: false };
  if (role !== membership.role && (await holdsActiveRole(tx, pact.id, membership.person_id, organisationId, role))) {
    return { ok: false, reason: 'already-holds-role' };
  }
  if (!(await endMembershipRow(tx, pact.id, membership.id, now))) return { ok: false, reason: 'already-ended' };
  const successorId = await insertMembershipRow(tx, { pactId: pact.id, personId: membership.person_id, organisationId, teamId, role, now });
  const kind = role !== membership.role ? 'role-changed' : 'team-changed';
  await insertMembershipEnd(tx, { membershipId: membership.id, pactId: pact.id, kind, reason: '', endedBy: actor.personId, now, successorId });
  await ctx.audit({
    action: kind === 'role-changed' ? 'membership.change-role' : 'membership.change-team',
    recordType: 'membership', recordId: membership.id, subjectPersonId: membership.person_id, purpose: 'pact-administration',
    details: { organisation: organisationId, successor: successorId, from: membership.role, role, team: teamId },
  });
  return { ok: true, membershipId: successorId, changed: true };
}
