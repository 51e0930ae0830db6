import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';
import { failInterruptedImports } from './fail-interrupted-imports.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
  const pact = await sql<{ id: string }>`insert into pact (slug, name, jurisdiction) values ('p', 'P', 'NL') returning id`.execute(database.db);
  const pactId = pact.rows[0]!.id;
  await sql`insert into import_job (id, pact_id, kind, status, file_name, created_at, updated_at) values
    ('00000000-0000-4000-8000-000000000001', ${pactId}, 'neighbourhoods', 'staging', 'old.csv', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z'),
    ('00000000-0000-4000-8000-000000000002', ${pactId}, 'neighbourhoods', 'staging', 'busy.csv', '2026-11-23T09:58:00Z', '2026-11-23T09:59:30Z'),
    ('00000000-0000-4000-8000-000000000003', ${pactId}, 'neighbourhoods', 'validated', 'done.csv', '2026-11-23T09:00:00Z', '2026-11-23T09:00:00Z')`.execute(database.db);
});
after(() => database.close());

test('an import that stopped reading long ago is marked failed with a reason and a history entry; a busy one is left alone', async () => {
  const failed = await failInterruptedImports(database.db, new Date('2026-11-23T10:00:00Z'));
  assert.equal(failed, 1);
  const jobs = await sql<{ file_name: string; status: string; file_error: { key: string } | null }>`
    select file_name, status, file_error from import_job order by file_name`.execute(database.db);
  assert.deepEqual(
    jobs.rows.map((j) => [j.file_name, j.status, j.file_error?.key ?? null]),
    [['busy.csv', 'staging', null], ['done.csv', 'validated', null], ['old.csv', 'failed', 'import.error.interrupted']],
  );
  const history = await sql<{ to_status: string }>`
    select to_status from import_job_status_change where job_id = '00000000-0000-4000-8000-000000000001'`.execute(database.db);
  assert.deepEqual(history.rows.map((h) => h.to_status), ['failed']);
});
