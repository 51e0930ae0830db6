// Made once per test run: the migrated golden PGlite image, or on PostgreSQL a migrated template
// database. Prints the environment the test processes need as JSON.
import { mkdirSync, writeFileSync } from 'node:fs';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { createTemplateDatabase, dropDatabase } from '../tests/support/test-database.ts';

const root = new URL('..', import.meta.url).pathname;
const command = process.argv[2] ?? 'prepare';

if (command === 'drop') {
  const url = process.env.DATABASE_URL;
  const name = process.argv[3];
  if (url && name) await dropDatabase(url, name);
} else if (process.env.DATABASE_URL) {
  const name = await createTemplateDatabase(process.env.DATABASE_URL);
  console.log(JSON.stringify({ SP_TEST_TEMPLATE: name }));
} else {
  const database = await openDatabase({ inMemory: true });
  await migrate(database.pool);
  const image = await database.pglite!.dumpDataDir('none');
  await database.close();
  mkdirSync(`${root}.test-work`, { recursive: true });
  const path = `${root}.test-work/golden-${process.pid}.tar`;
  writeFileSync(path, Buffer.from(await image.arrayBuffer()));
  console.log(JSON.stringify({ SP_TEST_GOLDEN: path }));
}
