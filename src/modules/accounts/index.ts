// Accounts: people, sessions, log-in and log-out, my account. Other modules and the host import from here only.
export {
  anonymousCookieName, csrfToken, csrfTokenMatches, hashToken, isSessionAlive, needsTouch, newToken,
  sessionCookieName, tokenPattern,
} from './session.ts';
export { deleteExpiredSessions, deleteSessionsOfPerson, insertSession, loadRequestContext, touchSession } from './session-queries.ts';
export { SECOND_FACTOR_PATH } from './second-factor/second-factor-pages.tsx';
export { enrolWithKnownSecret } from './second-factor/enrol-second-factor.ts';
export { demoTotpSecret, isPending, rolesNeedingSecondFactor, secondFactorState, totpCode } from './second-factor/second-factor.ts';
export { findPersonByEmail, insertPerson } from './person-queries.ts';
export { passwords } from './passwords.ts';
export { safeNext } from './account-forms.ts';
export { checkPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password-policy.ts';
export { deleteStaleFailureCounters } from './sign-in-throttle-queries.ts';
export { invitePactCoordinator, partnerAdminInvitableRoles, rolesInvitableBy } from './invitations/index.ts';
export { deleteOldResetTokens } from './password-reset/reset-token-queries.ts';

// The module's manifest: its routes and its housekeeping jobs (installation-level, outside any pact).
import { defineModule } from '../../access/manifest.ts';
import { accountRoutes as accountPageRoutes } from './routes.tsx';
import { passwordResetRoutes as resetRoutes } from './password-reset/routes.tsx';
import { secondFactorRoutes as factorRoutes } from './second-factor/routes.tsx';
import { sessionRoutes as mySessionRoutes } from './sessions/routes.tsx';
import { invitationRoutes as inviteRoutes } from './invitations/index.ts';
import { deleteExpiredSessions as purgeSessions } from './session-queries.ts';
import { deleteStaleFailureCounters as purgeFailures } from './sign-in-throttle-queries.ts';
import { deleteOldResetTokens as purgeResetTokens } from './password-reset/reset-token-queries.ts';

export const manifest = defineModule({
  name: 'accounts',
  routes: [...accountPageRoutes, ...factorRoutes, ...mySessionRoutes, ...resetRoutes, ...inviteRoutes],
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
    {
      name: 'password-reset-links-purge',
      cron: '29 * * * *',
      run: async ({ services }) => {
        const removed = await services.db.transaction().execute((tx) => purgeResetTokens(tx, services.clock.now()));
        if (removed > 0) services.log.info({ removed }, 'old password reset links removed');
      },
    },
  ],
});
