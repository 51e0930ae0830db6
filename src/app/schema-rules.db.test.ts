// Rules of the schema, checked in the catalogue after every migration: no amounts in binary
// floating point, and no table without row-level security forced on it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../platform/db/database.ts';
import { openTestDatabase } from '../../tests/support/test-database.ts';

let database: Database;
before(async () => {
  database = await openTestDatabase();
});
after(() => database.close());

test('no column is a binary floating-point number: money is integer cents or numeric', async () => {
  const r = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
     where table_schema = 'public' and data_type in ('double precision', 'real')
     order by table_name, column_name`.execute(database.db);
  assert.deepEqual(r.rows, []);
  // The control: the catalogue query finds such a column when there is one.
  await sql`create table float_fixture (amount double precision)`.execute(database.db);
  try {
    const found = await sql<{ n: number }>`
      select count(*)::int as n from information_schema.columns
       where table_schema = 'public' and data_type in ('double precision', 'real')`.execute(database.db);
    assert.equal(found.rows[0]!.n, 1);
  } finally {
    await sql`drop table float_fixture`.execute(database.db);
  }
});

test('every table of the application forces row-level security', async () => {
  const r = await sql<{ relname: string }>`
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'schema_migration'
       and not (c.relrowsecurity and c.relforcerowsecurity)
     order by c.relname`.execute(database.db);
  assert.deepEqual(r.rows.map((x) => x.relname), []);
});

test('row-level-security policies read the request context once per statement: app_pact_id() and friends inside (select …)', async () => {
  const r = await sql<{ tablename: string; policyname: string }>`
    select tablename, policyname from pg_policies
     where schemaname = 'public'
       and (regexp_replace(coalesce(qual, '') || ' ' || coalesce(with_check, ''), '\\(\\s*select\\s+app_(pact|person|session)_id\\(\\)', '', 'gi')
            ~ 'app_(pact|person|session)_id\\(\\)')
     order by tablename, policyname`.execute(database.db);
  assert.deepEqual(r.rows, []);
});
