// Real databases for tests, fast: on PGlite every test file starts from a migrated golden image
// (made once per run by scripts/prepare-test-databases.ts); on PostgreSQL (DATABASE_URL set) every
// test file gets a fresh database copied from a migrated template database.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

function adminUrl(databaseUrl: string, database = 'postgres'): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates a migrated template database on the server; returns its name. */
export async function createTemplateDatabase(databaseUrl: string): Promise<string> {
  const name = `sp_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const pool = new pg.Pool({ connectionString: adminUrl(databaseUrl, name), max: 1 });
  try {
    await migrate(pool);
  } finally {
    await pool.end();
  }
  return name;
}

export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
  } finally {
    await admin.end();
  }
}

/** The engine this test run uses: PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export const testEngine = process.env.DATABASE_URL ? 'postgres' : 'pglite';

/** A fresh, migrated database for one test file. Close it in `after()`. */
export async function openTestDatabase(): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    let template = process.env.SP_TEST_TEMPLATE;
    const ownTemplate = !template;
    template ??= await createTemplateDatabase(databaseUrl);
    const name = `sp_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
    await admin.connect();
    try {
      await admin.query(`create database ${name} template ${template}`);
    } finally {
      await admin.end();
    }
    const database = await openDatabase({ databaseUrl: adminUrl(databaseUrl, name), poolSize: 4 });
    return {
      ...database,
      async close() {
        await database.close();
        await dropDatabase(databaseUrl, name);
        if (ownTemplate) await dropDatabase(databaseUrl, template);
      },
    };
  }
  const golden = process.env.SP_TEST_GOLDEN;
  if (golden) {
    return openDatabase({ inMemory: true, loadDataDir: new Blob([readFileSync(golden)]) });
  }
  const database = await openDatabase({ inMemory: true });
  await migrate(database.pool);
  return database;
}
