// The authorization matrix's vocabulary: the kinds of person every route is tried as, the
// outcomes, and the rows that many routes share. Each module writes its own rows in its
// `access.matrix.ts` (src/modules/<module>/access.matrix.ts) with these; the matrix test in
// src/app/authorization-matrix.db.test.ts collects them and sends every route as every person.
export const personaNames = [
  'anonymous', 'systemAdmin', 'coordinator', 'partnerAdmin', 'professional', 'volunteer', 'policyReader',
  'otherOrganisationAdmin', 'otherPactCoordinator', 'twoPactMember',
] as const;
export type PersonaName = (typeof personaNames)[number];
export type Outcome = 'allow' | 'deny' | 'login';
export type Row = Record<PersonaName, Outcome>;

// twoPactMember: Lindewaard's second coordinator, who is also a professional in OCMW Hagedoorn. In
// Lindewaard they may do what a coordinator may do — and no more because of their membership in
// Hagedoorn (the samples are Lindewaard's; src/app/tenant-isolation.db.test.ts walks the routes with
// Hagedoorn's organisation under Lindewaard's address).

/** Everyone, signed in or not. */
export const everyone: Row = {
  anonymous: 'allow', systemAdmin: 'allow', coordinator: 'allow', partnerAdmin: 'allow', professional: 'allow',
  volunteer: 'allow', policyReader: 'allow', otherOrganisationAdmin: 'allow', otherPactCoordinator: 'allow', twoPactMember: 'allow',
};
/** Any signed-in person, whatever their memberships. */
export const signedIn: Row = { ...everyone, anonymous: 'login' };
/** Members of Lindewaard in any role; the system administrator and Hagedoorn's coordinator are not. */
export const lindewaardMembers: Row = {
  anonymous: 'login', systemAdmin: 'deny', coordinator: 'allow', partnerAdmin: 'allow', professional: 'allow',
  volunteer: 'allow', policyReader: 'allow', otherOrganisationAdmin: 'allow', otherPactCoordinator: 'deny', twoPactMember: 'allow',
};
/** Lindewaard's coordinators only. */
export const lindewaardCoordinator: Row = {
  anonymous: 'login', systemAdmin: 'deny', coordinator: 'allow', partnerAdmin: 'deny', professional: 'deny',
  volunteer: 'deny', policyReader: 'deny', otherOrganisationAdmin: 'deny', otherPactCoordinator: 'deny', twoPactMember: 'allow',
};
/** Editing Welzijn Lindewaard: the pact's coordinator and Welzijn's own partner admin, not De Linde's. */
export const welzijnEditors: Row = { ...lindewaardCoordinator, partnerAdmin: 'allow' };
/** An invitation link: anyone who holds it; a signed-in person other than the invitee is refused (the sample is for a new person). */
export const invitee: Row = {
  anonymous: 'allow', systemAdmin: 'deny', coordinator: 'deny', partnerAdmin: 'deny', professional: 'deny',
  volunteer: 'deny', policyReader: 'deny', otherOrganisationAdmin: 'deny', otherPactCoordinator: 'deny', twoPactMember: 'deny',
};
/** The installation's administrator only. */
export const systemAdministrator: Row = {
  anonymous: 'login', systemAdmin: 'allow', coordinator: 'deny', partnerAdmin: 'deny', professional: 'deny',
  volunteer: 'deny', policyReader: 'deny', otherOrganisationAdmin: 'deny', otherPactCoordinator: 'deny', twoPactMember: 'deny',
};

/** A module's rows: route key (`GET /p/:pact/…`) → who may use it. */
export type Matrix = Record<string, Row>;

// ── The API with tokens ──────────────────────────────────────────────────────────────────────
// Every API route is also sent with each kind of token (src/app/authorization-matrix.db.test.ts):
// none; Welzijn Lindewaard's with `pact:read` or `pact:write`; De Linde's with `pact:write`; a
// revoked and an expired one of Welzijn; and one of OCMW Hagedoorn, which is not known in Lindewaard.
export const tokenNames = ['none', 'welzijnRead', 'welzijnWrite', 'otherOrganisationWrite', 'revoked', 'expired', 'otherPact'] as const;
export type TokenName = (typeof tokenNames)[number];
export type TokenRow = Record<TokenName, Outcome>;

/** Public data: anyone without a token, any valid token; a bad token is a 401 all the same. */
export const publicWithAnyValidToken: TokenRow = {
  none: 'allow', welzijnRead: 'allow', welzijnWrite: 'allow', otherOrganisationWrite: 'allow', revoked: 'login', expired: 'login', otherPact: 'login',
};
/** A write of Welzijn's own records: only Welzijn's token with `pact:write`. */
export const welzijnWriteToken: TokenRow = {
  none: 'login', welzijnRead: 'deny', welzijnWrite: 'allow', otherOrganisationWrite: 'deny', revoked: 'login', expired: 'login', otherPact: 'login',
};

/** A module's token rows: API route key → who may use it with which token. */
export type TokenMatrix = Record<string, TokenRow>;
