// The one authorization policy: every route names a permission, and this table decides. Deny by
// default — a permission without a rule does not type-check, and a rule returns true only for the
// cases it names. System administrators run the installation; they do not see a pact's internal
// pages (and later, household data) unless they also hold a membership there.

export const roles = ['pact_coordinator', 'partner_admin', 'professional', 'volunteer', 'policy_reader'] as const;
export type Role = (typeof roles)[number];

export interface Membership {
  role: Role;
  organisationId: string | null;
  teamId: string | null;
}

export interface PactSummary {
  id: string;
  slug: string;
  name: string;
  municipality: string;
  jurisdiction: 'NL' | 'BE-VLG';
  status: 'active' | 'suspended';
  defaultLocale: 'nl' | 'en';
}

/** What a part of the platform offers through the API; a token's scopes name these. */
export const apiCapabilities = ['pact'] as const;
export type ApiCapability = (typeof apiCapabilities)[number];
/** A token's right on a capability: `pact:read`, or `pact:write` (which includes reading). */
export type ApiScope = `${ApiCapability}:${'read' | 'write'}`;

export type Actor =
  | { kind: 'anonymous' }
  | {
      /**
       * A partner system calling the API with an organisation's token. It acts for that
       * organisation, within the token's scopes, and never as a person: it holds no role.
       */
      kind: 'token';
      tokenId: string;
      organisationId: string;
      scopes: readonly ApiScope[];
    }
  | {
      /**
       * A member of a household, signed in to the household's own portal. Belongs to no
       * organisation and holds no role: sees only the records of their own household(s).
       */
      kind: 'resident';
      personId: string;
      sessionId: string;
      displayName: string;
      locale: 'nl' | 'en';
      /** The households this person is a member of, in the pact of this request. */
      householdIds: string[];
    }
  | {
      kind: 'person';
      personId: string;
      sessionId: string;
      displayName: string;
      isSystemAdmin: boolean;
      locale: 'nl' | 'en';
      /**
       * Where the session stands with the second factor. While it is `verify` or `enrol` the
       * person has only the password behind them: the pipeline gives them no memberships and no
       * administrator rights, and the policy lets them reach only public pages and the
       * second-factor step.
       */
      secondFactor: 'verified' | 'not-needed' | 'verify' | 'enrol';
      /** Active memberships in the pact of this request (none outside a pact). */
      memberships: Membership[];
    };

export const permissions = [
  'public',
  'account:self',
  'account:second-factor',
  'pact:read',
  'pact:manage',
  'organisation:read',
  'organisation:edit',
  'organisation:read-members',
  'membership:invite',
  'organisation:manage-members',
  'organisation:manage-api-tokens',
  'audit:read-pact',
  'record:read-network',
  'record:write-network',
  'system:admin',
] as const;
export type Permission = (typeof permissions)[number];

/**
 * Facts about the record a route works on, loaded in the request's transaction before the policy
 * runs (`RouteSpec.load`). The policy decides on these facts alone; it never queries.
 */
export interface RecordFacts {
  /** What kind of record, e.g. `household`, `referral`. */
  type: string;
  id: string;
  /** The organisation that owns the record (for example the case coordinator's), if any. */
  ownerOrganisationId?: string | null;
  /**
   * Who may see the record: its network. Organisations whose members in a working role take part,
   * persons named one by one, and the household the record is about (whose members see it in their
   * portal). Each share carries its recorded basis; a share without one is not in this list.
   */
  network?: {
    organisationIds: readonly string[];
    personIds: readonly string[];
    householdId?: string | null;
  };
}

export interface Resource {
  pact: PactSummary | null;
  organisationId?: string;
  record?: RecordFacts;
}

/**
 * What the policy answers: not yes or no, but on what ground access is given. The audit log
 * records the grant, so a read is logged under the membership that allowed it (NEN 7513: the
 * role in which the user acted), not under whichever membership the person happens to hold first.
 */
export type Grant =
  | { kind: 'public' }
  /** A signed-in person acting for themself: their own account, their own second factor. */
  | { kind: 'self' }
  | { kind: 'membership'; membership: Membership }
  | { kind: 'system-admin' }
  /** A resident reaching their own household's record. */
  | { kind: 'household'; householdId: string }
  /** An organisation's API token, within its scopes. */
  | { kind: 'token'; tokenId: string; organisationId: string; scope: ApiScope };

type Rule = (actor: Actor, resource: Resource) => Grant | null;

function memberships(actor: Actor, resource: Resource): Membership[] {
  if (actor.kind !== 'person' || !resource.pact || resource.pact.status !== 'active') return [];
  return actor.memberships;
}

/** The first membership that satisfies one of the tests, trying the tests in order (most specific first). */
function grantBy(actor: Actor, resource: Resource, ...tests: Array<(m: Membership) => boolean>): Grant | null {
  const held = memberships(actor, resource);
  for (const fits of tests) {
    const membership = held.find(fits);
    if (membership) return { kind: 'membership', membership };
  }
  return null;
}

const role = (r: Role, organisationId?: string) => (m: Membership) =>
  m.role === r && (organisationId === undefined || m.organisationId === organisationId);
const inOrganisation = (organisationId: string) => (m: Membership) => m.organisationId === organisationId;
const anyMembership = () => true;

/**
 * The pact's coordinator, or the organisation's own partner admin (preferred: the narrower grant).
 * The organisation is the path's, or else the owner of the loaded record; a record that no
 * organisation owns is the pact's own business, for its coordinators.
 */
const organisationAdmin: Rule = (a, r) => {
  const organisationId = r.organisationId ?? r.record?.ownerOrganisationId ?? undefined;
  if (organisationId !== undefined) return grantBy(a, r, role('partner_admin', organisationId), role('pact_coordinator'));
  return r.record ? grantBy(a, r, role('pact_coordinator')) : null;
};

/** Roles that work with households: they may be part of a record's network. Policy readers never are. */
const networkRoles: ReadonlySet<Role> = new Set(['pact_coordinator', 'partner_admin', 'professional', 'volunteer']);

function networkGrant(a: Actor, r: Resource, write: boolean): Grant | null {
  const network = r.record?.network;
  if (!network || !r.pact || r.pact.status !== 'active') return null;
  if (a.kind === 'resident') {
    return !write && network.householdId && a.householdIds.includes(network.householdId)
      ? { kind: 'household', householdId: network.householdId }
      : null;
  }
  if (a.kind !== 'person') return null;
  // Volunteers may read what their organisation shares with them, but not change it.
  const fits = (m: Membership) => networkRoles.has(m.role) && (!write || m.role !== 'volunteer');
  // A person named in the network, in any working role of this pact; then a working role in one of
  // the network's organisations. Being the pact's coordinator alone gives no access: need to know.
  if (network.personIds.includes(a.personId)) {
    const grant = grantBy(a, r, fits);
    if (grant) return grant;
  }
  return grantBy(a, r, ...network.organisationIds.map((o) => (m: Membership) => m.organisationId === o && fits(m)));
}

const isSignedIn = (a: Actor): boolean => a.kind === 'person' || a.kind === 'resident';

const rules: Record<Permission, Rule> = {
  public: (_a, r) => (r.pact === null || r.pact.status === 'active' ? { kind: 'public' } : null),
  'account:self': (a) => (isSignedIn(a) ? { kind: 'self' } : null),
  // The second-factor step: for a signed-in person, also (and above all) before the code is given.
  'account:second-factor': (a) => (a.kind === 'person' ? { kind: 'self' } : null),
  'pact:read': (a, r) => grantBy(a, r, anyMembership),
  'pact:manage': (a, r) => grantBy(a, r, role('pact_coordinator')),
  'organisation:read': (a, r) =>
    r.organisationId === undefined ? grantBy(a, r, anyMembership) : grantBy(a, r, inOrganisation(r.organisationId), anyMembership),
  'organisation:edit': organisationAdmin,
  // Who works where is personal data: the pact's coordinators and the organisation's own members see it.
  'organisation:read-members': (a, r) =>
    r.organisationId === undefined ? null : grantBy(a, r, inOrganisation(r.organisationId), role('pact_coordinator')),
  // Inviting people into an organisation: the pact's coordinators for any organisation, a partner
  // admin for their own. Which roles a partner admin may give is checked by the invitation use case.
  'membership:invite': organisationAdmin,
  // Roles, teams and ending memberships of an organisation, and its teams: the pact's coordinators
  // for any organisation, a partner admin for their own. Which memberships and roles a partner admin
  // may touch, and the last-admin rule, are checked by the use cases in src/modules/pact/members/.
  'organisation:manage-members': organisationAdmin,
  // An organisation's API tokens act for that organisation: only its own partner admins make and
  // revoke them (and a coordinator who is a member of it). The pact's coordinator does not make
  // tokens for other organisations.
  'organisation:manage-api-tokens': (a, r) =>
    r.organisationId === undefined
      ? null
      : grantBy(a, r, role('partner_admin', r.organisationId), (m) => m.role === 'pact_coordinator' && m.organisationId === r.organisationId),
  'audit:read-pact': (a, r) => grantBy(a, r, role('pact_coordinator')),
  // A record that only its network may see (a household, a referral, a signal): members in a working
  // role of an organisation in the network, persons named in it, and the household itself (read only).
  'record:read-network': (a, r) => networkGrant(a, r, false),
  'record:write-network': (a, r) => networkGrant(a, r, true),
  'system:admin': (a) => (a.kind === 'person' && a.isSystemAdmin ? { kind: 'system-admin' } : null),
};

/**
 * What an API token may do: the permissions a token can hold at all, and the scope each needs.
 * A permission not named here is refused to every token, whatever its scopes (deny by default);
 * public data needs no token, and a token may read it too.
 */
const tokenScopes: Partial<Record<Permission, ApiScope>> = {
  // Registering and changing the organisation's own records (activities on the agenda).
  'organisation:edit': 'pact:write',
};

/** The scope a token needs for the permission; null when no token can hold it (or, for `public`, needs none). */
export function tokenScopeFor(permission: Permission): ApiScope | null {
  return Object.hasOwn(tokenScopes, permission) ? (tokenScopes[permission] ?? null) : null;
}

function holdsScope(scopes: readonly ApiScope[], needed: ApiScope): boolean {
  if (scopes.includes(needed)) return true;
  const [capability, access] = needed.split(':') as [ApiCapability, 'read' | 'write'];
  return access === 'read' && scopes.includes(`${capability}:write`);
}

function tokenGrant(actor: Extract<Actor, { kind: 'token' }>, permission: Permission, resource: Resource): Grant | null {
  if (permission === 'public') return rules.public(actor, resource);
  const needed = Object.hasOwn(tokenScopes, permission) ? tokenScopes[permission] : undefined;
  if (!needed || !resource.pact || resource.pact.status !== 'active' || !holdsScope(actor.scopes, needed)) return null;
  // Only the token's own organisation: the one in the path, or the owner of the loaded record.
  const organisationId = resource.organisationId ?? resource.record?.ownerOrganisationId ?? undefined;
  if (organisationId !== actor.organisationId) return null;
  return { kind: 'token', tokenId: actor.tokenId, organisationId: actor.organisationId, scope: needed };
}

/** Whether, and on what ground, `actor` may use `permission` on `resource`; null when refused. */
export function authorize(actor: Actor, permission: Permission, resource: Resource): Grant | null {
  // Own keys only: 'constructor' or 'toString' would otherwise find Object.prototype and allow.
  const rule = Object.hasOwn(rules, permission) ? rules[permission] : undefined;
  if (!rule) return null;
  if (actor.kind === 'token') return tokenGrant(actor, permission, resource);
  if (awaitsSecondFactor(actor) && permission !== 'public' && permission !== 'account:second-factor') return null;
  const grant = rule(actor, resource);
  return grant && typeof grant === 'object' ? grant : null;
}

export function can(actor: Actor, permission: Permission, resource: Resource): boolean {
  return authorize(actor, permission, resource) !== null;
}

/** Signed in with the password only, while a second factor is still to be given (or set up). */
export function awaitsSecondFactor(actor: Actor): boolean {
  return actor.kind === 'person' && (actor.secondFactor === 'verify' || actor.secondFactor === 'enrol');
}

/** Who acted, in which organisation and role, for the audit log: taken from the grant that allowed it. */
export function auditActorFor(actor: Actor, grant: Grant): { personId: string | null; organisationId: string | null; role: string | null } {
  // A token is its organisation's, whatever the grant (public data too).
  if (actor.kind === 'token') return { personId: null, organisationId: actor.organisationId, role: 'api_token' };
  const personId = actor.kind === 'anonymous' ? null : actor.personId;
  switch (grant.kind) {
    case 'token':
      return { personId: null, organisationId: grant.organisationId, role: 'api_token' };
    case 'membership':
      return { personId, organisationId: grant.membership.organisationId, role: grant.membership.role };
    case 'system-admin':
      return { personId, organisationId: null, role: 'system_admin' };
    case 'household':
      return { personId, organisationId: null, role: 'resident' };
    case 'self':
    case 'public':
      return { personId, organisationId: null, role: actor.kind === 'resident' ? 'resident' : null };
  }
}

/** The organisations the actor may act for in this pact (for pages that offer a choice, such as stories). */
export function organisationsOf(actor: Actor): string[] {
  if (actor.kind !== 'person') return [];
  return [...new Set(actor.memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
}
