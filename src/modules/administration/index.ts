// Administration: the installation's pages for the system administrator (for now the outbox).
export { administrationRoutes } from './routes.tsx';
