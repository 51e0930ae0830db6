// Promotion: the staged rows of a validated job become real rows, all or nothing, in one
// statement (the importer's promoteSql) inside the caller's transaction. The status update is
// the guard: it changes only a job that is 'validated' with no errors at all, so a second click,
// a second tab or a job with errors changes nothing — and on PostgreSQL a concurrent promotion
// waits for the row lock and then finds the job already promoted.
import { sql } from 'kysely';
import type { Tx } from '../db/database.ts';
import type { Importer, ImportJobRef } from './importer.ts';
import { deleteStagedRows, findImportJob } from './import-queries.ts';

export type PromoteRefusal = 'not-found' | 'already-promoted' | 'has-errors' | 'not-ready' | 'conflict';
export type PromoteResult = { ok: true; rows: number } | { ok: false; reason: PromoteRefusal };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';
}

export async function promoteImport(
  tx: Tx,
  importer: Importer,
  job: ImportJobRef,
  context: { now: Date; personId: string | null },
): Promise<PromoteResult> {
  const current = await findImportJob(tx, job.id, job.pactId);
  if (!current || current.kind !== importer.kind || current.pact_id !== job.pactId) return { ok: false, reason: 'not-found' };

  // A savepoint, so that a row added since validation (a code taken meanwhile) refuses the
  // promotion with a message instead of failing the whole request.
  await sql`savepoint import_promote`.execute(tx);
  try {
    const moved = await sql<{ id: string }>`
      update import_job
         set status = 'promoted', promoted_at = ${context.now}, updated_at = ${context.now}
       where id = ${job.id} and status = 'validated' and error_count = 0 and file_error is null
       returning id`.execute(tx);
    if (moved.rows.length === 0) {
      await sql`rollback to savepoint import_promote`.execute(tx);
      // Read again: a promotion that committed while this one waited for the row is visible now.
      const now = (await findImportJob(tx, job.id, job.pactId)) ?? current;
      const reason: PromoteRefusal =
        now.status === 'promoted' ? 'already-promoted'
        : now.status === 'failed' || now.error_count > 0 || now.file_error ? 'has-errors'
        : 'not-ready';
      return { ok: false, reason };
    }
    await sql`
      insert into import_job_status_change (pact_id, job_id, from_status, to_status, changed_at, changed_by)
      values (${job.pactId}, ${job.id}, 'validated', 'promoted', ${context.now}, ${context.personId})`.execute(tx);
    const inserted = await importer.promoteSql(job).execute(tx);
    // The staged copy has served its purpose; keeping it would keep the data twice.
    await deleteStagedRows(tx, job.id);
    await sql`release savepoint import_promote`.execute(tx);
    return { ok: true, rows: Number(inserted.numAffectedRows ?? 0) };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await sql`rollback to savepoint import_promote`.execute(tx);
    return { ok: false, reason: 'conflict' };
  }
}
