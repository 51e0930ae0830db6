// My sessions (*Waar ben ik ingelogd?*): the list of one's own sessions and signing out elsewhere or
// everywhere. The sessions themselves are the accounts module's (session-queries.ts).
import type { ModuleManifest } from '../../../access/manifest.ts';
import { sessionsEn, sessionsNl } from './messages.ts';
import { sessionRoutes } from './routes.tsx';

export const sessionsPart: Omit<ModuleManifest, 'name'> = {
  routes: sessionRoutes,
  messages: { nl: sessionsNl, en: sessionsEn },
};
