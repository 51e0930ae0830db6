// Accounts: people, sessions, log-in and log-out, my account. Other modules and the host import from here only.
export { accountRoutes } from './routes.tsx';
export { passwordResetRoutes } from './password-reset/routes.tsx';
export {
  anonymousCookieName, csrfToken, csrfTokenMatches, hashToken, isSessionAlive, needsTouch, newToken,
  sessionCookieName, tokenPattern,
} from './session.ts';
export { deleteExpiredSessions, deleteSessionsOfPerson, insertSession, loadMemberships, loadRequestContext, touchSession } from './session-queries.ts';
export { secondFactorRoutes } from './second-factor/routes.tsx';
export { SECOND_FACTOR_PATH } from './second-factor/second-factor-pages.tsx';
export { enrolWithKnownSecret } from './second-factor/enrol-second-factor.ts';
export { demoTotpSecret, isPending, rolesNeedingSecondFactor, secondFactorState, totpCode } from './second-factor/second-factor.ts';
export { sessionRoutes } from './sessions/routes.tsx';
export { findPersonByEmail, insertPerson } from './person-queries.ts';
export { passwords } from './passwords.ts';
export { safeNext } from './account-forms.ts';
export { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password-policy.ts';
export { deleteStaleFailureCounters } from './sign-in-throttle-queries.ts';
export { invitationRoutes, invitePactCoordinator, partnerAdminInvitableRoles, rolesInvitableBy } from './invitations/index.ts';
export { deleteOldResetTokens } from './password-reset/reset-token-queries.ts';
