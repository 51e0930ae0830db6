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

export type Actor =
  | { kind: 'anonymous' }
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
  'audit:read-pact',
  'system:admin',
] as const;
export type Permission = (typeof permissions)[number];

export interface Resource {
  pact: PactSummary | null;
  organisationId?: string;
}

type Rule = (actor: Actor, resource: Resource) => boolean;

function memberships(actor: Actor, resource: Resource): Membership[] {
  if (actor.kind !== 'person' || !resource.pact || resource.pact.status !== 'active') return [];
  return actor.memberships;
}

function hasRole(actor: Actor, resource: Resource, role: Role, organisationId?: string): boolean {
  return memberships(actor, resource).some(
    (m) => m.role === role && (organisationId === undefined || m.organisationId === organisationId),
  );
}

const isCoordinator: Rule = (a, r) => hasRole(a, r, 'pact_coordinator');
const isPactMember: Rule = (a, r) => memberships(a, r).length > 0;

const rules: Record<Permission, Rule> = {
  public: (_a, r) => r.pact === null || r.pact.status === 'active',
  'account:self': (a) => a.kind === 'person',
  // The second-factor step: for a signed-in person, also (and above all) before the code is given.
  'account:second-factor': (a) => a.kind === 'person',
  'pact:read': isPactMember,
  'pact:manage': isCoordinator,
  'organisation:read': isPactMember,
  'organisation:edit': (a, r) =>
    r.organisationId !== undefined && (isCoordinator(a, r) || hasRole(a, r, 'partner_admin', r.organisationId)),
  // Who works where is personal data: the pact's coordinators and the organisation's own members see it.
  'organisation:read-members': (a, r) =>
    r.organisationId !== undefined &&
    (isCoordinator(a, r) || memberships(a, r).some((m) => m.organisationId === r.organisationId)),
  // Inviting people into an organisation: the pact's coordinators for any organisation, a partner
  // admin for their own. Which roles a partner admin may give is checked by the invitation use case.
  'membership:invite': (a, r) =>
    r.organisationId !== undefined && (isCoordinator(a, r) || hasRole(a, r, 'partner_admin', r.organisationId)),
  // Roles, teams and ending memberships of an organisation, and its teams: the pact's coordinators
  // for any organisation, a partner admin for their own. Which memberships and roles a partner admin
  // may touch, and the last-admin rule, are checked by the use cases in src/modules/pact/members/.
  'organisation:manage-members': (a, r) =>
    r.organisationId !== undefined && (isCoordinator(a, r) || hasRole(a, r, 'partner_admin', r.organisationId)),
  'audit:read-pact': isCoordinator,
  'system:admin': (a) => a.kind === 'person' && a.isSystemAdmin,
};

export function can(actor: Actor, permission: Permission, resource: Resource): boolean {
  // Own keys only: 'constructor' or 'toString' would otherwise find Object.prototype and allow.
  const rule = Object.hasOwn(rules, permission) ? rules[permission] : undefined;
  if (awaitsSecondFactor(actor) && permission !== 'public' && permission !== 'account:second-factor') return false;
  return rule ? rule(actor, resource) === true : false;
}

/** Signed in with the password only, while a second factor is still to be given (or set up). */
export function awaitsSecondFactor(actor: Actor): boolean {
  return actor.kind === 'person' && (actor.secondFactor === 'verify' || actor.secondFactor === 'enrol');
}

/** The organisation the actor acts for in this pact, for the audit log (the first one when several). */
export function actingOrganisation(actor: Actor): string | null {
  if (actor.kind !== 'person') return null;
  return actor.memberships.find((m) => m.organisationId)?.organisationId ?? null;
}

export function primaryRole(actor: Actor): string | null {
  if (actor.kind !== 'person') return null;
  if (actor.memberships[0]) return actor.memberships[0].role;
  return actor.isSystemAdmin ? 'system_admin' : null;
}
