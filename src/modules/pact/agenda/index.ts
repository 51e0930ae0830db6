// The pact's agenda years, partners' activities and the compiled Lokale Sociale Agenda.
import type { RouteSpec } from '../../../access/route.ts';

export const agendaRoutes: RouteSpec[] = [];
