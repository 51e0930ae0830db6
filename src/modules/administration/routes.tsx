// The installation's administration pages for the system administrator: the outbox (every mail
// the installation queued, and one message's text), and the pacts and people pages
// (pact-routes.tsx, people-routes.tsx). Viewing mail is viewing personal
// data (addresses, names, links with tokens), so each view is written to the audit log, on the
// installation's own chain (pactId null).
import { z } from 'zod';
import { HttpError } from '../../access/http-error.ts';
import { defineRoute, type RouteSpec } from '../../access/route.ts';
import { findMail, listMail, listMailStatusChanges } from '../../platform/mail/index.ts';
import { findPersonByEmail } from '../accounts/index.ts';
import { OutboxMessagePage, OutboxPage } from './outbox-pages.tsx';
import { pactAdministrationRoutes } from './pact-routes.tsx';
import { peopleAdministrationRoutes } from './people-routes.tsx';

/** Messages on the list page, newest first. */
export const OUTBOX_LIMIT = 200;

const messageParams = z.object({ id: z.uuid() });

export const administrationRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/admin/outbox',
    permission: 'system:admin',
    // mail_message is an installation-level table that the application role cannot read at all
    // (no grant, row-level security forced without a policy): only a system transaction sees it.
    system: true,
    handler: async ({ c, tx, audit }) => {
      const rows = await listMail(tx, OUTBOX_LIMIT);
      await audit({ pactId: null, action: 'mail.list', recordType: 'mail_message', purpose: 'installation', details: { rows: rows.length } });
      return c.render(<OutboxPage rows={rows} limit={OUTBOX_LIMIT} />, { title: c.get('t')('outbox.title') });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/outbox/:id',
    permission: 'system:admin',
    params: messageParams,
    // The same installation-level table as the list: outside row-level security, system administrators only.
    system: true,
    handler: async ({ c, tx, params, audit }) => {
      const message = await findMail(tx, params.id);
      if (!message) throw new HttpError(404);
      const history = await listMailStatusChanges(tx, message.id);
      // When the recipient has an account, the entry names them, so they can see who read their mail.
      const recipient = await findPersonByEmail(tx, message.to_address);
      await audit({
        pactId: null,
        action: 'mail.read',
        recordType: 'mail_message',
        recordId: message.id,
        subjectPersonId: recipient?.id ?? null,
        purpose: 'installation',
        details: { purpose: message.purpose, status: message.status },
      });
      return c.render(<OutboxMessagePage message={message} history={history} />, { title: c.get('t')('outbox.message') });
    },
  }),
  ...pactAdministrationRoutes,
  ...peopleAdministrationRoutes,
];
