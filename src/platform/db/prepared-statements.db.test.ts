// The prepared-statement pool on a real PostgreSQL server (PGlite does not use it): named
// statements, a transaction's `begin` sent together with its first query, and the `commit` of a
// transaction that only read sent together with the connection's next statement.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { openTestDatabase, testEngine } from '../../../tests/support/test-database.ts';
import type { Database } from './database.ts';
import { preparedStatementPool, VOLATILE_FUNCTIONS } from './prepared-statements.ts';

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
      const c = config as { name?: string; text?: string; commitFirst?: boolean; constructor: { name: string } };
      const kind = c.constructor.name === 'BeginThenQuery' ? (c.commitFirst ? 'CommitBeginThenQuery' : 'BeginThenQuery') : 'Query';
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
      // txid_current() gives the transaction an id (it may write): its commit is sent at once.
      assert.equal(sent[2], 'Query:sp_commit');
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
  await settled();
  sent.length = 0;
  const unique = `select 'fresh'::text as v, ${Date.now()}::bigint as t`;
  await db.transaction().execute(async (tx) => {
    await sql.raw(unique).execute(tx); // no parameters: the simple protocol
    await insertProbe(tx, 5);
  });
  assert.deepEqual(sent.slice(0, 2), ['Query:sp_begin', unique]);
  assert.equal(await countProbes(db, 5), 1);
});

/** Two turns of the event loop: a deferred commit of an idle connection has gone out. */
const settled = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
const probeSetting = sql<{ v: string | null }>`select current_setting('app.probe', true) as v where ${1}::int = 1`;
const readOnlyTransaction = (value: string) =>
  db.transaction().execute(async (tx) => {
    await sql`select set_config('app.probe', ${value}, true) as v`.execute(tx);
    return (await sql<{ pid: number }>`select pg_backend_pid() as pid where ${1}::int = 1`.execute(tx)).rows[0]!.pid;
  });

test('a transaction that only read sends its commit with the next transaction\'s first statement', { skip }, async () => {
  await readOnlyTransaction('warm');
  // Prepares the probe and `commit` on the connection.
  await db.transaction().execute(async (tx) => {
    await probeSetting.execute(tx);
    await insertProbe(tx, 6);
  });
  await settled();
  sent.length = 0;
  await readOnlyTransaction('first');
  const seen = await db.transaction().execute(async (tx) => (await probeSetting.execute(tx)).rows[0]!.v);
  // The first transaction had ended: its transaction-local setting is gone.
  assert.ok(seen === null || seen === '', `the setting of the earlier transaction leaked: ${seen}`);
  // Three writes for two transactions: no commit went out on its own.
  assert.equal(sent.length, 3, sent.join(' | '));
  assert.match(sent[0]!, /^BeginThenQuery:sp_/, 'the first read goes with begin');
  assert.match(sent[1]!, /^Query:sp_/);
  assert.match(sent[2]!, /^CommitBeginThenQuery:sp_/, 'the second transaction starts with the first one\'s commit');
});

test('a transaction that wrote commits at once, visible to another connection', { skip }, async () => {
  await readOnlyTransaction('warm');
  sent.length = 0;
  await db.transaction().execute(async (tx) => {
    await sql`select ${1}::int as read_first`.execute(tx);
    await insertProbe(tx, 7);
  });
  assert.equal(sent.at(-1), 'Query:sp_commit');
  const other = new pg.Client({ connectionString: (database.pool.options as { connectionString: string }).connectionString });
  await other.connect();
  try {
    assert.equal((await other.query('select count(*)::int as n from begin_probe where id = 7')).rows[0].n, 1);
  } finally {
    await other.end();
  }
});

test('an audited or locking read is not treated as read-only', { skip }, async () => {
  await readOnlyTransaction('warm');
  for (const statement of [
    sql`select id from begin_probe where id = ${1} for update`,
    sql`select id from begin_probe where id = ${1} for share`,
    sql`select nextval('begin_probe_seq') where ${1}::int = 1`,
  ]) {
    await sql`create sequence if not exists begin_probe_seq`.execute(db);
    await settled();
    sent.length = 0;
    await db.transaction().execute(async (tx) => statement.execute(tx));
    assert.equal(sent.at(-1), 'Query:sp_commit', statement.compile(db).sql);
  }
});

test('another user of the pool never runs inside a transaction whose commit waits', { skip }, async () => {
  await readOnlyTransaction('warm');
  await settled();
  sent.length = 0;
  await readOnlyTransaction('mine');
  // Straight to the pool, as migrations and the job runner do, before the commit went out on its own.
  const direct = await pool.query<{ v: string | null }>("select current_setting('app.probe', true) as v");
  assert.ok(direct.rows[0]!.v === null || direct.rows[0]!.v === '', `ran inside the earlier transaction: ${direct.rows[0]!.v}`);
  assert.equal(sent.at(-2), 'Query:sp_commit', sent.join(' | '));
});

test('an idle connection sends a waiting commit on its own and is not left in a transaction', { skip }, async () => {
  await readOnlyTransaction('warm');
  await settled();
  sent.length = 0;
  const pid = await readOnlyTransaction('idle');
  await settled();
  assert.equal(sent.at(-1), 'Query:sp_commit', sent.join(' | '));
  const other = new pg.Client({ connectionString: (database.pool.options as { connectionString: string }).connectionString });
  await other.connect();
  try {
    // pg_stat_activity is updated by the backend itself; give it a moment on a busy machine.
    let state = '';
    for (let i = 0; i < 100 && state !== 'idle'; i++) {
      state = (await other.query('select state from pg_stat_activity where pid = $1', [pid])).rows[0]?.state;
      if (state !== 'idle') await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.equal(state, 'idle');
  } finally {
    await other.end();
  }
});
