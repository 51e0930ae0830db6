// The command-line import: `npm run cli -- import-neighbourhoods <pact> <file>`. The same pipeline
// as an upload, run in the foreground on behalf of the installation (no person): stage, check,
// and — when the file has no errors at all — promote. Progress goes to `onProgress`.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { sql } from 'kysely';
import { recordAudit } from '../../../platform/audit/audit-log.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db/database.ts';
import { inAppTransaction } from '../../../platform/db/transaction.ts';
import {
  fileSource, listRowErrors, promoteImport, runImport, startImport,
  type FileError, type ImportProgress, type ImportStatus, type PromoteRefusal, type RowErrorReport,
} from '../../../platform/import/index.ts';
import type { Logger } from '../../../platform/logger.ts';
import { translatorFor } from '../../../ui/messages/index.ts';
import type { MessageKey } from '../../../ui/messages/index.ts';
import type { Locale } from '../../../platform/i18n/translator.ts';
import { neighbourhoodImporter } from './neighbourhood-import.ts';

export interface CliImportDeps {
  db: Db;
  clock: Clock;
  log?: Logger;
}

export interface CliImportResult {
  jobId: string;
  status: ImportStatus;
  totalRows: number;
  errorCount: number;
  fileError: FileError | null;
  /** Rows saved; null when nothing was promoted. */
  promotedRows: number | null;
  promoteRefused: PromoteRefusal | null;
  /** The first rows with errors, for the report. */
  errors: RowErrorReport[];
}

const cliActor = { personId: null, role: 'cli' } as const;

export async function importNeighbourhoodsFromFile(
  deps: CliImportDeps,
  pactSlug: string,
  filePath: string,
  onProgress: (progress: ImportProgress) => void = () => undefined,
  options: { promote?: boolean } = {},
): Promise<CliImportResult> {
  const pact = (await sql<{ id: string }>`select id from pact where slug = ${pactSlug}`.execute(deps.db)).rows[0];
  if (!pact) throw new Error(`There is no pact with the slug "${pactSlug}".`);
  const { size } = await stat(filePath);
  const pactId = pact.id;
  const audit = (tx: Parameters<typeof recordAudit>[0]) => (entry: Parameters<Parameters<typeof startImport>[2]>[0]) =>
    recordAudit(tx, { ...entry, pactId, actor: cliActor, occurredAt: deps.clock.now() });

  const jobId = await inAppTransaction(deps.db, { pactId }, (tx) =>
    startImport(tx, { pactId, kind: neighbourhoodImporter.kind, createdBy: null, fileName: basename(filePath), bytes: size, now: deps.clock.now() }, audit(tx)),
  );
  const job = { id: jobId, pactId };
  const ran = await runImport(deps, { job, personId: null, importer: neighbourhoodImporter, source: fileSource(filePath), onProgress });
  if (!ran) throw new Error(`Import job ${jobId} disappeared while it ran.`);

  let promotedRows: number | null = null;
  let promoteRefused: PromoteRefusal | null = null;
  let status = ran.status;
  if (ran.status === 'validated' && options.promote !== false) {
    onProgress({ phase: 'promoting', processed: ran.processed_rows, total: ran.total_rows });
    const outcome = await inAppTransaction(deps.db, { pactId }, async (tx) => {
      const result = await promoteImport(tx, neighbourhoodImporter, job, { now: deps.clock.now(), personId: null });
      if (result.ok) {
        await audit(tx)({ action: 'import.promote', recordType: 'import_job', recordId: jobId, purpose: 'pact-administration', details: { kind: neighbourhoodImporter.kind, rows: result.rows } });
      }
      return result;
    });
    if (outcome.ok) {
      promotedRows = outcome.rows;
      status = 'promoted';
    } else {
      promoteRefused = outcome.reason;
    }
    onProgress({ phase: 'done', processed: ran.processed_rows, total: ran.total_rows });
  }
  const errors = ran.status === 'failed' ? await inAppTransaction(deps.db, { pactId }, (tx) => listRowErrors(tx, jobId, 100)) : [];
  return {
    jobId, status, totalRows: ran.total_rows, errorCount: ran.error_count, fileError: ran.file_error, promotedRows, promoteRefused, errors,
  };
}

function say(t: (key: MessageKey, params?: Record<string, string | number>) => string, key: string, params?: Record<string, string | number>): string {
  return t(key as MessageKey, params);
}

/** One line of progress for a terminal. */
export function describeImportProgress(progress: ImportProgress, locale: Locale = 'nl'): string {
  const t = translatorFor(locale);
  if (progress.phase === 'staging' || progress.phase === 'checking') {
    return t('import.progress', { done: progress.processed, total: progress.total });
  }
  return t(progress.phase === 'done' ? 'import.cli.done' : progress.phase === 'promoting' ? 'import.cli.promoting' : 'import.cli.scanning');
}

/** The outcome as lines for a terminal: status, file error or row errors, rows saved. */
export function describeImportResult(result: CliImportResult, locale: Locale = 'nl'): string[] {
  const t = translatorFor(locale);
  const lines = [t(`import.status.${result.status}` as MessageKey)];
  if (result.fileError) {
    const detail = result.fileError.detail ? say(t, result.fileError.detail.key, result.fileError.detail.params) : '';
    lines.push(say(t, result.fileError.key, { ...result.fileError.params, detail }));
  }
  const labels: Record<string, MessageKey> = { code: 'neighbourhoods.code', name: 'neighbourhoods.name' };
  for (const row of result.errors) {
    for (const e of row.errors) {
      lines.push(`${t('import.row')} ${row.row_number}, ${labels[e.field] ? t(labels[e.field]!) : e.field}: ${say(t, e.key, e.params)}`);
    }
  }
  if (result.errorCount > result.errors.length) lines.push(t('import.moreErrors', { count: result.errorCount - result.errors.length }));
  if (result.status === 'failed') lines.push(t('import.nothingSaved'));
  if (result.promotedRows !== null) lines.push(t('import.saved', { count: result.promotedRows }));
  if (result.promoteRefused) lines.push(t(result.promoteRefused === 'conflict' ? 'import.promoteConflict' : 'import.promoteRefused'));
  return lines;
}
