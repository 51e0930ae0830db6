// SQL of the import pipeline. Every function runs inside a transaction that entered the
// application role for the job's pact, so row-level security keeps one pact's jobs from another.
import { sql } from 'kysely';
import type { Executor } from '../db/database.ts';
import type { FileError, ImportJobRef, RowError, StagedValue } from './importer.ts';
import { canTransition, ImportTransitionError, type ImportStatus } from './import-status.ts';

export interface ImportJobRow {
  id: string;
  pact_id: string;
  kind: string;
  status: ImportStatus;
  created_by: string | null;
  file_name: string;
  total_rows: number;
  processed_rows: number;
  error_count: number;
  file_error: FileError | null;
  created_at: Date;
  updated_at: Date;
  promoted_at: Date | null;
}

const jobColumns = sql`id, pact_id, kind, status, created_by, file_name, total_rows, processed_rows, error_count,
  file_error, created_at, updated_at, promoted_at`;

/**
 * Waits until the transaction that created the job has ended. The creating request holds this
 * lock until it commits, so the background run never starts on a job that is not yet visible
 * (PostgreSQL runs them on different connections) or that was rolled back.
 */
export async function lockImportJob(tx: Executor, jobId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${'import:' + jobId}, 0))`.execute(tx);
}

export async function createImportJob(
  tx: Executor,
  job: { pactId: string; kind: string; createdBy: string | null; fileName: string; now: Date },
): Promise<string> {
  const r = await sql<{ id: string }>`
    insert into import_job (pact_id, kind, status, created_by, file_name, created_at, updated_at)
    values (${job.pactId}, ${job.kind}, 'staging', ${job.createdBy}, ${job.fileName.slice(0, 255)}, ${job.now}, ${job.now})
    returning id`.execute(tx);
  const id = r.rows[0]!.id;
  await sql`
    insert into import_job_status_change (pact_id, job_id, from_status, to_status, changed_at, changed_by)
    values (${job.pactId}, ${id}, null, 'staging', ${job.now}, ${job.createdBy})`.execute(tx);
  await lockImportJob(tx, id);
  return id;
}

/** A job by id; with `pactId` (a request of that pact) only when it is that pact's job. */
export async function findImportJob(tx: Executor, jobId: string, pactId: string | null = null): Promise<ImportJobRow | undefined> {
  const r = await sql<ImportJobRow>`
    select ${jobColumns} from import_job where id = ${jobId} and (${pactId}::uuid is null or pact_id = ${pactId}::uuid)`.execute(tx);
  return r.rows[0];
}

export async function listImportJobs(tx: Executor, pactId: string, kind: string, limit = 10): Promise<ImportJobRow[]> {
  const r = await sql<ImportJobRow>`
    select ${jobColumns} from import_job where pact_id = ${pactId} and kind = ${kind} order by created_at desc, id limit ${limit}`.execute(tx);
  return r.rows;
}

export async function setTotalRows(tx: Executor, jobId: string, total: number, now: Date): Promise<void> {
  await sql`update import_job set total_rows = ${total}, updated_at = ${now} where id = ${jobId} and status = 'staging'`.execute(tx);
}

export interface StagedRow {
  row_number: number;
  natural_key: string | null;
  data: StagedValue | Record<string, string>;
  errors: RowError[];
}

/** Stages one chunk of rows in one statement and moves the job's progress on. */
export async function stageRows(tx: Executor, job: ImportJobRef, rows: StagedRow[], now: Date): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    insert into import_row (pact_id, job_id, row_number, natural_key, data, errors)
    select ${job.pactId}, ${job.id}, x.row_number, x.natural_key, x.data, x.errors
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
        as x(row_number integer, natural_key text, data jsonb, errors jsonb)`.execute(tx);
  const withErrors = rows.filter((r) => r.errors.length > 0).length;
  await sql`
    update import_job
       set processed_rows = processed_rows + ${rows.length}, error_count = error_count + ${withErrors}, updated_at = ${now}
     where id = ${job.id}`.execute(tx);
}

/**
 * Changes the status as the transition table allows, and only from the status the caller read:
 * returns false when the job had moved on meanwhile. Records the change in the history.
 */
export async function changeImportStatus(
  tx: Executor,
  job: ImportJobRef,
  change: { from: ImportStatus; to: ImportStatus; now: Date; by: string | null; fileError?: FileError; errorCount?: number },
): Promise<boolean> {
  if (!canTransition(change.from, change.to)) throw new ImportTransitionError(change.from, change.to);
  const r = await sql<{ id: string }>`
    update import_job
       set status = ${change.to},
           updated_at = ${change.now},
           promoted_at = case when ${change.to}::text = 'promoted' then ${change.now}::timestamptz else promoted_at end,
           file_error = coalesce(${change.fileError ? JSON.stringify(change.fileError) : null}::jsonb, file_error),
           error_count = coalesce(${change.errorCount ?? null}::integer, error_count)
     where id = ${job.id} and status = ${change.from}
     returning id`.execute(tx);
  if (r.rows.length === 0) return false;
  await sql`
    insert into import_job_status_change (pact_id, job_id, from_status, to_status, changed_at, changed_by)
    values (${job.pactId}, ${job.id}, ${change.from}, ${change.to}, ${change.now}, ${change.by})`.execute(tx);
  return true;
}

export async function countErrorRows(tx: Executor, jobId: string): Promise<number> {
  const r = await sql<{ n: number }>`
    select count(*)::int as n from import_row where job_id = ${jobId} and errors <> '[]'::jsonb`.execute(tx);
  return r.rows[0]?.n ?? 0;
}

export interface RowErrorReport {
  row_number: number;
  data: Record<string, unknown>;
  errors: RowError[];
}

/** The first rows with errors, in file order, for the report. */
export async function listRowErrors(tx: Executor, jobId: string, limit = 100): Promise<RowErrorReport[]> {
  const r = await sql<RowErrorReport>`
    select row_number, data, errors from import_row
     where job_id = ${jobId} and errors <> '[]'::jsonb
     order by row_number limit ${limit}`.execute(tx);
  return r.rows;
}

/**
 * Marks every row whose natural key already occurred earlier in the file, naming that earlier
 * row: {field, key, params: {row}}. A cross-check helper for importers.
 */
export async function flagDuplicateKeys(tx: Executor, jobId: string, error: { field: string; key: string }): Promise<void> {
  await sql`
    update import_row r
       set errors = r.errors || jsonb_build_array(jsonb_build_object(
             'field', ${error.field}::text, 'key', ${error.key}::text, 'params', jsonb_build_object('row', d.first_row)))
      from (select row_number, min(row_number) over (partition by natural_key) as first_row
              from import_row
             where job_id = ${jobId} and natural_key is not null) d
     where r.job_id = ${jobId} and r.row_number = d.row_number and d.row_number <> d.first_row`.execute(tx);
}

export async function deleteStagedRows(tx: Executor, jobId: string): Promise<void> {
  await sql`delete from import_row where job_id = ${jobId}`.execute(tx);
}

export async function listStatusChanges(
  tx: Executor,
  jobId: string,
): Promise<Array<{ from_status: ImportStatus | null; to_status: ImportStatus; changed_at: Date; changed_by: string | null }>> {
  const r = await sql<{ from_status: ImportStatus | null; to_status: ImportStatus; changed_at: Date; changed_by: string | null }>`
    select from_status, to_status, changed_at, changed_by from import_job_status_change where job_id = ${jobId} order by id`.execute(tx);
  return r.rows;
}

/** Stores the uploaded file beside its job, in the upload's transaction: the job's run reads it from here. */
export async function storeImportFile(tx: Executor, job: ImportJobRef, content: Uint8Array): Promise<void> {
  await sql`insert into import_file (job_id, pact_id, content) values (${job.id}, ${job.pactId}, ${Buffer.from(content.buffer, content.byteOffset, content.byteLength)})`.execute(tx);
}

export async function readImportFile(tx: Executor, jobId: string): Promise<Uint8Array | undefined> {
  const r = await sql<{ content: Buffer }>`select content from import_file where job_id = ${jobId}`.execute(tx);
  return r.rows[0]?.content;
}

export async function deleteImportFile(tx: Executor, jobId: string): Promise<void> {
  await sql`delete from import_file where job_id = ${jobId}`.execute(tx);
}

/** Starts a job's staging over: a run that stopped half-way left rows and counts behind. */
export async function resetStaging(tx: Executor, jobId: string, now: Date): Promise<void> {
  await deleteStagedRows(tx, jobId);
  await sql`
    update import_job set total_rows = 0, processed_rows = 0, error_count = 0, updated_at = ${now}
     where id = ${jobId} and status = 'staging'`.execute(tx);
}
