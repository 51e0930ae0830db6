// The pact's agenda years, partners' activities and the compiled Lokale Sociale Agenda, with the
// public API's lists of published years and their activities (README.md).
// The agenda alone writes its tables (agenda_year, agenda_year_event, activity, activity_partner,
// indicator); other parts of the pact module read and change them only through this file.
import type { ModuleManifest } from '../../../access/manifest.ts';
import { agendaApiRoutes } from './api.ts';
import { agendaRegisterApiRoutes } from './api-register.ts';
import { agendaEn, agendaNl } from './messages.ts';
import { agendaRouteList } from './routes.tsx';

export { activityStatuses, type ActivityStatus } from './activity.ts';
export type { AgendaYearStatus } from './agenda-year-status.ts';
export {
  findActivity, findAgendaYear, findCarryLinks, listActivitiesForReview, listAgendaYearStates, listIndicators, listYearIndicators,
  type ActivityRow, type AgendaYearRow, type CarryLink, type IndicatorRow, type YearActivityRow, type YearIndicatorRow,
} from './agenda-queries.ts';
export { mirrorActivityReview } from './mirror-activity-review.ts';
export { carryActivityInto } from './carry-activity-into.ts';

export const agendaPart: Omit<ModuleManifest, 'name'> = {
  routes: [...agendaRouteList, ...agendaApiRoutes, ...agendaRegisterApiRoutes],
  navigation: [{ href: (p) => `/p/${p.slug}/agenda`, label: 'agenda.nav', permission: 'public', order: 30 }],
  messages: { nl: agendaNl, en: agendaEn },
};
