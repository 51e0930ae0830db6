// One way to reach PostgreSQL: Kysely over a `pg` pool. Without DATABASE_URL the pool talks to
// an embedded PGlite in a data folder through PGlite's node-postgres adapter, so the same SQL,
// migrations and transactions run on both engines (docs/decisions/0002-postgresql-and-pglite.md).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts';
import { preparedStatementPool } from './prepared-statements.ts';

// Queries are written as visible SQL with Kysely's `sql` tag and typed per query, so the
// Kysely instance carries no table map.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type NoTables = {};
export type Db = Kysely<NoTables>;
export type Tx = Transaction<NoTables>;
/** Anything that can run a query: the database or a transaction. Inside a transaction always pass the transaction. */
export type Executor = Db | Tx;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  pool: pg.Pool;
  /** The embedded instance, when running on PGlite (for dumps and backups). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir?: string;
  poolSize?: number;
  /** Start PGlite from a saved data-folder image (tests start from a migrated golden image). */
  loadDataDir?: Blob | File;
  /** Take the lock file on the data folder (default true; in-memory databases have none). */
  lock?: boolean;
  /** Keep the data in memory only (tests). */
  inMemory?: boolean;
}

// `pg` parses bigint and numeric to strings by default; counts in this app fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      // Prepared statements keep one generic plan (docs/decisions/0025-request-path.md): without this,
      // PostgreSQL plans statements whose policies call functions afresh on every execution, because
      // it cannot cost their generic plan as cheaper, and planning was half of a page's database time.
      options: '-c plan_cache_mode=force_generic_plan',
    });
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. The request that needs it reports the error.
    });
    const db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool: preparedStatementPool(pool) }) });
    return {
      db,
      engine: 'postgres',
      pool,
      async close() {
        await db.destroy();
      },
    };
  }

  let lock: DataDirLock | undefined;
  let dataDir: string | undefined;
  if (!options.inMemory) {
    dataDir = resolve(options.dataDir ?? './.data');
    mkdirSync(dataDir, { recursive: true });
    if (options.lock !== false) lock = acquireDataDirLock(dataDir);
  }
  try {
    const pglite = await PGlite.create({
      ...(dataDir ? { dataDir: `${dataDir}/pgdata` } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    // PGlite is a single connection: the pool holds exactly one client and queues the rest.
    const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1 });
    const db = new Kysely<NoTables>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      engine: 'pglite',
      pool,
      pglite,
      async close() {
        await db.destroy();
        await pglite.close();
        lock?.release();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
