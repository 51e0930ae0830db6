// Password reset by e-mail link: the forgot form, the link's page, the installation-level table of
// links and its housekeeping job. The rest of the accounts module reaches it only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { passwordResetEn, passwordResetNl } from './messages.ts';
import { deleteOldResetTokens } from './reset-token-queries.ts';
import { passwordResetRoutes } from './routes.tsx';

export { deleteOldResetTokens } from './reset-token-queries.ts';

export const passwordResetPart: Omit<ModuleManifest, 'name'> = {
  routes: passwordResetRoutes,
  jobs: [
    {
      name: 'password-reset-links-purge',
      cron: '29 * * * *',
      run: async ({ services }) => {
        const removed = await services.db.transaction().execute((tx) => deleteOldResetTokens(tx, services.clock.now()));
        if (removed > 0) services.log.info({ removed }, 'old password reset links removed');
      },
    },
  ],
  messages: { nl: passwordResetNl, en: passwordResetEn },
};
