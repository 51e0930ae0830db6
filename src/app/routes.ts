// The route table: the only place that knows every module. The authorization matrix test reads it.
import type { AnyRoute } from '../access/route.ts';
import { accountRoutes, invitationRoutes, passwordResetRoutes } from '../modules/accounts/index.ts';
import { administrationRoutes } from '../modules/administration/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import { neighbourhoodRoutes, pactRoutes } from '../modules/pact/index.ts';
import { rootRoutes } from './root-routes.tsx';

export const allRoutes: AnyRoute[] = [...rootRoutes, ...accountRoutes, ...passwordResetRoutes, ...invitationRoutes, ...pactRoutes, ...neighbourhoodRoutes, ...auditRoutes, ...administrationRoutes];
