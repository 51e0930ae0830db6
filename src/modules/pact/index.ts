// Pact: the coalition's base — pacts, organisations, teams, neighbourhoods — and its shell pages.
export { pactRoutes } from './routes.tsx';
export { memberRoutes } from './members/index.ts';
export { listPacts } from './pact-queries.ts';
export { organisationKinds, type OrganisationKind } from './organisation.ts';
export { neighbourhoodRoutes, importNeighbourhoodsFromFile, describeImportProgress, describeImportResult, type CliImportResult } from './neighbourhoods/index.ts';
