// The prepared-statement pool on a real PostgreSQL server (PGlite does not use it): named
// statements, and a transaction's `begin` sent together with its first query.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import type { Database } from './database.ts';
import { preparedStatementPool } from './prepared-statements.ts';

const skip = testEngine === 'postgres' ? false : 'the prepared-statement pool is used on PostgreSQL only';

let database: Database;
let pool: pg.Pool;
let db: Kysely<Record<string, never>>;
/** What each pooled client was asked to send, in order: a text, or a prepared statement's name. */
const sent: string[] = [];

before(async () => {
  if (skip) return;
  database = await openTestDatabase();
  const url = (database.pool.options as { connectionString: string }).connectionString;
  pool = new pg.Pool({ connectionString: url, max: 1 });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
      const c = config as { name?: string; text?: string; constructor: { name: string } };
      const kind = c.constructor.name === 'BeginThenQuery' ? 'BeginThenQuery' : 'Query';
      sent.push(typeof config === 'string' ? config : `${kind}:${c.name ?? c.text}`);
      return query(config, ...rest);
    };
  });
  db = new Kysely({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool) }) });
  await sql`create table if not exists begin_probe (id int primary key, note text)`.execute(db);
});
after(async () => {
  if (skip) return;
  await db.destroy();
  await database.close();
});

const insertProbe = (executor: Kysely<Record<string, never>>, id: number) =>
  sql`insert into begin_probe (id, note) values (${id}, ${'probe'})`.execute(executor);
const countProbes = async (executor: Kysely<Record<string, never>>, id: number) =>
  Number((await sql<{ n: string }>`select count(*) as n from begin_probe where id = ${id}`.execute(executor)).rows[0]!.n);

test('the first transaction on a connection prepares begin, later ones send it with their first query', { skip }, async () => {
  // Twice, so that both statements are prepared on the connection by the second transaction.
  for (let round = 0; round < 2; round++) {
    sent.length = 0;
    const result = await db.transaction().execute(async (tx) => {
      const first = await sql<{ txid: string; at: Date }>`select txid_current()::text as txid, now() as at where ${1}::int = 1`.execute(tx);
      const second = await sql<{ txid: string; at: Date }>`select txid_current()::text as txid, now() as at where ${2}::int = 2`.execute(tx);
      return { first: first.rows[0]!, second: second.rows[0]! };
    });
    // Both statements ran in one transaction block (same transaction id and transaction time).
    assert.equal(result.first.txid, result.second.txid);
    assert.equal(result.first.at.getTime(), result.second.at.getTime());
    if (round === 0) {
      assert.equal(sent.length, 4, `begin, two statements and commit: ${sent.join(' | ')}`);
    } else {
      assert.equal(sent.length, 3, `begin goes with the first statement: ${sent.join(' | ')}`);
      assert.match(sent[0]!, /^BeginThenQuery:sp_/);
      assert.equal(sent[2], 'commit');
    }
  }
});

test('a rolled-back transaction undoes the write sent together with begin', { skip }, async () => {
  await db.transaction().execute(async (tx) => insertProbe(tx, 1));
  sent.length = 0;
  await assert.rejects(
    db.transaction().execute(async (tx) => {
      await insertProbe(tx, 2);
      assert.equal(await countProbes(tx, 2), 1);
      throw new Error('change of mind');
    }),
    /change of mind/,
  );
  assert.match(sent[0]!, /^BeginThenQuery:/, 'the insert was sent with begin');
  assert.equal(sent.at(-1), 'rollback');
  assert.equal(await countProbes(db, 2), 0);
});

test('an error in the statement sent with begin leaves the connection usable and nothing written', { skip }, async () => {
  await insertProbe(db, 3);
  await assert.rejects(
    db.transaction().execute(async (tx) => {
      await insertProbe(tx, 3); // duplicate key, in the same write as begin
    }),
    (error: Error & { code?: string }) => error.code === '23505',
  );
  // The aborted transaction was rolled back: the next transaction starts clean on the same connection.
  const txids = await db.transaction().execute(async (tx) => {
    await insertProbe(tx, 4);
    return countProbes(tx, 4);
  });
  assert.equal(txids, 1);
  assert.equal(await countProbes(db, 3), 1);
});

test('a transaction that runs no statement sends nothing', { skip }, async () => {
  await db.transaction().execute(async (tx) => {
    await sql`select ${1}::int as warm`.execute(tx);
  });
  sent.length = 0;
  await db.transaction().execute(async () => undefined);
  assert.deepEqual(sent, []);
  // And the connection is not left inside a transaction block: two statements on their own run in
  // two transactions.
  const txid = async () => (await sql<{ txid: string }>`select txid_current()::text as txid where ${1}::int = 1`.execute(db)).rows[0]!.txid;
  assert.notEqual(await txid(), await txid());
});

test('a statement that is not prepared yet is preceded by a begin of its own', { skip }, async () => {
  await db.transaction().execute(async (tx) => {
    await sql`select ${1}::int as warm`.execute(tx);
  });
  sent.length = 0;
  const unique = `select 'fresh'::text as v, ${Date.now()}::bigint as t`;
  await db.transaction().execute(async (tx) => {
    await sql.raw(unique).execute(tx); // no parameters: the simple protocol
    await insertProbe(tx, 5);
  });
  assert.equal(sent[0], 'Query:sp_begin');
  assert.equal(await countProbes(db, 5), 1);
});
