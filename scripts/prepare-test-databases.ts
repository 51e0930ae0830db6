// Made once per test run: the migrated golden PGlite image, or on PostgreSQL a migrated template
// database. Prints the environment the test processes need as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { adminUrl, createDatabaseFromTemplate, createTemplateDatabase, dropDatabase, seedTestDemo } from '../tests/support/test-database.ts';

const root = new URL('..', import.meta.url).pathname;
const command = process.argv[2] ?? 'prepare';

// Two starting points: migrated and empty, and migrated with the demo data (seeded once here, not
// once per test file).
if (command === 'drop') {
  const url = process.env.DATABASE_URL;
  for (const name of process.argv.slice(3)) if (url && name) await dropDatabase(url, name);
} else if (process.env.DATABASE_URL) {
  const url = process.env.DATABASE_URL;
  const name = await createTemplateDatabase(url);
  const demo = `${name}_demo`;
  await createDatabaseFromTemplate(url, demo, name);
  const database = await openDatabase({ databaseUrl: adminUrl(url, demo), poolSize: 1 });
  try {
    await seedTestDemo(database);
  } finally {
    await database.close();
  }
  console.log(JSON.stringify({ SP_TEST_TEMPLATE: name, SP_TEST_TEMPLATE_DEMO: demo }));
} else {
  const database = await openDatabase({ inMemory: true });
  await migrate(database.pool);
  const image = await database.pglite!.dumpDataDir('none');
  await seedTestDemo(database);
  const demoImage = await database.pglite!.dumpDataDir('none');
  await database.close();
  mkdirSync(`${root}.test-work`, { recursive: true });
  const path = `${root}.test-work/golden-${process.pid}.tar`;
  const demoPath = `${root}.test-work/golden-demo-${process.pid}.tar`;
  writeFileSync(path, Buffer.from(await image.arrayBuffer()));
  writeFileSync(demoPath, Buffer.from(await demoImage.arrayBuffer()));
  console.log(JSON.stringify({ SP_TEST_GOLDEN: path, SP_TEST_GOLDEN_DEMO: demoPath }));
}

