// The pact's November review, carry-over, progress per pillar and the pie of commitments (README.md).
// The review owns activity_review and indicator_result; it reads and changes the agenda's
// activities, indicators and years only through ../agenda/index.ts.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { reviewEn, reviewNl } from './messages.ts';
import { reviewRoutes } from './routes.tsx';

export const reviewPart: Omit<ModuleManifest, 'name'> = {
  routes: reviewRoutes,
  messages: { nl: reviewNl, en: reviewEn },
};
