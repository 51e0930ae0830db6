import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from './database.ts';
import { migrate, MigrationChecksumError, readMigrations } from './migrate.ts';
import { VOLATILE_FUNCTIONS } from './prepared-statements.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

test('migrating an up-to-date database applies nothing', async () => {
  assert.deepEqual(await migrate(database.pool), []);
  const r = await sql<{ n: number }>`select count(*)::int as n from schema_migration`.execute(database.db);
  assert.equal(r.rows[0]?.n, readMigrations().length);
});

test('an applied migration that was edited stops the migration', async () => {
  const files = readMigrations().map((f, i) => (i === 0 ? { ...f, checksum: 'edited' } : f));
  await assert.rejects(migrate(database.pool, files), MigrationChecksumError);
});

test('a failing migration is rolled back whole and named in the error', async () => {
  const bad = { name: '9999_broken.sql', sql: 'create table half_done (id int); select no_such_function();', checksum: 'x' };
  await assert.rejects(migrate(database.pool, [...readMigrations(), bad]), /9999_broken\.sql/);
  const r = await sql<{ n: number }>`select count(*)::int as n from pg_tables where tablename = 'half_done'`.execute(database.db);
  assert.equal(r.rows[0]?.n, 0);
});

test('the volatile functions the migrations define are the ones a read-only transaction must not call', async () => {
  // prepared-statements.ts defers the commit of a transaction that only read; a select that calls
  // a volatile function may write, so every such function has to be on its list.
  const r = await sql<{ name: string }>`
    select p.proname as name from pg_proc p
     where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
       and p.provolatile = 'v' and p.prorettype <> 'trigger'::regtype
     order by 1`.execute(database.db);
  assert.deepEqual(r.rows.map((row) => row.name), [...VOLATILE_FUNCTIONS].sort());
});
