// Pact: the coalition's base — pacts, organisations, teams, neighbourhoods — and its shell pages.
export { listPacts } from './pact-queries.ts';
export { organisationKinds, type OrganisationKind } from './organisation.ts';
export { importNeighbourhoodsFromFile, describeImportProgress, describeImportResult, type CliImportResult } from './neighbourhoods/index.ts';
export { pillarTemplates, pillarTemplate, type PillarTemplate } from './pillars/index.ts';

// The module's manifest, the sum of its sub-modules' parts: routes, navigation, jobs, messages and
// the demo data (docs/architecture.md, "Modules and their manifests").
import { composeModule } from '../../access/manifest.ts';
import { shellPart } from './shell.ts';
import { membersPart } from './members/index.ts';
import { neighbourhoodsPart } from './neighbourhoods/index.ts';
import { partnersPart } from './partners/index.ts';
import { pillarsPart } from './pillars/index.ts';
import { initiativesPart } from './initiatives/index.ts';
import { agendaPart } from './agenda/index.ts';
import { reviewPart } from './review/index.ts';
import { meetingsPart } from './meetings/index.ts';
import { storiesPart } from './stories/index.ts';

// The sub-modules in route order (a fixed path such as /pillars/template before /pillars/:pillar
// is kept inside each part).
export const manifest = composeModule('pact', [
  shellPart,
  membersPart,
  neighbourhoodsPart,
  partnersPart,
  pillarsPart,
  initiativesPart,
  agendaPart,
  reviewPart,
  meetingsPart,
  storiesPart,
]);
