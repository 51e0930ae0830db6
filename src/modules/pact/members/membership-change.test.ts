import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor, Membership } from '../../../access/policy.ts';
import { checkMembershipChange } from './membership-change.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function person(memberships: Membership[]): Actor {
  return { kind: 'person', personId: 'p', sessionId: 's', displayName: 'Someone', isSystemAdmin: false, locale: 'nl', memberships } as Actor;
}
const coordinator = person([{ role: 'pact_coordinator', organisationId: null, teamId: null }]);
const partnerAdmin = person([{ role: 'partner_admin', organisationId: ORG, teamId: null }]);
const otherAdmin = person([{ role: 'partner_admin', organisationId: OTHER, teamId: null }]);
const plenty = { partnerAdmins: 3, coordinators: 2 };

test('a partner admin gives the roles of an invitation, not more, and only in their own organisation', () => {
  assert.equal(checkMembershipChange({ actor: partnerAdmin, organisationId: ORG, currentRole: 'professional', nextRole: 'volunteer', counts: plenty }), null);
  assert.equal(checkMembershipChange({ actor: partnerAdmin, organisationId: ORG, currentRole: 'professional', nextRole: 'pact_coordinator', counts: plenty }), 'role-not-allowed');
  assert.equal(checkMembershipChange({ actor: partnerAdmin, organisationId: ORG, currentRole: 'policy_reader', nextRole: 'volunteer', counts: plenty }), 'not-manageable');
  assert.equal(checkMembershipChange({ actor: otherAdmin, organisationId: ORG, currentRole: 'professional', nextRole: 'volunteer', counts: plenty }), 'not-manageable');
  assert.equal(checkMembershipChange({ actor: coordinator, organisationId: ORG, currentRole: 'professional', nextRole: 'pact_coordinator', counts: plenty }), null);
});

test('the last partner admin stays, unless a coordinator decides; the last coordinator always stays', () => {
  const one = { partnerAdmins: 1, coordinators: 1 };
  assert.equal(checkMembershipChange({ actor: partnerAdmin, organisationId: ORG, currentRole: 'partner_admin', nextRole: 'professional', counts: one }), 'last-partner-admin');
  assert.equal(checkMembershipChange({ actor: partnerAdmin, organisationId: ORG, currentRole: 'partner_admin', nextRole: null, counts: one }), 'last-partner-admin');
  // A new team keeps the role: allowed even for the last admin.
  assert.equal(checkMembershipChange({ actor: partnerAdmin, organisationId: ORG, currentRole: 'partner_admin', nextRole: 'partner_admin', counts: one }), null);
  assert.equal(checkMembershipChange({ actor: partnerAdmin, organisationId: ORG, currentRole: 'partner_admin', nextRole: null, counts: { ...one, partnerAdmins: 2 } }), null);
  assert.equal(checkMembershipChange({ actor: coordinator, organisationId: ORG, currentRole: 'partner_admin', nextRole: null, counts: one }), null);
  assert.equal(checkMembershipChange({ actor: coordinator, organisationId: ORG, currentRole: 'pact_coordinator', nextRole: null, counts: one }), 'last-coordinator');
  assert.equal(checkMembershipChange({ actor: coordinator, organisationId: ORG, currentRole: 'pact_coordinator', nextRole: null, counts: plenty }), null);
});
