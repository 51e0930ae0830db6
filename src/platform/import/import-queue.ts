// Imports as background jobs. An upload stores its file beside the new job (storeImportFile, in the
// upload's transaction) and queues a run; the `imports-run` job of a worker process claims queued
// jobs one at a time, stages and checks each from its stored file (runImport), and deletes the file
// when the run has ended. The web request that took the upload does none of the reading.
//
// A claim runs out after CLAIM_MINUTES: a run that stopped with its process (a restart, a crash) is
// taken up by the next worker and starts its staging over. A job that was taken MAX_ATTEMPTS times
// without ending is failed with `import.error.interrupted`, so a file that brings a worker down
// cannot do so forever.
import { sql } from 'kysely';
import type { Db, Tx } from '../db/database.ts';
import { inAppTransaction } from '../db/transaction.ts';
import { bytesSource } from './csv-reader.ts';
import type { Importer } from './importer.ts';
import { changeImportStatus, deleteImportFile, deleteStagedRows, readImportFile } from './import-queries.ts';
import { runImport, type ImportDeps } from './run-import.ts';

export const CLAIM_MINUTES = 15;
export const MAX_ATTEMPTS = 3;

export interface ClaimedImport {
  id: string;
  pactId: string;
  kind: string;
  createdBy: string | null;
  /** How many times the job has been taken, this time included. */
  attempts: number;
}

/**
 * Takes the oldest queued job whose claim is free (never taken, or run out), for CLAIM_MINUTES.
 * Runs for the installation, across pacts and outside row-level security, like the other job
 * bookkeeping: it reads and sets only the job's queue columns. `skip locked`: two workers never
 * take the same job.
 */
export async function claimNextImport(db: Db, now: Date): Promise<ClaimedImport | null> {
  const r = await sql<{ id: string; pact_id: string; kind: string; created_by: string | null; attempts: number }>`
    update import_job j
       set claimed_until = ${new Date(now.getTime() + CLAIM_MINUTES * 60_000)}, attempts = j.attempts + 1
     where j.id = (select q.id from import_job q
                    where q.status = 'staging'
                      and exists (select 1 from import_file f where f.job_id = q.id)
                      and (q.claimed_until is null or q.claimed_until <= ${now})
                    order by q.created_at, q.id
                    limit 1
                    for update skip locked)
    returning j.id, j.pact_id, j.kind, j.created_by, j.attempts`.execute(db);
  const row = r.rows[0];
  return row ? { id: row.id, pactId: row.pact_id, kind: row.kind, createdBy: row.created_by, attempts: row.attempts } : null;
}

export interface ImportQueueDeps extends ImportDeps {
  /** Every importer of the installation, by `kind` (from the module manifests). */
  importers: ReadonlyMap<string, Importer>;
}

/** Runs queued imports until none is left (at most `limit` in one go); returns how many were taken. */
export async function runQueuedImports(deps: ImportQueueDeps, limit = 20): Promise<number> {
  let taken = 0;
  while (taken < limit) {
    const claimed = await claimNextImport(deps.db, deps.clock.now());
    if (!claimed) break;
    taken++;
    await runClaimedImport(deps, claimed);
  }
  return taken;
}

async function runClaimedImport(deps: ImportQueueDeps, claimed: ClaimedImport): Promise<void> {
  const job = { id: claimed.id, pactId: claimed.pactId };
  const inJob = <T>(work: (tx: Tx) => Promise<T>) =>
    inAppTransaction(deps.db, { pactId: job.pactId, personId: claimed.createdBy }, work);
  const importer = deps.importers.get(claimed.kind);
  const giveUp = async (key: 'import.error.interrupted' | 'import.error.internal') => {
    await inJob(async (tx) => {
      await deleteStagedRows(tx, job.id);
      await changeImportStatus(tx, job, { from: 'staging', to: 'failed', now: deps.clock.now(), by: null, fileError: { key }, errorCount: 0 });
      await deleteImportFile(tx, job.id);
    });
  };
  if (claimed.attempts > MAX_ATTEMPTS) {
    deps.log?.warn({ importJob: job.id, attempts: claimed.attempts - 1 }, 'import failed: its runs kept stopping');
    await giveUp('import.error.interrupted');
    return;
  }
  if (!importer) {
    deps.log?.error({ importJob: job.id, kind: claimed.kind }, 'no importer for this kind of import');
    await giveUp('import.error.internal');
    return;
  }
  const content = await inJob((tx) => readImportFile(tx, job.id));
  if (!content) return; // Another run finished it meanwhile.
  await runImport(deps, { job, personId: claimed.createdBy, importer, source: bytesSource(content) });
  // Whatever the outcome, the file is no longer needed: the staged rows (or the file error) are the import now.
  await inJob((tx) => deleteImportFile(tx, job.id));
}
