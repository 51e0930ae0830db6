// Neighbourhoods of a pact: pages, the CSV importer and the command-line import. Other parts of the
// pact module reach neighbourhoods only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { neighbourhoodsEn, neighbourhoodsNl } from './messages.ts';
import { neighbourhoodImporter } from './neighbourhood-import.ts';
import { neighbourhoodRoutes } from './routes.tsx';

export {
  describeImportProgress, describeImportResult, importNeighbourhoodsFromFile, type CliImportDeps, type CliImportResult,
} from './import-neighbourhoods-from-file.ts';

export const neighbourhoodsPart: Omit<ModuleManifest, 'name'> = {
  routes: neighbourhoodRoutes,
  importers: [neighbourhoodImporter],
  messages: { nl: neighbourhoodsNl, en: neighbourhoodsEn },
};
