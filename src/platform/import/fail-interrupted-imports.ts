/** Marks imports that stopped while reading (the process ended mid-file) as failed, so their page stops waiting. */
import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { changeImportStatus } from './import-queries.ts';

/** A job still 'staging' whose last progress is older than this has no process working on it any more. */
export const STALE_STAGING_MS = 10 * 60_000;

// Runs for the installation, across pacts, outside row-level security: it touches only job status.
export async function failInterruptedImports(db: Db, now: Date, staleAfterMs = STALE_STAGING_MS): Promise<number> {
  const stale = await sql<{ id: string; pact_id: string }>`
    select id, pact_id from import_job
     where status = 'staging' and updated_at < ${new Date(now.getTime() - staleAfterMs)}`.execute(db);
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
