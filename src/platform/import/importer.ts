// What an importer is: the columns it reads, how it checks one row, how it checks the rows against
// each other and the pact's existing data (in SQL, against the staging table), and the one
// statement that copies the staged rows into their real table. The pipeline (run-import.ts) does
// the rest: reading the file, staging in chunks, the status, the report, the promotion.
import type { RawBuilder } from 'kysely';
import type { Tx } from '../db/database.ts';

/** A message key with its parameters; the UI translates it (platform code knows no catalog). */
export interface Message {
  key: string;
  params?: Record<string, string | number>;
}

/** An error in one row: the column (field) it is about and what is wrong. */
export interface RowError extends Message {
  field: string;
}

export type RowResult<T> = { value: T } | { errors: RowError[] };

/** An error about the whole file; `detail` is a second message filled into the first as {detail}. */
export interface FileError extends Message {
  detail?: Message;
}

export interface ImportColumn {
  /** The name the importer uses, e.g. 'name'. */
  name: string;
  /** Header texts accepted for this column, compared trimmed and in lower case, e.g. ['name', 'naam']. */
  aliases: readonly string[];
  required: boolean;
}

export type StagedValue = Record<string, string | number | boolean | null>;

export interface ImportJobRef {
  id: string;
  pactId: string;
}

export interface Importer<T extends StagedValue = StagedValue> {
  /** Stored in import_job.kind: lower case letters, digits, '-' and '_'. */
  kind: string;
  columns: readonly ImportColumn[];
  /** More data rows than this fail the whole file (import.error.tooManyRows). */
  maxRows: number;
  /** Longest record in characters; a longer one is a parse error (it also ends an unclosed quote early). */
  maxRecordSize?: number;
  /** Checks one row, by its columns' names; pure. */
  validateRow(row: Record<string, string>): RowResult<T>;
  /** The natural key of a valid row (stored in import_row.natural_key) for duplicate checks in SQL. */
  naturalKey?(value: T): string;
  /**
   * Checks the staged rows against each other and against existing data, by appending errors to
   * import_row.errors in SQL. Runs once, after all rows are staged, in the job's pact context.
   */
  crossCheck(tx: Tx, job: ImportJobRef): Promise<void>;
  /**
   * The one statement that copies the job's valid rows into their table: an
   * `insert … select … from import_row where job_id = …`. It runs as the application role in a
   * transaction for the job's pact, after the job was checked to be validated without errors.
   */
  promoteSql(job: ImportJobRef): RawBuilder<unknown>;
}
