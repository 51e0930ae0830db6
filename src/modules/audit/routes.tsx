// The pact's audit log for its coordinators. Looking at the log is itself logged (NEN 7513).
import { z } from 'zod';
import { defineRoute, type RouteSpec, pactParams } from '../../access/route.ts';
import { csvResponse, toCsv } from '../../platform/csv/export.ts';
import { parseForm } from '../../platform/forms.ts';
import { PactAuditPage } from './audit-pages.tsx';
import { listPactAudit } from './audit-queries.ts';

const isoDate = z
  .string()
  .trim()
  .max(10)
  .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`))), 'form.error.date')
  .transform((v) => v || undefined);
export const auditFilterForm = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  action: z
    .string()
    .trim()
    .max(80)
    .regex(/^[a-z.-]*$/, 'form.error.format')
    .transform((v) => v || undefined)
    .optional(),
});

function queryOf(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

export const auditRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/audit',
    permission: 'audit:read-pact',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const search = queryOf(c.req.url);
      const parsed = parseForm(auditFilterForm, search);
      const filter = parsed.ok ? parsed.value : {};
      const rows = await listPactAudit(tx, filter, 200);
      await audit({ action: 'audit.read', recordType: 'audit_log', purpose: 'accountability', details: { rows: rows.length } });
      if (!parsed.ok) c.status(400);
      const query = search.size ? `?${search.toString()}` : '';
      return c.render(<PactAuditPage slug={pact!.slug} rows={rows} state={parsed.ok ? { values: parsed.values } : parsed} query={query} />, {
        title: c.get('t')('audit.title'),
      });
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/audit.csv',
    permission: 'audit:read-pact',
    params: pactParams,
    handler: async ({ c, tx, pact, audit }) => {
      const parsed = parseForm(auditFilterForm, queryOf(c.req.url));
      const rows = await listPactAudit(tx, parsed.ok ? parsed.value : {}, 100_000);
      await audit({ action: 'audit.export', recordType: 'audit_log', purpose: 'accountability', details: { rows: rows.length } });
      const csv = toCsv(
        ['seq', 'occurred_at', 'actor_person_id', 'actor_role', 'action', 'record_type', 'record_id', 'purpose'],
        rows.map((r) => [r.seq, r.occurred_at, r.actor_person_id, r.actor_role, r.action, r.record_type, r.record_id, r.purpose]),
      );
      return csvResponse(`${pact!.slug}-audit.csv`, csv);
    },
  }),
];
