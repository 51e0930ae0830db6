// Pillars (or paths): the coordinator's pages, the public API's list and the templates from the
// source documents.
// Other parts of the pact module reach pillars only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { pillarsEn, pillarsNl } from './messages.ts';
import { pillarApiRoutes } from './api.ts';
import { pillarRoutes } from './routes.tsx';

export { pillarTemplates, pillarTemplate, type PillarTemplate } from './templates.ts';

export const pillarsPart: Omit<ModuleManifest, 'name'> = {
  routes: [...pillarRoutes, ...pillarApiRoutes],
  messages: { nl: pillarsNl, en: pillarsEn },
};
