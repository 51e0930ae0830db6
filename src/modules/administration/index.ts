// Administration: the installation's pages for the system administrator (the outbox, pacts and people).

import { defineModule } from '../../access/manifest.ts';
import { administrationEn, administrationNl } from './messages.ts';
import { administrationRoutes as routes } from './routes.tsx';

export const manifest = defineModule({ name: 'administration', routes, messages: { nl: administrationNl, en: administrationEn } });
