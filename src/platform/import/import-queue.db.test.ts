// The import queue on a real database: an upload's stored file is read by the job, a claim keeps a
// job from a second worker until it runs out, an interrupted run starts over, and a job whose runs
// keep stopping is failed instead of retried forever.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { sql } from 'kysely';
import { fixedClock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { inAppTransaction } from '../db/transaction.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';
import { failInterruptedImports } from './fail-interrupted-imports.ts';
import type { Importer } from './importer.ts';
import { storeImportFile } from './import-queries.ts';
import { CLAIM_MINUTES, claimNextImport, MAX_ATTEMPTS, runQueuedImports } from './import-queue.ts';
import { startImport } from './start-import.ts';

let database: Database;
let pactId: string;
const clock = fixedClock('2026-11-23T10:00:00Z');
const minutes = (n: number) => new Date(clock.now().getTime() + n * 60_000);

/** A minimal importer: a required column `code` (a row error when it is empty) and an optional `note`. */
const codes: Importer<{ code: string }> = {
  kind: 'codes',
  columns: [{ name: 'code', aliases: ['code'], required: true }, { name: 'note', aliases: ['note'], required: false }],
  maxRows: 100,
  validateRow: (row) => (row.code ? { value: { code: row.code } } : { errors: [{ field: 'code', key: 'form.error.required' }] }),
  crossCheck: async () => undefined,
  promoteSql: () => sql`select 1`,
};
const importers = new Map([[codes.kind, codes as unknown as Importer]]);
const deps = () => ({ db: database.db, clock, importers });

before(async () => {
  database = await openTestDatabase();
  pactId = (await sql<{ id: string }>`insert into pact (slug, name, jurisdiction) values ('q', 'Q', 'NL') returning id`.execute(database.db)).rows[0]!.id;
});
after(() => database.close());
beforeEach(async () => {
  await sql`delete from import_row`.execute(database.db);
  await sql`delete from import_file`.execute(database.db);
  await sql`update import_job set status = 'cancelled' where status = 'staging'`.execute(database.db);
});

/** What an upload does: the job, its history and audit entry, and the stored file, in one transaction. */
async function queue(content: string, kind = codes.kind): Promise<string> {
  return inAppTransaction(database.db, { pactId }, async (tx) => {
    const id = await startImport(tx, { pactId, kind, createdBy: null, fileName: 'codes.csv', bytes: content.length, now: clock.now() }, async () => undefined);
    await storeImportFile(tx, { id, pactId }, new TextEncoder().encode(content));
    return id;
  });
}

async function job(id: string) {
  const r = await sql<{ status: string; total_rows: number; processed_rows: number; error_count: number; attempts: number; file_error: { key: string } | null; staged: number; file: boolean }>`
    select status, total_rows, processed_rows, error_count, attempts, file_error,
           (select count(*)::int from import_row r where r.job_id = j.id) as staged,
           exists (select 1 from import_file f where f.job_id = j.id) as file
      from import_job j where id = ${id}`.execute(database.db);
  return r.rows[0]!;
}

test('a queued upload is read by the job, checked, and its stored file removed', async () => {
  const good = await queue('code\nA1\nA2\nA3\n');
  const bad = await queue('code,note\nB1,x\n,y\n');
  assert.equal((await job(good)).file, true);
  assert.equal(await runQueuedImports(deps()), 2);
  assert.deepEqual(
    { ...(await job(good)), file_error: null },
    { status: 'validated', total_rows: 3, processed_rows: 3, error_count: 0, attempts: 1, file_error: null, staged: 3, file: false },
  );
  const failed = await job(bad);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.error_count, 1);
  assert.equal(failed.file, false);
  // Nothing is left to take.
  assert.equal(await runQueuedImports(deps()), 0);
});

test('a claimed job is not taken by a second worker until its claim runs out', async () => {
  const id = await queue('code\nC1\n');
  const first = await claimNextImport(database.db, clock.now());
  assert.equal(first?.id, id);
  assert.equal(await claimNextImport(database.db, minutes(CLAIM_MINUTES - 1)), null);
  const again = await claimNextImport(database.db, minutes(CLAIM_MINUTES));
  assert.equal(again?.id, id);
  assert.equal(again?.attempts, 2);
});

test('a run taken up again after its worker stopped starts its staging over', async () => {
  const id = await queue('code\nD1\nD2\n');
  // A worker took the job, staged one row and stopped.
  await claimNextImport(database.db, clock.now());
  await inAppTransaction(database.db, { pactId }, (tx) =>
    sql`insert into import_row (job_id, pact_id, row_number, data, errors) values (${id}, ${pactId}, 2, '{"code":"D1"}', '[]')`.execute(tx));
  await sql`update import_job set processed_rows = 1 where id = ${id}`.execute(database.db);
  // Not before the claim has run out…
  assert.equal(await runQueuedImports({ ...deps(), clock: fixedClock(minutes(5).toISOString()) }), 0);
  // …then the next worker reads the whole file again, without doubling the rows staged before.
  assert.equal(await runQueuedImports({ ...deps(), clock: fixedClock(minutes(CLAIM_MINUTES + 1).toISOString()) }), 1);
  const after = await job(id);
  assert.equal(after.status, 'validated');
  assert.equal(after.staged, 2);
  assert.equal(after.processed_rows, 2);
});

test(`a job whose runs stopped ${MAX_ATTEMPTS} times is failed, not tried again`, async () => {
  const id = await queue('code\nE1\n');
  for (let i = 0; i < MAX_ATTEMPTS; i++) assert.ok(await claimNextImport(database.db, minutes(i * (CLAIM_MINUTES + 1))));
  assert.equal(await runQueuedImports({ ...deps(), clock: fixedClock(minutes(MAX_ATTEMPTS * (CLAIM_MINUTES + 1)).toISOString()) }), 1);
  const failed = await job(id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.file_error?.key, 'import.error.interrupted');
  assert.equal(failed.file, false);
});

test('a job of a kind no module imports fails with a general message', async () => {
  const id = await queue('code\nF1\n', 'unknown-kind');
  assert.equal(await runQueuedImports(deps()), 1);
  const failed = await job(id);
  assert.equal(failed.status, 'failed');
  assert.equal(failed.file_error?.key, 'import.error.internal');
});

test('a queued upload waiting for a worker is not failed as interrupted', async () => {
  const id = await queue('code\nG1\n');
  assert.equal(await failInterruptedImports(database.db, minutes(60)), 0);
  assert.equal((await job(id)).status, 'staging');
});
