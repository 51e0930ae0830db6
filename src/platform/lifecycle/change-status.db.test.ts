import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import { openTestDatabase } from '../../../tests/support/test-database.ts';
import { appendStatusHistory, changeStatus, type StatusStore } from './change-status.ts';

let database: Database;
const store: StatusStore = { table: 'thing_fixture', history: { table: 'thing_fixture_change', recordColumn: 'thing_id' } };

before(async () => {
  database = await openTestDatabase();
  await sql`create table thing_fixture (id uuid primary key default gen_random_uuid(), status text not null, decided_at timestamptz)`.execute(database.db);
  await sql`create table thing_fixture_change (thing_id uuid not null, from_status text, to_status text not null, changed_at timestamptz not null, reason text)`.execute(database.db);
});
after(() => database.close());

const at = new Date('2026-11-23T10:00:00Z');

test('a change moves the record from the status read, mirrors it and appends the history, in one transaction', async () => {
  const id = (await sql<{ id: string }>`insert into thing_fixture (status) values ('draft') returning id`.execute(database.db)).rows[0]!.id;
  await appendStatusHistory(database.db, store, { pactId: null, id, from: null, to: 'draft', at });
  const moved = await changeStatus(database.db, store, { pactId: null, id, from: 'draft', to: 'submitted', at, set: { decided_at: at }, history: { reason: 'klaar' } });
  assert.equal(moved, true);
  const row = (await sql<{ status: string; decided_at: Date }>`select status, decided_at from thing_fixture where id = ${id}`.execute(database.db)).rows[0]!;
  assert.equal(row.status, 'submitted');
  assert.equal(new Date(row.decided_at).toISOString(), at.toISOString());
  const history = await sql<{ from_status: string | null; to_status: string; reason: string | null }>`
    select from_status, to_status, reason from thing_fixture_change where thing_id = ${id} order by changed_at, to_status = 'draft' desc`.execute(database.db);
  assert.deepEqual(history.rows, [
    { from_status: null, to_status: 'draft', reason: null },
    { from_status: 'draft', to_status: 'submitted', reason: 'klaar' },
  ]);
});

test('a change from a status the record is no longer in changes nothing and says so', async () => {
  const id = (await sql<{ id: string }>`insert into thing_fixture (status) values ('accepted') returning id`.execute(database.db)).rows[0]!.id;
  assert.equal(await changeStatus(database.db, store, { pactId: null, id, from: 'draft', to: 'submitted', at }), false);
  assert.equal((await sql<{ status: string }>`select status from thing_fixture where id = ${id}`.execute(database.db)).rows[0]!.status, 'accepted');
  assert.equal((await sql<{ n: number }>`select count(*)::int as n from thing_fixture_change where thing_id = ${id}`.execute(database.db)).rows[0]!.n, 0);
});

test('names that are not plain identifiers are refused before any SQL runs', async () => {
  await assert.rejects(changeStatus(database.db, { ...store, table: 'thing_fixture; drop table x' }, { pactId: null, id: 'x', from: 'a', to: 'b', at }), /plain identifier/);
});
