// Pact: the coalition's base — pacts, organisations, teams, neighbourhoods — and its shell pages.
export { pactRoutes } from './routes.tsx';
export { memberRoutes } from './members/index.ts';
export { listPacts } from './pact-queries.ts';
export { organisationKinds, type OrganisationKind } from './organisation.ts';
export { neighbourhoodRoutes, importNeighbourhoodsFromFile, describeImportProgress, describeImportResult, type CliImportResult } from './neighbourhoods/index.ts';
export { partnerRoutes } from './partners/index.ts';
export { initiativeRoutes, removeUnconfirmedInitiatives } from './initiatives/index.ts';
export { agendaRoutes } from './agenda/index.ts';
export { reviewRoutes } from './review/index.ts';
export { meetingRoutes } from './meetings/index.ts';
export { storyRoutes } from './stories/index.ts';
export { pillarTemplates, pillarTemplate, type PillarTemplate } from './pillars/templates.ts';
