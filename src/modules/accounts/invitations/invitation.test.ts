import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, Membership } from '../../../access/policy.ts';
import { expiresAt, invitationState, rolesInvitableBy } from './invitation.ts';

const WELZIJN = '11111111-1111-4111-8111-111111111111';
const WOON = '22222222-2222-4222-8222-222222222222';
const person = (memberships: Membership[]): Actor => ({
  kind: 'person', personId: 'p', sessionId: 's', displayName: 'Iemand', isSystemAdmin: false, locale: 'nl', secondFactor: 'verified', memberships,
});

test('a coordinator may give every role, a partner admin only professional, volunteer and partner admin in their own organisation', () => {
  assert.deepEqual([...rolesInvitableBy(person([{ role: 'pact_coordinator', organisationId: WOON, teamId: null }]), WELZIJN)].sort(),
    ['pact_coordinator', 'partner_admin', 'policy_reader', 'professional', 'volunteer']);
  const admin = person([{ role: 'partner_admin', organisationId: WELZIJN, teamId: null }]);
  assert.deepEqual([...rolesInvitableBy(admin, WELZIJN)].sort(), ['partner_admin', 'professional', 'volunteer']);
  assert.deepEqual(rolesInvitableBy(admin, WOON), []);
  assert.deepEqual(rolesInvitableBy(person([{ role: 'professional', organisationId: WELZIJN, teamId: null }]), WELZIJN), []);
  assert.deepEqual(rolesInvitableBy({ kind: 'anonymous' }, WELZIJN), []);
});

test('an invitation is open until exactly seven days after it was made, unless accepted or withdrawn', () => {
  const made = new Date('2026-11-23T10:00:00Z');
  const end = expiresAt(made);
  assert.equal(end.toISOString(), '2026-11-30T10:00:00.000Z');
  const open = { accepted_at: null, revoked_at: null, expires_at: end };
  assert.equal(invitationState(open, new Date(end.getTime() - 1)), 'open');
  assert.equal(invitationState(open, end), 'expired');
  assert.equal(invitationState({ ...open, accepted_at: made }, made), 'accepted');
  assert.equal(invitationState({ ...open, revoked_at: made }, made), 'revoked');
});
