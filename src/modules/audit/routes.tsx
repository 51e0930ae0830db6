// Reading the audit log: the pact coordinator's page (their pact's log) and the system
// administrator's search over the whole installation. Looking at the log is itself logged
// (NEN 7513), with the filter used (ids only: an e-mail address is replaced by the person's id).
import { defineRoute, type RouteContext, type RouteSpec, pactParams } from '../../access/route.ts';
import { csvResponse, toCsv } from '../../platform/csv/export.ts';
import type { FieldErrors } from '../../platform/forms.ts';
import type { FormState } from '../../ui/components.tsx';
import { findPersonByEmail } from '../accounts/index.ts';
import { AdminAuditPage, PactAuditPage, type AuditSearchView } from './audit-pages.tsx';
import { filterDetails, parseAuditFilter, type AuditCursor, type AuditFilter } from './audit-forms.ts';
import { exportAudit, listPactChoices, searchAudit, type AuditRow } from './audit-queries.ts';

/** Rows per page. */
export const AUDIT_PAGE_SIZE = 100;
/** Most rows in one export: beyond this, narrow the filter (the page says so). */
export const AUDIT_EXPORT_LIMIT = 100_000;

type Scope = { kind: 'pact' } | { kind: 'installation'; pacts: Array<{ id: string; name: string }> };

type Resolved =
  | { ok: true; filter: AuditFilter; older?: AuditCursor | undefined; newer?: AuditCursor | undefined; state: FormState }
  | { ok: false; state: FormState };

/**
 * Validates the query string and turns it into the filter the query runs. The person may be given
 * by e-mail address: it is looked up in `person` (in a pact request row-level security limits that
 * to the pact's members), and an unknown address is a message at the field, not an error page.
 */
async function resolveFilter(ctx: RouteContext, scope: Scope): Promise<Resolved> {
  const parsed = parseAuditFilter(new URL(ctx.c.req.url).searchParams);
  if (!parsed.ok) return { ok: false, state: parsed };
  const input = parsed.value;
  const errors: FieldErrors = {};
  let personId = input.person?.id;
  if (input.person?.email) {
    const person = await findPersonByEmail(ctx.tx, input.person.email);
    if (person) personId = person.id;
    else errors.person = { key: scope.kind === 'pact' ? 'auditSearch.error.unknownPersonInPact' : 'auditSearch.error.unknownPerson' };
  }
  let chain: string | undefined;
  if (scope.kind === 'installation' && input.pact) {
    if (input.pact === 'system' || scope.pacts.some((p) => p.id === input.pact)) chain = input.pact;
    else errors.pact = { key: 'form.error.choice' };
  }
  if (Object.keys(errors).length > 0) return { ok: false, state: { values: parsed.values, errors } };
  const filter: AuditFilter = {
    personId,
    recordType: input.recordType,
    recordId: input.recordId,
    organisationId: input.organisation,
    chain,
    from: input.from,
    to: input.to,
    action: input.action,
  };
  return { ok: true, filter, older: input.older, newer: input.newer, state: { values: parsed.values } };
}

function csvOf(rows: AuditRow[]): string {
  return toCsv(
    ['chain', 'seq', 'pact_id', 'occurred_at', 'actor_person_id', 'actor_organisation_id', 'actor_role', 'action', 'record_type', 'record_id', 'subject_person_id', 'purpose'],
    rows.map((r) => [r.chain, r.seq, r.pact_id, r.occurred_at, r.actor_person_id, r.actor_organisation_id, r.actor_role, r.action, r.record_type, r.record_id, r.subject_person_id, r.purpose]),
  );
}

/**
 * Shows the search page. With bad input: status 400, the form with the input kept and a message
 * per field, and no results (nothing of the log was read, so nothing is logged).
 */
async function searchPage(ctx: RouteContext, scope: Scope, base: string, action: string, pactId: string | null): Promise<Response> {
  const { c } = ctx;
  const pacts = scope.kind === 'installation' ? scope.pacts : undefined;
  const resolved = await resolveFilter(ctx, scope);
  let view: AuditSearchView;
  if (!resolved.ok) {
    c.status(400);
    view = { base, state: resolved.state, result: null, ...(pacts ? { pacts } : {}) };
  } else {
    const page = await searchAudit(ctx.tx, resolved.filter, { limit: AUDIT_PAGE_SIZE, older: resolved.older, newer: resolved.newer }, pactId);
    await ctx.audit({
      pactId,
      action,
      recordType: 'audit_log',
      subjectPersonId: resolved.filter.personId ?? null,
      purpose: 'accountability',
      details: { ...filterDetails(resolved.filter), rows: page.rows.length },
    });
    view = { base, state: resolved.state, result: { filter: resolved.filter, page, pageSize: AUDIT_PAGE_SIZE, exportLimit: AUDIT_EXPORT_LIMIT }, ...(pacts ? { pacts } : {}) };
  }
  const t = c.get('t');
  return scope.kind === 'installation'
    ? c.render(<AdminAuditPage view={view} />, { title: t('auditSearch.title') })
    : c.render(<PactAuditPage view={view} />, { title: t('audit.title') });
}

/** The export of the same filter; bad input shows the search page with its messages (400). */
async function searchExport(ctx: RouteContext, scope: Scope, base: string, pactId: string | null, fileName: string): Promise<Response> {
  const resolved = await resolveFilter(ctx, scope);
  if (!resolved.ok) {
    ctx.c.status(400);
    const pacts = scope.kind === 'installation' ? scope.pacts : undefined;
    const view: AuditSearchView = { base, state: resolved.state, result: null, ...(pacts ? { pacts } : {}) };
    const t = ctx.c.get('t');
    return scope.kind === 'installation'
      ? ctx.c.render(<AdminAuditPage view={view} />, { title: t('auditSearch.title') })
      : ctx.c.render(<PactAuditPage view={view} />, { title: t('audit.title') });
  }
  const { rows, capped } = await exportAudit(ctx.tx, resolved.filter, AUDIT_EXPORT_LIMIT, pactId);
  await ctx.audit({
    pactId,
    action: 'audit.export',
    recordType: 'audit_log',
    subjectPersonId: resolved.filter.personId ?? null,
    purpose: 'accountability',
    details: { ...filterDetails(resolved.filter), rows: rows.length, capped },
  });
  return csvResponse(fileName, csvOf(rows));
}

export const auditRoutes: RouteSpec[] = [
  defineRoute({
    method: 'GET',
    path: '/p/:pact/audit',
    permission: 'audit:read-pact',
    params: pactParams,
    handler: async (ctx) => searchPage(ctx, { kind: 'pact' }, `/p/${ctx.pact.slug}/audit`, 'audit.read', ctx.pact.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/p/:pact/audit.csv',
    permission: 'audit:read-pact',
    params: pactParams,
    handler: async (ctx) => searchExport(ctx, { kind: 'pact' }, `/p/${ctx.pact.slug}/audit`, ctx.pact.id, `${ctx.pact.slug}-audit.csv`),
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/audit',
    permission: 'system:admin',
    // The search spans every pact's chain and the installation's own chain ('system'), and shows the
    // names of people of any pact: row-level security, which shows one pact at a time, would hide
    // them. System administrators only; the search itself goes on the installation's chain.
    system: true,
    handler: async (ctx) => searchPage(ctx, { kind: 'installation', pacts: await listPactChoices(ctx.tx) }, '/admin/audit', 'audit.search', null),
  }),
  defineRoute({
    method: 'GET',
    path: '/admin/audit.csv',
    permission: 'system:admin',
    // The export of the same search: across all chains, outside row-level security, as above.
    system: true,
    handler: async (ctx) => searchExport(ctx, { kind: 'installation', pacts: await listPactChoices(ctx.tx) }, '/admin/audit', null, 'schakelpunt-audit.csv'),
  }),
];
