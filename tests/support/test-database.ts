// Real databases for tests, fast: on PGlite every test file starts from a migrated golden image
// (made once per run by scripts/prepare-test-databases.ts); on PostgreSQL (DATABASE_URL set) every
// test file gets a fresh database copied from a migrated template database.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/platform/db/database.ts';
import { migrate } from '../../src/platform/db/migrate.ts';

/** The same server's address with another database in it (by default the maintenance database). */
export function adminUrl(databaseUrl: string, database = 'postgres'): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates database `name` on the server of `databaseUrl` as a copy of `template`. */
export async function createDatabaseFromTemplate(databaseUrl: string, name: string, template: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl(databaseUrl) });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
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

export interface TestDatabaseOptions {
  /**
   * Start from the demo data (the two fictional pacts, seeded once per run with the test clock and
   * key, see scripts/prepare-test-databases.ts), instead of an empty migrated database.
   */
  demo?: boolean;
}

/** Seeds the demo data the way every test expects it: the test clock and the tests' second-factor key. */
export async function seedTestDemo(database: Database): Promise<void> {
  // Imported here, not at the top: the seed pulls in the whole app, which plain database tests do not need.
  const [{ seedDemo }, { fixedClock }, { sealingKey }] = await Promise.all([
    import('../../src/app/seed-demo.ts'), import('../../src/platform/clock.ts'), import('../../src/platform/crypto/sealed-box.ts'),
  ]);
  await seedDemo(database.db, fixedClock(TEST_SEED_TIME), { secondFactorKey: sealingKey(Buffer.alloc(32, 0x5a)) });
}

/** The moment the demo data of the tests is seeded at (the test app's fixed clock). */
export const TEST_SEED_TIME = '2026-11-23T10:00:00Z';

/** A fresh, migrated database for one test file (with the demo data when asked). Close it in `after()`. */
export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    let template = options.demo ? process.env.SP_TEST_TEMPLATE_DEMO : process.env.SP_TEST_TEMPLATE;
    const ownTemplate = !template;
    template ??= await createTemplateDatabase(databaseUrl);
    const name = `sp_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await createDatabaseFromTemplate(databaseUrl, name, template);
    const database = await openDatabase({ databaseUrl: adminUrl(databaseUrl, name), poolSize: 4 });
    if (ownTemplate && options.demo) await seedTestDemo(database);
    return {
      ...database,
      async close() {
        await database.close();
        await dropDatabase(databaseUrl, name);
        if (ownTemplate) await dropDatabase(databaseUrl, template);
      },
    };
  }
  const golden = options.demo ? process.env.SP_TEST_GOLDEN_DEMO : process.env.SP_TEST_GOLDEN;
  if (golden) {
    return openDatabase({ inMemory: true, loadDataDir: new Blob([readFileSync(golden)]) });
  }
  const database = await openDatabase({ inMemory: true });
  await migrate(database.pool);
  if (options.demo) await seedTestDemo(database);
  return database;
}
