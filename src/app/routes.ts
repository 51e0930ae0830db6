// The route table: the only place that knows every module. The authorization matrix test reads it.
import type { AnyRoute } from '../access/route.ts';
import { accountRoutes, invitationRoutes, passwordResetRoutes, secondFactorRoutes, sessionRoutes } from '../modules/accounts/index.ts';
import { administrationRoutes } from '../modules/administration/index.ts';
import { auditRoutes } from '../modules/audit/index.ts';
import {
  agendaRoutes, initiativeRoutes, meetingRoutes, memberRoutes, neighbourhoodRoutes, pactRoutes, partnerRoutes, reviewRoutes, storyRoutes,
} from '../modules/pact/index.ts';
import { rootRoutes } from './root-routes.tsx';

export const allRoutes: AnyRoute[] = [...rootRoutes, ...accountRoutes, ...secondFactorRoutes, ...sessionRoutes, ...passwordResetRoutes, ...invitationRoutes, ...pactRoutes, ...memberRoutes, ...neighbourhoodRoutes,
  ...partnerRoutes, ...initiativeRoutes, ...agendaRoutes, ...reviewRoutes, ...meetingRoutes, ...storyRoutes,
  ...auditRoutes, ...administrationRoutes];
