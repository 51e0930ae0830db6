// Invitations: a coordinator or partner admin invites someone by e-mail; the link lets them join.
// The rest of the accounts module, the pact module and administration reach it only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { invitationsEn, invitationsNl } from './messages.ts';
import { invitationRoutes } from './routes.tsx';

export { partnerAdminInvitableRoles, rolesInvitableBy } from './invitation.ts';
export { invitePactCoordinator } from './invite-pact-coordinator.ts';

export const invitationsPart: Omit<ModuleManifest, 'name'> = {
  routes: invitationRoutes,
  messages: { nl: invitationsNl, en: invitationsEn },
};
