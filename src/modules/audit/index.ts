// Audit: reading the audit log (the log itself is written by src/platform/audit).
export { auditRoutes } from './routes.tsx';
