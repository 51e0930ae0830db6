// The pact's agenda years, partners' activities and the compiled Lokale Sociale Agenda.
import type { RouteSpec } from '../../../access/route.ts';
import { agendaRouteList } from './routes.tsx';

export const agendaRoutes: RouteSpec[] = agendaRouteList;
