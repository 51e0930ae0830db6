// The route table: the installation's own routes and every module's, from their manifests
// (src/app/modules.ts), and the API's description of the API routes among them (the document and
// its reference page). The authorization matrix test reads it.
import type { AnyRoute } from '../access/route.ts';
import { apiDocumentRoute } from './api-document.ts';
import { apiDocsRoute } from './api-docs-page.tsx';
import { moduleRoutes } from './modules.ts';
import { rootRoutes } from './root-routes.tsx';

export const allRoutes: AnyRoute[] = [...rootRoutes, ...moduleRoutes];
allRoutes.push(apiDocumentRoute(() => allRoutes), apiDocsRoute(() => allRoutes));
