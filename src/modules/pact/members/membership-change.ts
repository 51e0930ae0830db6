// What may happen to a membership, without I/O: which memberships an actor may touch, which roles
// they may give (the invitation rule, reused), and that an organisation keeps a partner admin and a
// pact a coordinator.
import type { Actor, Role } from '../../../access/policy.ts';
import { rolesInvitableBy } from '../../accounts/index.ts';

export type MembershipEndKind = 'deactivated' | 'role-changed' | 'team-changed';

export type MembershipChangeRefusal =
  /** The membership holds a role the actor could not give (a partner admin and a coordinator's row). */
  | 'not-manageable'
  /** The new role is one the actor may not give. */
  | 'role-not-allowed'
  /** A partner admin would leave the organisation without a partner admin. */
  | 'last-partner-admin'
  /** The pact would be left without a coordinator. */
  | 'last-coordinator';

/** The roles this actor may give in this organisation: the same rule as for invitations. */
export function rolesGivableBy(actor: Actor, organisationId: string): readonly Role[] {
  return rolesInvitableBy(actor, organisationId);
}

/** Who changes a membership: always a person, since only people hold `organisation:manage-members`. */
export function managingPerson(actor: Actor): Extract<Actor, { kind: 'person' }> {
  if (actor.kind !== 'person') throw new Error('organisation:manage-members admits only people');
  return actor;
}

export function isCoordinator(actor: Actor): boolean {
  return actor.kind === 'person' && actor.memberships.some((m) => m.role === 'pact_coordinator');
}

/** Whether the actor may change or end a membership with this role (they could have given it). */
export function mayManage(actor: Actor, organisationId: string, currentRole: Role): boolean {
  return rolesGivableBy(actor, organisationId).includes(currentRole);
}

/**
 * Checks a change of role (the next role, possibly the same) or an end (`next` null) of a current
 * membership. `counts` are the active partner admins of the organisation and coordinators of the
 * pact, read under the pact's membership lock. A coordinator may leave an organisation without a
 * partner admin (they manage it meanwhile); a partner admin may not — not another admin, not
 * themselves.
 */
export function checkMembershipChange(input: {
  actor: Actor;
  organisationId: string;
  currentRole: Role;
  nextRole: Role | null;
  counts: { partnerAdmins: number; coordinators: number };
}): MembershipChangeRefusal | null {
  const { actor, organisationId, currentRole, nextRole, counts } = input;
  if (!mayManage(actor, organisationId, currentRole)) return 'not-manageable';
  if (nextRole !== null && nextRole !== currentRole && !rolesGivableBy(actor, organisationId).includes(nextRole)) return 'role-not-allowed';
  const losesRole = (role: Role) => currentRole === role && nextRole !== role;
  if (losesRole('pact_coordinator') && counts.coordinators <= 1) return 'last-coordinator';
  if (losesRole('partner_admin') && counts.partnerAdmins <= 1 && !isCoordinator(actor)) return 'last-partner-admin';
  return null;
}
