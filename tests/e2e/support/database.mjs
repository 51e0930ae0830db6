#!/usr/bin/env node
// A fresh PostgreSQL database for one browser-test run, so the app seeds its demo data into an
// empty database and a run never sees what an earlier one left behind.
//   node tests/e2e/support/database.mjs create <server-url>   prints the new database's URL
//   node tests/e2e/support/database.mjs drop <database-url>   drops that database
// It connects to the server's `postgres` database for both (a database cannot drop itself).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const [command, url] = process.argv.slice(2);
if (!url || (command !== 'create' && command !== 'drop')) {
  console.error('usage: database.mjs create <server-url> | drop <database-url>');
  process.exit(2);
}

function withDatabase(databaseUrl, name) {
  const u = new URL(databaseUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
await admin.connect();
try {
  if (command === 'create') {
    const name = `sp_e2e_${randomBytes(4).toString('hex')}`;
    await admin.query(`create database ${name}`);
    console.log(withDatabase(url, name));
  } else {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    // Only ever drop what `create` made: a wrong URL must not take another database with it.
    if (!/^sp_e2e_[0-9a-f]{8}$/.test(name)) throw new Error(`refusing to drop ${name}: not a browser-test database`);
    // The app server may still hold connections while Playwright tears down: end them.
    await admin.query(`drop database if exists ${name} with (force)`);
  }
} finally {
  await admin.end();
}
