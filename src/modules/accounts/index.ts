// Accounts: people, sessions, log-in and log-out, my account; and its sub-modules: the second factor,
// my sessions, password reset and invitations. Other modules and the host import from here only.
export {
  anonymousCookieName, csrfToken, csrfTokenMatches, hashToken, isSessionAlive, needsTouch, newToken,
  sessionCookieName, tokenPattern,
} from './session.ts';
export { deleteExpiredSessions, deleteSessionsOfPerson, insertSession, loadRequestContext, touchSession } from './session-queries.ts';
export { isPending, rolesNeedingSecondFactor, secondFactorState } from './second-factor-standing.ts';
export { demoTotpSecret, enrolWithKnownSecret, SECOND_FACTOR_PATH, totpCode } from './second-factor/index.ts';
export { findPersonByEmail, insertPerson } from './person-queries.ts';
export { passwords } from './passwords.ts';
export { safeNext } from './account-forms.ts';
export { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password-policy.ts';
export { deleteStaleFailureCounters } from './sign-in-throttle-queries.ts';
export { invitePactCoordinator, partnerAdminInvitableRoles, rolesInvitableBy } from './invitations/index.ts';
export { deleteOldResetTokens } from './password-reset/index.ts';

// The module's manifest, composed from its parts in route order: log-in, log-out and my account;
// the second factor; my sessions; password reset; invitations. The housekeeping jobs are
// installation-level, outside any pact.
import { composeModule } from '../../access/manifest.ts';
import { accountsEn, accountsNl } from './messages.ts';
import { accountRoutes } from './routes.tsx';
import { deleteExpiredSessions as purgeSessions } from './session-queries.ts';
import { deleteStaleFailureCounters as purgeFailures } from './sign-in-throttle-queries.ts';
import { secondFactorPart } from './second-factor/index.ts';
import { sessionsPart } from './sessions/index.ts';
import { passwordResetPart } from './password-reset/index.ts';
import { invitationsPart } from './invitations/index.ts';

export const manifest = composeModule('accounts', [
  {
    routes: accountRoutes,
    jobs: [
      {
        name: 'sessions-purge-expired',
        cron: '17 * * * *',
        // Removing ended sessions is housekeeping for the installation, outside any pact.
        run: async ({ services }) => {
          const removed = await services.db.transaction().execute((tx) =>
            purgeSessions(tx, services.clock.now(), services.session.idleMinutes));
          services.log.info({ removed }, 'expired sessions removed');
        },
      },
      {
        name: 'sign-in-failures-purge',
        cron: '23 * * * *',
        // Failure counters are installation-level: housekeeping outside any pact.
        run: async ({ services }) => {
          const removed = await services.db.transaction().execute((tx) => purgeFailures(tx, services.clock.now()));
          if (removed > 0) services.log.info({ removed }, 'stale log-in failure counters removed');
        },
      },
    ],
    messages: { nl: accountsNl, en: accountsEn },
  },
  secondFactorPart,
  sessionsPart,
  passwordResetPart,
  invitationsPart,
]);
