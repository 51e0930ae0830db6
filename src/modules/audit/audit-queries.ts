import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';
import type { AuditCursor, AuditFilter } from './audit-forms.ts';

export type { AuditFilter } from './audit-forms.ts';

export interface AuditRow {
  chain: string;
  seq: number;
  pact_id: string | null;
  occurred_at: Date;
  actor_person_id: string | null;
  /** Read from `person` at read time, never stored in the log; null when the reader may not see the person. */
  actor_name: string | null;
  actor_organisation_id: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  subject_person_id: string | null;
  subject_name: string | null;
  purpose: string;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The cursors for the next (older) and previous (newer) page, when there is one. */
  older: AuditCursor | null;
  newer: AuditCursor | null;
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The conditions of a filter, each a visible SQL fragment; only the filters given are in the query. */
function conditions(filter: AuditFilter): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (filter.personId) where.push(sql`(a.actor_person_id = ${filter.personId}::uuid or a.subject_person_id = ${filter.personId}::uuid)`);
  if (filter.recordType) where.push(sql`a.record_type = ${filter.recordType}`);
  if (filter.recordId) where.push(sql`a.record_id = ${filter.recordId}`);
  if (filter.organisationId) where.push(sql`a.actor_organisation_id = ${filter.organisationId}::uuid`);
  if (filter.chain) where.push(sql`a.chain = ${filter.chain}`);
  if (filter.from) where.push(sql`a.occurred_at >= ${dayStart(filter.from)}::timestamptz`);
  // "To" is inclusive: up to the start of the next day.
  if (filter.to) where.push(sql`a.occurred_at < ${new Date(dayStart(filter.to).getTime() + 86_400_000)}::timestamptz`);
  if (filter.action) where.push(sql`a.action like ${`${filter.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%`}`);
  return where;
}

const columns = sql`
  a.chain, a.seq, a.pact_id, a.occurred_at, a.actor_person_id, actor.display_name as actor_name, a.actor_organisation_id,
  a.actor_role, a.action, a.record_type, a.record_id, a.subject_person_id, subject.display_name as subject_name, a.purpose`;

/**
 * One page of audit entries matching the filter, newest first, in the order (occurred_at, chain, seq).
 * Paging is by key, not OFFSET: `older` asks for the rows after a given row in that order, `newer`
 * for the rows before it. OFFSET n would make the database read and throw away n rows for every page
 * — on a log of millions, the later pages get ever slower — and entries written meanwhile would shift
 * the pages; a key reaches its place through the index (see migration 0010) whatever page it is.
 *
 * `pactId` keeps the search to one pact's chain (a pact's own log page); null searches every chain
 * (the system administrator, in a system transaction). In a pact request row-level security shows
 * only that pact's entries (and only its members' names) as well.
 */
export async function searchAudit(
  tx: Executor,
  filter: AuditFilter,
  page: { limit: number; older?: AuditCursor | undefined; newer?: AuditCursor | undefined },
  pactId: string | null = null,
): Promise<AuditPage> {
  const where = conditions(filter);
  if (pactId) where.push(sql`a.pact_id = ${pactId}::uuid`);
  const cursor = page.newer ?? page.older;
  if (cursor) {
    const key = sql`(select k.occurred_at, k.chain, k.seq from audit_event k where k.chain = ${cursor.chain} and k.seq = ${cursor.seq})`;
    where.push(page.newer ? sql`(a.occurred_at, a.chain, a.seq) > ${key}` : sql`(a.occurred_at, a.chain, a.seq) < ${key}`);
  }
  const filterSql = where.length ? sql`where ${sql.join(where, sql` and `)}` : sql``;
  const direction = page.newer ? sql`asc` : sql`desc`;
  const r = await sql<AuditRow>`
    select ${columns}
      from audit_event a
      left join person actor on actor.id = a.actor_person_id
      left join person subject on subject.id = a.subject_person_id
     ${filterSql}
     order by a.occurred_at ${direction}, a.chain ${direction}, a.seq ${direction}
     limit ${page.limit + 1}`.execute(tx);
  const more = r.rows.length > page.limit;
  const rows = r.rows.slice(0, page.limit).map((row) => ({ ...row, seq: Number(row.seq) }));
  if (page.newer) rows.reverse();
  const keyOf = (row: AuditRow | undefined): AuditCursor | null => (row ? { chain: row.chain, seq: row.seq } : null);
  // Going back (newer), there are older rows: the cursor's own row at least. Going on (older) from a
  // cursor, there are newer rows likewise. From the top without a cursor, there is nothing newer.
  const hasOlder = page.newer ? true : more;
  const hasNewer = page.newer ? more : Boolean(page.older);
  return {
    rows,
    older: hasOlder ? keyOf(rows[rows.length - 1]) : null,
    newer: hasNewer ? keyOf(rows[0]) : null,
  };
}

/** Every entry matching the filter, newest first, at most `limit` (the export). */
export async function exportAudit(tx: Executor, filter: AuditFilter, limit: number, pactId: string | null = null): Promise<{ rows: AuditRow[]; capped: boolean }> {
  const page = await searchAudit(tx, filter, { limit }, pactId);
  return { rows: page.rows, capped: page.older !== null };
}

/** The pacts to choose from in the administrator's search (the pact table is readable by all). */
export async function listPactChoices(tx: Executor): Promise<Array<{ id: string; name: string }>> {
  const r = await sql<{ id: string; name: string }>`select id, name from pact order by name`.execute(tx);
  return r.rows;
}
