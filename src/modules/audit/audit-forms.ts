// The audit-log search form, one schema for both pages: the system administrator's search over the
// whole installation (/admin/audit) and the pact coordinator's page (/p/:pact/audit). The pact page
// ignores `pact` (row-level security already limits it to its own pact). A GET form: the filter
// lives in the address, so a search can be bookmarked, paged and exported.
import { z } from 'zod';
import { optionalDateField, parseForm, type FormResult } from '../../platform/forms.ts';

/** Longest e-mail address a person can have (RFC 5321), and so the longest person field. */
const PERSON_MAX = 254;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const emailPattern = /^[^@\s<>]+@[^@\s<>]+$/;
/** The page cursor: `chain:seq` of the row to page from (a chain is a pact id or 'system'). */
const cursorPattern = /^(system|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(\d{1,15})$/;

const blankToUndefined = (v: string) => v || undefined;

const isoDate = optionalDateField().transform(blankToUndefined);

const person = z
  .string()
  .trim()
  .max(PERSON_MAX)
  .refine((v) => v === '' || uuidPattern.test(v) || emailPattern.test(v), 'auditSearch.error.person')
  .transform((v) => (v ? (uuidPattern.test(v) ? { id: v.toLowerCase() } : { email: v.toLowerCase() }) : undefined));

const uuidOrBlank = z
  .string()
  .trim()
  .max(36)
  .refine((v) => v === '' || uuidPattern.test(v), 'auditSearch.error.uuid')
  .transform((v) => (v ? v.toLowerCase() : undefined));

const cursor = z
  .string()
  .trim()
  .max(60)
  .refine((v) => v === '' || cursorPattern.test(v), 'form.error.format')
  .transform((v) => {
    const m = cursorPattern.exec(v);
    return m ? { chain: m[1]!.toLowerCase(), seq: Number(m[2]) } : undefined;
  });

export const auditFilterShape = {
  /** An e-mail address or a person id: matches the actor or the subject of an entry. */
  person: person.optional(),
  /** Record types are snake_case words, e.g. organisation, audit_log, mail_message. */
  recordType: z.string().trim().max(40).regex(/^[a-z_]*$/, 'auditSearch.error.recordType').transform(blankToUndefined).optional(),
  /** Record ids are ids or short codes, never free text. */
  recordId: z.string().trim().max(100).regex(/^[A-Za-z0-9_.:-]*$/, 'form.error.format').transform(blankToUndefined).optional(),
  /** The organisation the actor acted for. */
  organisation: uuidOrBlank.optional(),
  /** A pact id, or `system` for the installation's own chain; blank for all (administrator only). */
  pact: z
    .string()
    .trim()
    .max(36)
    .refine((v) => v === '' || v === 'system' || uuidPattern.test(v), 'form.error.choice')
    .transform((v) => (v ? v.toLowerCase() : undefined))
    .optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** The start of an action, e.g. `organisation` or `session.sign-in`. */
  action: z.string().trim().max(80).regex(/^[a-z.-]*$/, 'form.error.format').transform(blankToUndefined).optional(),
  /** Paging: rows older than this one, or newer than this one. */
  older: cursor.optional(),
  newer: cursor.optional(),
};

export const auditFilterForm = z.object(auditFilterShape).superRefine((v, ctx) => {
  if (v.from && v.to && v.from > v.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'auditSearch.error.toBeforeFrom' });
});

export type AuditFilterInput = z.output<typeof auditFilterForm>;

/** The filter as typed in the search form. A repeated parameter is an array, which the schema refuses. */
export function parseAuditFilter(search: URLSearchParams): FormResult<AuditFilterInput> {
  return parseForm(auditFilterForm, search);
}

/** The filter the query runs: the person resolved to an id (an e-mail address never reaches the log or the query). */
export interface AuditFilter {
  personId?: string | undefined;
  recordType?: string | undefined;
  recordId?: string | undefined;
  organisationId?: string | undefined;
  /** A pact id or 'system' (the chain column's value). */
  chain?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
}

export type AuditCursor = { chain: string; seq: number };

/** What an audit entry about a search records: the filter with ids only, never an e-mail address. */
export function filterDetails(filter: AuditFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(filter)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** The filter as query parameters (for paging links and the export link), the person as an id. */
export function filterQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const p = new URLSearchParams();
  if (filter.personId) p.set('person', filter.personId);
  if (filter.recordType) p.set('recordType', filter.recordType);
  if (filter.recordId) p.set('recordId', filter.recordId);
  if (filter.organisationId) p.set('organisation', filter.organisationId);
  if (filter.chain) p.set('pact', filter.chain);
  if (filter.from) p.set('from', filter.from);
  if (filter.to) p.set('to', filter.to);
  if (filter.action) p.set('action', filter.action);
  for (const [k, v] of Object.entries(extra)) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}
