// Neighbourhoods of a pact: pages, the CSV importer and the command-line import.
export { neighbourhoodRoutes } from './routes.tsx';
export {
  describeImportProgress, describeImportResult, importNeighbourhoodsFromFile, type CliImportDeps, type CliImportResult,
} from './import-neighbourhoods-from-file.ts';
