// Audit: reading the audit log (the log itself is written by src/platform/audit).

import { defineModule } from '../../access/manifest.ts';
import { auditEn, auditNl } from './messages.ts';
import { auditRoutes as routes } from './routes.tsx';

export const manifest = defineModule({
  name: 'audit',
  routes,
  navigation: [{ href: (p) => `/p/${p.slug}/audit`, label: 'nav.auditLog', permission: 'audit:read-pact', order: 95 }],
  messages: { nl: auditNl, en: auditEn },
});
