// Members and teams of an organisation: roles, teams, ending memberships (history stays). Other
// parts of the pact module reach members only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { membersEn, membersNl } from './messages.ts';
import { memberRoutes } from './routes.tsx';

export const membersPart: Omit<ModuleManifest, 'name'> = {
  routes: memberRoutes,
  messages: { nl: membersNl, en: membersEn },
};
