// Accounts: people, sessions, log-in and log-out, my account. Other modules and the host import from here only.
export { accountRoutes } from './routes.tsx';
export { passwordResetRoutes } from './password-reset/routes.tsx';
export {
  anonymousCookieName, csrfToken, csrfTokenMatches, hashToken, isSessionAlive, needsTouch, newToken,
  sessionCookieName, tokenPattern,
} from './session.ts';
export { deleteExpiredSessions, insertSession, loadMemberships, loadRequestContext, touchSession } from './session-queries.ts';
export { findPersonByEmail, insertPerson } from './person-queries.ts';
export { passwords } from './passwords.ts';
export { safeNext } from './account-forms.ts';
export { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password-policy.ts';
export { deleteStaleFailureCounters } from './sign-in-throttle-queries.ts';
export { invitationRoutes } from './invitations/index.ts';
export { deleteOldResetTokens } from './password-reset/reset-token-queries.ts';
