// Invitations: a coordinator or partner admin invites someone by e-mail; the link lets them join.
export { invitationRoutes } from './routes.tsx';
