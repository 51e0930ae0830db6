// Runs one import job from file to validation report: scan the whole file (structure, header,
// size) → stage the rows in short transactions of `chunkSize` rows, each checked by the
// importer → the importer's cross-checks in SQL → validated or failed. PGlite is one connection,
// so a long transaction would stall every other request: each chunk is its own transaction and
// the run yields to the event loop between chunks. Nothing here touches the importer's real
// table; that is promote-import.ts, after a person looked at the report.
import type { Db, Tx } from '../db/database.ts';
import { inAppTransaction } from '../db/transaction.ts';
import type { Clock } from '../clock.ts';
import type { Logger } from '../logger.ts';
import { readRecords, scanFile, ImportFileError, type ByteSource } from './csv-reader.ts';
import type { FileError, Importer, ImportJobRef } from './importer.ts';
import {
  changeImportStatus, countErrorRows, deleteStagedRows, findImportJob, lockImportJob, resetStaging, setTotalRows, stageRows,
  type ImportJobRow, type StagedRow,
} from './import-queries.ts';

export interface ImportDeps {
  db: Db;
  clock: Clock;
  log?: Logger;
}

/** 'promoting' is reported by callers that promote right after the run (the command line). */
export type ImportPhase = 'scanning' | 'staging' | 'checking' | 'promoting' | 'done';

export interface ImportProgress {
  phase: ImportPhase;
  processed: number;
  total: number;
}

export interface ImportRun {
  job: ImportJobRef;
  /** The person the import runs for (null from the command line); row-level security uses it. */
  personId: string | null;
  importer: Importer;
  source: ByteSource;
  onProgress?: (progress: ImportProgress) => void;
  chunkSize?: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Reads, stages and checks the job's file; resolves with the job as it ended (undefined if it is gone). */
export async function runImport(deps: ImportDeps, run: ImportRun): Promise<ImportJobRow | undefined> {
  const { job, importer } = run;
  const chunkSize = run.chunkSize ?? 500;
  const inJob = <T>(work: (tx: Tx) => Promise<T>) => inAppTransaction(deps.db, { pactId: job.pactId, personId: run.personId }, work);
  const progress = (phase: ImportPhase, processed: number, total: number) => run.onProgress?.({ phase, processed, total });

  const ready = await inJob(async (tx) => {
    await lockImportJob(tx, job.id);
    const current = await findImportJob(tx, job.id);
    const runnable = current?.status === 'staging' && current.kind === importer.kind;
    // A run taken up again after its process stopped starts its staging over.
    if (runnable) await resetStaging(tx, job.id, deps.clock.now());
    return runnable;
  });
  if (!ready) return inJob((tx) => findImportJob(tx, job.id));

  try {
    progress('scanning', 0, 0);
    const scan = await scanFile(run.source, {
      columns: importer.columns,
      maxRows: importer.maxRows,
      ...(importer.maxRecordSize ? { maxRecordSize: importer.maxRecordSize } : {}),
    });
    await inJob((tx) => setTotalRows(tx, job.id, scan.rows, deps.clock.now()));
    progress('staging', 0, scan.rows);

    let processed = 0;
    let chunk: StagedRow[] = [];
    const flush = async () => {
      const rows = chunk;
      chunk = [];
      await inJob((tx) => stageRows(tx, job, rows, deps.clock.now()));
      processed += rows.length;
      progress('staging', processed, scan.rows);
      await yieldToEventLoop();
    };
    for await (const record of readRecords(run.source, {
      columns: importer.columns,
      encoding: scan.encoding,
      delimiter: scan.delimiter,
      ...(importer.maxRecordSize ? { maxRecordSize: importer.maxRecordSize } : {}),
    })) {
      const result = importer.validateRow(record.values);
      chunk.push(
        'value' in result
          ? { row_number: record.rowNumber, natural_key: importer.naturalKey?.(result.value) ?? null, data: result.value, errors: [] }
          : { row_number: record.rowNumber, natural_key: null, data: record.values, errors: result.errors },
      );
      if (chunk.length >= chunkSize) await flush();
    }
    if (chunk.length > 0) await flush();

    progress('checking', processed, scan.rows);
    const finished = await inJob(async (tx) => {
      await importer.crossCheck(tx, job);
      const errorRows = await countErrorRows(tx, job.id);
      await changeImportStatus(tx, job, {
        from: 'staging', to: errorRows > 0 ? 'failed' : 'validated', now: deps.clock.now(), by: run.personId, errorCount: errorRows,
      });
      return findImportJob(tx, job.id);
    });
    progress('done', processed, scan.rows);
    return finished;
  } catch (error) {
    const fileError: FileError = error instanceof ImportFileError ? error.fileError : { key: 'import.error.internal' };
    if (!(error instanceof ImportFileError)) deps.log?.error({ err: error, importJob: job.id }, 'import failed');
    const failed = await inJob(async (tx) => {
      // A file that cannot be read whole is not reported row by row: nothing of it stays staged.
      await deleteStagedRows(tx, job.id);
      await changeImportStatus(tx, job, { from: 'staging', to: 'failed', now: deps.clock.now(), by: run.personId, fileError, errorCount: 0 });
      return findImportJob(tx, job.id);
    });
    progress('done', 0, failed?.total_rows ?? 0);
    return failed;
  }
}
