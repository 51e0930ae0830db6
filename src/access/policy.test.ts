// The policy as a table: who may do what, written out case by case so that a change to a rule shows
// up here as a changed expectation. The expectations are hand-written, not derived from the rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditActorFor, authorize, can, organisationsOf, permissions, type Actor, type Membership, type PactSummary, type Permission, type Resource } from './policy.ts';

const ORG_WELZIJN = '11111111-1111-4111-8111-111111111111';
const ORG_WOON = '22222222-2222-4222-8222-222222222222';
const HOUSEHOLD = '33333333-3333-4333-8333-333333333333';

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
  volunteerWelzijn: person([{ role: 'volunteer', organisationId: ORG_WELZIJN, teamId: null }]),
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
  // A member of household H1, signed in to the household's portal: no organisation, no role.
  resident: { kind: 'resident', personId: 'r', sessionId: 'rs', displayName: 'Bewoner', locale: 'nl', householdIds: [HOUSEHOLD] } as Actor,
  // API tokens of an organisation: they act for it, within their scopes, and hold no role.
  tokenWelzijnWrite: { kind: 'token', tokenId: 'k1', organisationId: ORG_WELZIJN, scopes: ['pact:write'] } as Actor,
  tokenWelzijnRead: { kind: 'token', tokenId: 'k2', organisationId: ORG_WELZIJN, scopes: ['pact:read'] } as Actor,
  tokenWoonWrite: { kind: 'token', tokenId: 'k3', organisationId: ORG_WOON, scopes: ['pact:write'] } as Actor,
} as const;
type ActorName = keyof typeof actors;

const inPact: Resource = { pact: activePact };
const welzijn: Resource = { pact: activePact, organisationId: ORG_WELZIJN };
const noPact: Resource = { pact: null };
// A household's record whose network is Welzijn (shared on a recorded basis), and the household itself.
const welzijnNetworkRecord: Resource = {
  pact: activePact, record: { type: 'household', id: HOUSEHOLD, network: { organisationIds: [ORG_WELZIJN], personIds: [], householdId: HOUSEHOLD } },
};
// A record shared with no organisation and another household: nobody but a named person would see it.
const closedRecord: Resource = {
  pact: activePact, record: { type: 'household', id: 'other', network: { organisationIds: [], personIds: [], householdId: 'other' } },
};
// An invitation into Welzijn, loaded before the policy (no organisation in the path), and one that no
// organisation owns (a coordinator invited into the pact).
const welzijnInvitation: Resource = { pact: activePact, record: { type: 'invitation', id: 'i1', ownerOrganisationId: ORG_WELZIJN } };
const pactInvitation: Resource = { pact: activePact, record: { type: 'invitation', id: 'i2', ownerOrganisationId: null } };

// [permission, resource label, resource, actors that are allowed]; every other actor is refused.
const table: Array<[Permission, string, Resource, ActorName[]]> = [
  ['public', 'outside a pact', noPact, Object.keys(actors) as ActorName[]],
  ['public', 'an active pact', inPact, Object.keys(actors) as ActorName[]],
  ['account:self', 'outside a pact', noPact, ['personWithoutMembership', 'systemAdmin', 'coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats', 'resident']],
  ['account:second-factor', 'outside a pact', noPact, ['personWithoutMembership', 'systemAdmin', 'coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats', 'coordinatorAwaitingCode', 'systemAdminAwaitingEnrolment']],
  ['pact:read', 'an active pact', inPact, ['coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats']],
  ['pact:read', 'outside a pact', noPact, []],
  ['pact:manage', 'an active pact', inPact, ['coordinator']],
  ['organisation:read', 'an active pact', inPact, ['coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWelzijn', 'volunteerWoon', 'policyReader', 'partnerAdminWoon', 'twoHats']],
  ['organisation:edit', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn', 'tokenWelzijnWrite']],
  ['organisation:edit', 'the pact without an organisation', inPact, []],
  ['organisation:read-members', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWelzijn', 'twoHats']],
  ['organisation:read-members', 'the pact without an organisation', inPact, []],
  ['membership:invite', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn']],
  ['membership:invite', 'the pact without an organisation', inPact, []],
  ['membership:invite', "a loaded invitation of Welzijn's", welzijnInvitation, ['coordinator', 'partnerAdminWelzijn']],
  ['membership:invite', 'a loaded invitation that no organisation owns', pactInvitation, ['coordinator']],
  // twoHats is a partner admin of De Linde and a professional of Welzijn: that does not make them Welzijn's admin.
  ['organisation:manage-members', 'Welzijn', welzijn, ['coordinator', 'partnerAdminWelzijn']],
  ['organisation:manage-members', 'the pact without an organisation', inPact, []],
  // An organisation's API tokens: its own partner admins only; the pact's coordinator (of no organisation) does not.
  ['organisation:manage-api-tokens', 'Welzijn', welzijn, ['partnerAdminWelzijn']],
  ['organisation:manage-api-tokens', 'the pact without an organisation', inPact, []],
  ['audit:read-pact', 'an active pact', inPact, ['coordinator']],
  // Need to know: the network's organisations in a working role and the household itself; the
  // pact's coordinator, a policy reader and other organisations are not in the network.
  ['record:read-network', 'a household record shared with Welzijn', welzijnNetworkRecord, ['partnerAdminWelzijn', 'professionalWelzijn', 'volunteerWelzijn', 'twoHats', 'resident']],
  ['record:read-network', 'a record shared with nobody', closedRecord, []],
  ['record:read-network', 'the pact without a record', inPact, []],
  // Writing: not volunteers, and not the household through the portal (it has its own forms).
  ['record:write-network', 'a household record shared with Welzijn', welzijnNetworkRecord, ['partnerAdminWelzijn', 'professionalWelzijn', 'twoHats']],
  ['record:write-network', 'a record shared with nobody', closedRecord, []],
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
  assert.deepEqual(auditActorFor(actors.systemAdmin, authorize(actors.systemAdmin, 'system:admin', noPact)!), { personId: 'p', organisationId: null, role: 'system_admin' });
});

test('the grant names the membership that allowed the access, and the audit log records that one', () => {
  // twoHats is partner admin of Woon and professional of Welzijn. Reading Welzijn's members is done
  // as Welzijn's professional, not under the first membership the person holds.
  const grant = authorize(actors.twoHats, 'organisation:read-members', welzijn);
  assert.deepEqual(grant, { kind: 'membership', membership: { role: 'professional', organisationId: ORG_WELZIJN, teamId: null } });
  assert.deepEqual(auditActorFor(actors.twoHats, grant!), { personId: 'p', organisationId: ORG_WELZIJN, role: 'professional' });
  // Editing Woon is done as Woon's partner admin.
  const edit = authorize(actors.twoHats, 'organisation:edit', { pact: activePact, organisationId: ORG_WOON });
  assert.deepEqual(auditActorFor(actors.twoHats, edit!), { personId: 'p', organisationId: ORG_WOON, role: 'partner_admin' });
  // In a household's network, as the Welzijn professional.
  const network = authorize(actors.twoHats, 'record:read-network', welzijnNetworkRecord);
  assert.deepEqual(auditActorFor(actors.twoHats, network!), { personId: 'p', organisationId: ORG_WELZIJN, role: 'professional' });
  // A coordinator who is also the organisation's partner admin edits it as its partner admin (the narrower grant).
  const both = person([{ role: 'pact_coordinator', organisationId: null, teamId: null }, { role: 'partner_admin', organisationId: ORG_WELZIJN, teamId: null }]);
  assert.deepEqual(auditActorFor(both, authorize(both, 'organisation:edit', welzijn)!), { personId: 'p', organisationId: ORG_WELZIJN, role: 'partner_admin' });
  // Public pages and one's own account are logged without an organisation or role.
  assert.deepEqual(auditActorFor(actors.coordinator, authorize(actors.coordinator, 'account:self', noPact)!), { personId: 'p', organisationId: null, role: null });
  assert.deepEqual(auditActorFor(actors.anonymous, authorize(actors.anonymous, 'public', inPact)!), { personId: null, organisationId: null, role: null });
  // A resident in their household's record.
  assert.deepEqual(auditActorFor(actors.resident, authorize(actors.resident, 'record:read-network', welzijnNetworkRecord)!), { personId: 'r', organisationId: null, role: 'resident' });
});

test('a person named in a network reaches the record in a working role of the pact, but not as a policy reader', () => {
  const named: Resource = { pact: activePact, record: { type: 'referral', id: 'x', network: { organisationIds: [], personIds: ['p'] } } };
  assert.equal(can(actors.volunteerWoon, 'record:read-network', named), true);
  assert.equal(can(actors.volunteerWoon, 'record:write-network', named), false);
  assert.equal(can(actors.professionalWelzijn, 'record:write-network', named), true);
  assert.equal(can(actors.policyReader, 'record:read-network', named), false);
  assert.equal(can(actors.personWithoutMembership, 'record:read-network', named), false);
  assert.equal(can(actors.systemAdmin, 'record:read-network', named), false);
});

test('a record of another pact state gives nothing: in a suspended pact the network is closed too', () => {
  const suspended: Resource = { ...welzijnNetworkRecord, pact: suspendedPact };
  for (const name of Object.keys(actors) as ActorName[]) {
    assert.equal(can(actors[name], 'record:read-network', suspended), false, name);
  }
});

test('the organisations an actor may act for are those of their memberships, once each', () => {
  assert.deepEqual(organisationsOf(actors.twoHats).sort(), [ORG_WELZIJN, ORG_WOON].sort());
  assert.deepEqual(organisationsOf(actors.coordinator), []);
  assert.deepEqual(organisationsOf(actors.resident), []);
});

test('a token acts for its organisation within its scopes, and the audit log names the organisation and the token role', () => {
  const grant = authorize(actors.tokenWelzijnWrite, 'organisation:edit', welzijn);
  assert.deepEqual(grant, { kind: 'token', tokenId: 'k1', organisationId: ORG_WELZIJN, scope: 'pact:write' });
  assert.deepEqual(auditActorFor(actors.tokenWelzijnWrite, grant!), { personId: null, organisationId: ORG_WELZIJN, role: 'api_token' });
  // A record of Welzijn (owned, not in the path) counts as Welzijn's; Woon's token is refused on it.
  assert.equal(can(actors.tokenWelzijnWrite, 'organisation:edit', welzijnInvitation), true);
  assert.equal(can(actors.tokenWoonWrite, 'organisation:edit', welzijnInvitation), false);
  // No role through a token: never the pact's management, its members or its audit log, whatever the scopes.
  for (const permission of ['pact:read', 'pact:manage', 'organisation:read-members', 'membership:invite', 'audit:read-pact', 'record:read-network', 'organisation:manage-api-tokens'] as const) {
    assert.equal(can(actors.tokenWelzijnWrite, permission, welzijn), false, permission);
  }
});
