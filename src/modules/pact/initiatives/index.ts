// The pact's open umbrella: initiatives proposed by residents and groups (see README.md).
export { initiativeRoutes } from './routes.tsx';
export { removeUnconfirmedInitiatives } from './remove-unconfirmed-initiatives.ts';
