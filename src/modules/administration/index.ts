// Administration: the installation's pages for the system administrator (the outbox, pacts and people).
export { administrationRoutes } from './routes.tsx';
