// What an invitation is, without I/O: how long its link works, which roles an inviter may give,
// and whether a stored invitation can still be used.
import { roles, type Actor, type Role } from '../../../access/policy.ts';

/** A link works this long: long enough for someone who reads mail once a week, short enough to go stale. */
export const INVITATION_DAYS = 7;

/** Roles a partner admin may give within their own organisation; a coordinator may give every role. */
export const partnerAdminInvitableRoles: readonly Role[] = ['professional', 'volunteer', 'partner_admin'];

/**
 * The roles this actor may give in this organisation (the policy has already said that the actor
 * may invite there at all). A coordinator may also make someone coordinator; a partner admin may not
 * hand out more than they have.
 */
export function rolesInvitableBy(actor: Actor, organisationId: string): readonly Role[] {
  if (actor.kind !== 'person') return [];
  if (actor.memberships.some((m) => m.role === 'pact_coordinator')) return roles;
  if (actor.memberships.some((m) => m.role === 'partner_admin' && m.organisationId === organisationId)) return partnerAdminInvitableRoles;
  return [];
}

export function expiresAt(now: Date): Date {
  return new Date(now.getTime() + INVITATION_DAYS * 24 * 60 * 60_000);
}

export type InvitationState = 'open' | 'expired' | 'accepted' | 'revoked';

export function invitationState(i: { accepted_at: Date | null; revoked_at: Date | null; expires_at: Date }, now: Date): InvitationState {
  if (i.accepted_at) return 'accepted';
  if (i.revoked_at) return 'revoked';
  return i.expires_at.getTime() > now.getTime() ? 'open' : 'expired';
}
