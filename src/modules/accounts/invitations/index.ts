// Invitations: a coordinator or partner admin invites someone by e-mail; the link lets them join.
export { invitationRoutes } from './routes.tsx';
export { partnerAdminInvitableRoles, rolesInvitableBy } from './invitation.ts';
export { invitePactCoordinator } from './invite-pact-coordinator.ts';
