// The policy as a table: who may do what, written out case by case so that a change to a rule shows
// up here as a changed expectation. The expectations are hand-written, not derived from the rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actingOrganisation, can, permissions, primaryRole, type Actor, type Membership, type PactSummary, type Permission, type Resource } from './policy.ts';

const ORG_WELZIJN = '11111111-1111-4111-8111-111111111111';
const ORG_WOON = '22222222-2222-4222-8222-222222222222';

const activePact: PactSummary = {
  id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa', slug: 'lindewaard', name: 'Pact Samen Lindewaard', municipality: 'Lindewaard',
  jurisdiction: 'NL', status: 'active', defaultLocale: 'nl',
};
const suspendedPact: PactSummary = { ...activePact, status: 'suspended' };

function person(memberships: Membership[], isSystemAdmin = false, secondFactor: 'verified' | 'not-needed' | 'verify' | 'enrol' = 'verified'): Actor {
  return {
    kind: 'person', personId: 'p', sessionId: 's', displayName: 'Someone', isSystemAdmin, locale: 'nl', secondFactor, memberships,
  };
}

const actors = {
  anonymous: { kind: 'anonymous' } as Actor,
  personWithoutMembership: person([]),
  systemAdmin: person([], true),
  coordinator: person([{ role: 'pact_coordinator', organisationId: null, teamId: null }]),
  partnerAdminWelzijn: person([{ role: 'partner_admin', organisationId: ORG_WELZIJN, teamId: null }]),
  professionalWelzijn: person([{ role: 'professional', organisationId: ORG_WELZIJN, teamId: 't' }]),
  volunteerWoon: person([{ role: 'volunteer', organisationId: ORG_WOON, teamId: null }]),
  policyReader: person([{ role: 'policy_reader', organisationId: null, teamId: null }]),
  partnerAdminWoon: person([{ role: 'partner_admin', organisationId: ORG_WOON, teamId: null }]),
  // A partner admin of Woon who is also a professional at Welzijn: edits only Woon.
  twoHats: person([
    { role: 'partner_admin', organisationId: ORG_WOON, teamId: null },
    { role: 'professional', organisationId: ORG_WELZIJN, teamId: null },
  ]),
  // Signed in with the password only: the same memberships and rights count for nothing until the
  // second factor is given (or set up).
  coordinatorAwaitingCode: person([{ role: 'pact_coordinator', organisationId: null, teamId: null }], false, 'verify'),
  systemAdminAwaitingEnrolment: person([], true, 'enrol'),
} as const;
type ActorName = keyof typeof actors;

const inPact: Resource = { pact: activePact };
const welzijn: Resource = { pact: activePact, organisationId: ORG_WELZIJN };
const noPact: Resource = { pact: null };

// [permission, resource label, resource, actors that are allowed]; every other actor is refused.
const table: Array<[Permission, string, Resource, ActorName[]]> = [
  ['public', 'outside a pact', noPact, Object.keys(actors) as ActorName[]],
  ['public', 'an active pact', inPact, Object.keys(actors) as ActorName[]],
  ['account:self', 'outside a pact', noPact, ['personWithoutMembership', 'systemAdmin', 'coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats']],
  ['account:second-factor', 'outside a pact', noPact, ['personWithoutMembership', 'systemAdmin', 'coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats', 'coordinatorAwaitingCode', 'systemAdminAwaitingEnrolment']],
  ['pact:read', 'an active pact', inPact, ['coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats']],
  ['pact:read', 'outside a pact', noPact, []],
  ['pact:manage', 'an active pact', inPact, ['coordinator']],
  ['organisation:read', 'an active pact', inPact, ['coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats']],
  ['organisation:edit', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn']],
  ['organisation:edit', 'the pact without an organisation', inPact, []],
  ['organisation:read-members', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'twoHats']],
  ['organisation:read-members', 'the pact without an organisation', inPact, []],
  ['membership:invite', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn']],
  ['membership:invite', 'the pact without an organisation', inPact, []],
  // twoHats is a partner admin of De Linde and a professional of Welzijn: that does not make them Welzijn's admin.
  ['organisation:manage-members', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn']],
  ['organisation:manage-members', 'the pact without an organisation', inPact, []],
  ['audit:read-pact', 'an active pact', inPact, ['coordinator']],
  ['system:admin', 'outside a pact', noPact, ['systemAdmin']],
  ['system:admin', 'an active pact', inPact, ['systemAdmin']],
];

for (const [permission, label, resource, allowed] of table) {
  for (const name of Object.keys(actors) as ActorName[]) {
    const expected = allowed.includes(name);
    test(`${name} ${expected ? 'may' : 'may not'} use ${permission} in ${label}`, () => {
      assert.equal(can(actors[name], permission, resource), expected);
    });
  }
}

test('every permission appears in the table, so a new permission needs a written expectation', () => {
  const covered = new Set(table.map(([p]) => p));
  assert.deepEqual(permissions.filter((p) => !covered.has(p)), []);
});

test('in a suspended pact nobody may do anything pact-scoped, not even its coordinator', () => {
  const suspended: Resource = { pact: suspendedPact, organisationId: ORG_WELZIJN };
  for (const permission of ['public', 'pact:read', 'pact:manage', 'organisation:read', 'organisation:edit', 'organisation:read-members', 'membership:invite', 'organisation:manage-members', 'audit:read-pact'] as const) {
    for (const name of Object.keys(actors) as ActorName[]) {
      assert.equal(can(actors[name], permission, suspended), false, `${name} / ${permission}`);
    }
  }
  // The installation's own permissions do not depend on a pact's state.
  assert.equal(can(actors.coordinator, 'account:self', suspended), true);
  assert.equal(can(actors.systemAdmin, 'system:admin', suspended), true);
});

test('an unknown permission string is denied to everyone (deny by default)', () => {
  for (const unknown of ['organisation:delete', '', 'constructor', '__proto__', 'toString', 'PUBLIC']) {
    for (const name of Object.keys(actors) as ActorName[]) {
      assert.equal(can(actors[name], unknown as Permission, welzijn), false, `${name} / ${JSON.stringify(unknown)}`);
    }
  }
});

test('a system administrator without a membership is not a member of any pact', () => {
  assert.equal(can(actors.systemAdmin, 'pact:read', inPact), false);
  assert.equal(can(actors.systemAdmin, 'organisation:edit', welzijn), false);
  assert.equal(primaryRole(actors.systemAdmin), 'system_admin');
});

test('the audit log names the first organisation and role the actor acts for', () => {
  assert.equal(actingOrganisation(actors.twoHats), ORG_WOON);
  assert.equal(primaryRole(actors.twoHats), 'partner_admin');
  assert.equal(actingOrganisation(actors.policyReader), null);
  assert.equal(actingOrganisation(actors.anonymous), null);
  assert.equal(primaryRole(actors.anonymous), null);
});
