// Members and teams of an organisation: roles, teams, ending memberships (history stays).
export { memberRoutes } from './routes.tsx';
