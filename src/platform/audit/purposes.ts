// Why personal data is processed: the closed list of purposes an audit entry may name, each with
// its legal basis under the GDPR (AVG) art. 6(1). An entry can only name a purpose from this list
// (the type says so), so the log can always answer "on what ground was this done?".
//
// Sources: GDPR art. 6(1) and 9(2); shared domain facts "Privacy" points 1–2 (municipalities process
// under art. 6(1)(c)/(e) with the sector laws; non-government partners share household data on
// explicit, specific, withdrawable consent, art. 6(1)(a) with 9(2)(a)).

/** GDPR art. 6(1): (a) consent, (b) contract, (c) legal obligation, (e) public task, (f) legitimate interest. */
export type LegalBasis = 'consent' | 'contract' | 'legal-obligation' | 'public-task' | 'legitimate-interest';

export const auditPurposes = {
  /** A person's own account: their profile, sessions, language. The terms of use are the contract. */
  account: { basis: 'contract' },
  /** Log-in, second factor, throttling, resets of a second factor: keeping accounts secure. */
  security: { basis: 'legitimate-interest' },
  /** Resetting a forgotten password (part of the account). */
  'password-reset': { basis: 'contract' },
  /** Inviting someone into a pact and accepting the invitation. */
  invitation: { basis: 'legitimate-interest' },
  /** Running the pact: organisations, members, teams, neighbourhoods, agenda, meetings. */
  'pact-administration': { basis: 'legitimate-interest' },
  /** Reading the audit log itself: accountability of the controller (art. 5(2)). */
  accountability: { basis: 'legal-obligation' },
  /** A person's recorded consent (for a story): keeping proof of it, art. 7(1). */
  'consent-administration': { basis: 'legal-obligation' },
  /** A resident's proposal for an initiative, handled with their consent given on the form. */
  initiative: { basis: 'consent' },
  /** Coordinators moderating proposals and mailing the proposer: the proposer asked for it. */
  'initiative-handling': { basis: 'consent' },
  /** Work of the installation itself (demo data, command line, system administration). */
  installation: { basis: 'legitimate-interest' },
  /** Support for a household on the household's explicit consent (art. 6(1)(a), 9(2)(a)). */
  'household-support-consent': { basis: 'consent' },
  /** Support for a household under a statutory task (Wgs early warning, Participatiewet; art. 6(1)(e)). */
  'household-support-legal-task': { basis: 'public-task' },
} as const satisfies Record<string, { basis: LegalBasis }>;

export type AuditPurpose = keyof typeof auditPurposes;

export function isAuditPurpose(value: string): value is AuditPurpose {
  return Object.hasOwn(auditPurposes, value);
}

export function legalBasisOf(purpose: AuditPurpose): LegalBasis {
  return auditPurposes[purpose].basis;
}
