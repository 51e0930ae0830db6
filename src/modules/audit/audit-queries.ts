import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.ts';

export interface AuditFilter {
  from?: string | undefined;
  to?: string | undefined;
  action?: string | undefined;
}

export interface AuditRow {
  seq: number;
  occurred_at: Date;
  actor_person_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  action: string;
  record_type: string | null;
  record_id: string | null;
  purpose: string;
}

/** The newest entries of the request's pact (row-level security), newest first. */
export async function listPactAudit(tx: Executor, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const from = filter.from ? new Date(`${filter.from}T00:00:00Z`) : null;
  const to = filter.to ? new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000) : null;
  const action = filter.action ? `${filter.action.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  const r = await sql<AuditRow>`
    select a.seq, a.occurred_at, a.actor_person_id, p.display_name as actor_name, a.actor_role, a.action,
           a.record_type, a.record_id, a.purpose
      from audit_event a
      left join person p on p.id = a.actor_person_id
     where (${from}::timestamptz is null or a.occurred_at >= ${from}::timestamptz)
       and (${to}::timestamptz is null or a.occurred_at < ${to}::timestamptz)
       and (${action}::text is null or a.action like ${action}::text)
     order by a.seq desc
     limit ${limit}`.execute(tx);
  return r.rows;
}
