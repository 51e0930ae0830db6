// The second factor: its pages (set-up, the code at sign-in, new recovery codes, the system
// administrator's reset), its tables and its rules. The rest of the accounts module and the host
// reach it only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { secondFactorEn, secondFactorNl } from './messages.ts';
import { secondFactorRoutes } from './routes.tsx';

export { SECOND_FACTOR_PATH } from './second-factor-pages.tsx';
export { enrolWithKnownSecret } from './enrol-second-factor.ts';
export { demoTotpSecret, totpCode } from './second-factor.ts';

export const secondFactorPart: Omit<ModuleManifest, 'name'> = {
  routes: secondFactorRoutes,
  messages: { nl: secondFactorNl, en: secondFactorEn },
};
