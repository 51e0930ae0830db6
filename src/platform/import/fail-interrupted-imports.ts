/**
 * Marks imports that stopped while reading (the command line's process ended mid-file) as failed,
 * so their page stops waiting. A queued upload keeps its file until its run ends and is taken up
 * again when its claim runs out (import-queue.ts), so it is not failed here.
 */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { changeImportStatus } from './import-queries.ts';

/** A job still 'staging' whose last progress is older than this has no process working on it any more. */
export const STALE_STAGING_MS = 10 * 60_000;

// Runs for the installation, across pacts, outside row-level security: it touches only job status.
export async function failInterruptedImports(db: Db, now: Date, staleAfterMs = STALE_STAGING_MS): Promise<number> {
  const stale = await sql<{ id: string; pact_id: string }>`
    select id, pact_id from import_job
     where status = 'staging' and updated_at < ${new Date(now.getTime() - staleAfterMs)}
       and not exists (select 1 from import_file f where f.job_id = import_job.id)`.execute(db);
  let failed = 0;
  for (const job of stale.rows) {
    const changed = await db.transaction().execute((tx) =>
      changeImportStatus(tx, { id: job.id, pactId: job.pact_id }, {
        from: 'staging',
        to: 'failed',
        now,
        by: null,
        fileError: { key: 'import.error.interrupted' },
      }),
    );
    if (changed) failed++;
  }
  return failed;
}
