// The pact's November review, carry-over, progress per pillar and the pie of commitments (README.md).
export { reviewRoutes } from './routes.tsx';
