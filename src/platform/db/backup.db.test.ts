// Backup and restore end to end: the CLI in its own process, as an operator runs it. On PGlite a
// data folder is backed up and restored into another, and every table is compared; on PostgreSQL
// (DATABASE_URL set) the CLI names pg_dump and pg_restore instead, which is checked in both runs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { seedDemo } from '../../app/seed-demo.ts';
import { testSecondFactorKey } from '../../../tests/support/test-app.ts';
import { recordAudit, verifyAuditChains } from '../audit/audit-log.ts';
import { fixedClock } from '../clock.ts';
import { configSchema } from '../config.ts';
import { BACKUP_MAGIC, BackupError, createBackup, readBackup, restoreBackup } from './backup.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { openDatabase, type Db } from './database.ts';
import { migrate, readMigrations } from './migrate.ts';

const repositoryRoot = new URL('../../../', import.meta.url).pathname;

/**
 * Time limits per test: a margin for every CLI process it starts (tsx compiles the CLI at each cold
 * start, which on a busy two-core machine can take half a minute) and for every data folder it
 * opens in this process. They only catch a hang; a test that is done sooner is not held up.
 */
const PER_PROCESS_MS = 120_000;
const PER_DATA_FOLDER_MS = 60_000;
const limit = (processes: number, dataFolders = 0) => ({ timeout: processes * PER_PROCESS_MS + dataFolders * PER_DATA_FOLDER_MS });
const clock = fixedClock('2026-03-02T09:00:00Z');

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx src/cli.ts …` with `env` as its whole configuration (the test run's own is not passed on). */
function runCli(args: string[], env: Record<string, string>): Promise<CliRun> {
  const inherited = { ...process.env };
  for (const key of Object.keys(configSchema.shape)) delete inherited[key];
  delete inherited.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    cwd: repositoryRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function describeRun(run: CliRun): string {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

interface TableFingerprint {
  rows: number;
  hash: string | null;
}

/** Row count and an ordered hash of every table outside the system schemas, plus the columns and policies. */
async function fingerprint(db: Db): Promise<Map<string, TableFingerprint>> {
  const result = new Map<string, TableFingerprint>();
  const tables = await sql<{ name: string }>`
    select format('%I.%I', table_schema, table_name) as name from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
     order by 1`.execute(db);
  for (const { name } of tables.rows) {
    // The name comes from the catalog, quoted by format('%I').
    const r = await sql<TableFingerprint>`
      select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as hash from ${sql.raw(name)} t`.execute(db);
    result.set(name, r.rows[0]!);
  }
  const columns = await sql<TableFingerprint>`
    select count(*)::int as rows,
           md5(string_agg(format('%s.%s.%s %s %s', table_schema, table_name, column_name, data_type, is_nullable), '|'
               order by table_schema, table_name, ordinal_position)) as hash
      from information_schema.columns where table_schema not in ('pg_catalog', 'information_schema')`.execute(db);
  result.set('(columns)', columns.rows[0]!);
  const policies = await sql<TableFingerprint>`
    select count(*)::int as rows,
           md5(string_agg(format('%s.%s %s %s %s %s', schemaname, tablename, policyname, cmd, qual, with_check), '|'
               order by schemaname, tablename, policyname)) as hash
      from pg_policies`.execute(db);
  result.set('(policies)', policies.rows[0]!);
  return result;
}

async function withDataDir<T>(dataDir: string, work: (db: Db) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir, poolSize: 1 });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

/** The offset of the archive in a backup file: after the format line and the description line. */
function archiveOffset(bytes: Buffer): number {
  return bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
}

describe('backup and restore on PostgreSQL (DATABASE_URL set)', () => {
  // The CLI does not connect for these commands, so this runs in the PGlite run as well.
  const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'sp-backup-pg-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('backup prints the pg_dump command, exits 2 and writes nothing', async () => {
    const file = join(root, 'schakelpunt.dump');
    const run = await runCli(['backup', file], { DATABASE_URL: databaseUrl, DATA_DIR: join(root, 'data') });
    assert.equal(run.code, 2, describeRun(run));
    assert.ok(run.stdout.includes(`pg_dump --format=custom --file=${file} "$DATABASE_URL"`), describeRun(run));
    assert.match(run.stdout, /row-level security policies/);
    assert.equal(existsSync(file), false);
    assert.equal(existsSync(join(root, 'data')), false);
  });

  test('restore prints the pg_restore command and the role it needs, and exits 2', async () => {
    const file = join(root, 'schakelpunt.dump');
    writeFileSync(file, 'not read');
    const run = await runCli(['restore', file], { DATABASE_URL: databaseUrl, DATA_DIR: join(root, 'data') });
    assert.equal(run.code, 2, describeRun(run));
    assert.ok(
      run.stdout.includes(`pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$DATABASE_URL" ${file}`),
      describeRun(run),
    );
    assert.match(run.stdout, /schakelpunt_app must exist/);
    assert.match(run.stdout, /npm run cli -- verify-audit/);
    assert.equal(existsSync(join(root, 'data')), false);
  });
});

describe('backup and restore of a PGlite data folder', { skip: process.env.DATABASE_URL ? 'this run is on PostgreSQL: the pg_dump answer is tested above' : false }, () => {
  let root: string;
  let source: string;
  let backupFile: string;

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'sp-backup-'));
    source = join(root, 'source');
    backupFile = join(root, 'schakelpunt.backup');
    const database = await openDatabase({ dataDir: source, poolSize: 1 });
    try {
      await migrate(database.pool);
      await seedDemo(database.db, clock, { secondFactorKey: testSecondFactorKey });
      // One more audited change after the seed, so the copy must hold the latest chain entries too.
      await database.db.transaction().execute(async (tx) => {
        const pact = await sql<{ id: string }>`
          update pact set name = 'Pact Samen Lindewaard (na de back-up)' where slug = 'lindewaard' returning id`.execute(tx);
        const pactId = pact.rows[0]!.id;
        await recordAudit(tx, {
          pactId, actor: { personId: null, role: 'cli' }, action: 'pact.update', recordType: 'pact', recordId: pactId,
          purpose: 'pact-administration', details: { field: 'name' }, occurredAt: clock.now(),
        });
      });
    } finally {
      await database.close();
    }
    // The backup the other tests restore; the first test makes its own through the CLI.
    await createBackup({ dataDir: source, file: backupFile, clock });
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('the CLI backs up a data folder and restores it into another with the same data in every table', limit(2, 2), async () => {
    const cliFile = join(root, 'cli.backup');
    const backup = await runCli(['backup', cliFile], { DATA_DIR: source });
    assert.equal(backup.code, 0, describeRun(backup));
    assert.match(backup.stdout, /Backup written to/);
    assert.equal(statSync(cliFile).mode & 0o777, 0o600, 'only the owner may read a backup');
    assert.equal(existsSync(`${cliFile}.tmp`), false);
    const bytes = readFileSync(cliFile);
    assert.equal(bytes.subarray(0, bytes.indexOf(0x0a)).toString(), BACKUP_MAGIC);
    const { manifest } = readBackup(cliFile);
    assert.deepEqual(manifest.migrations.map((m) => m.name), readMigrations().map((m) => m.name));
    assert.match(backup.stdout, new RegExp(manifest.archive.sha256));

    const target = join(root, 'restored');
    const restore = await runCli(['restore', cliFile], { DATA_DIR: target });
    assert.equal(restore.code, 0, describeRun(restore));
    assert.match(restore.stdout, /Checksum verified/);
    assert.match(restore.stdout, /All 3 audit chains verified\./);
    assert.deepEqual(readdirSync(target), ['pgdata'], 'no lock file or loading folder is left behind');

    const original = await withDataDir(source, fingerprint);
    const afterRestore = await withDataDir(target, async (db) => {
      const chains = await verifyAuditChains(db);
      assert.equal(chains.length, 3);
      assert.ok(chains.every((c) => c.ok), JSON.stringify(chains));
      const updates = await sql<{ n: number }>`select count(*)::int as n from audit_event where action = 'pact.update'`.execute(db);
      assert.equal(updates.rows[0]!.n, 1, 'the change made after the seed is in the copy');
      return fingerprint(db);
    });
    for (const table of ['public.person', 'public.pact', 'public.membership', 'public.audit_event', 'public.schema_migration']) {
      assert.ok((original.get(table)?.rows ?? 0) > 0, `${table} has rows to compare`);
    }
    assert.ok((original.get('(policies)')?.rows ?? 0) > 0);
    assert.deepEqual([...afterRestore.keys()], [...original.keys()]);
    for (const [table, expected] of original) assert.deepEqual(afterRestore.get(table), expected, table);
  });

  test('a backup does not replace an existing file unless --force', limit(2), async () => {
    const file = join(root, 'existing.backup');
    writeFileSync(file, 'an older backup');
    const refused = await runCli(['backup', file], { DATA_DIR: source });
    assert.equal(refused.code, 1, describeRun(refused));
    assert.match(refused.stderr, /already exists.*--force/);
    assert.equal(readFileSync(file, 'utf8'), 'an older backup');

    const forced = await runCli(['backup', file, '--force'], { DATA_DIR: source });
    assert.equal(forced.code, 0, describeRun(forced));
    assert.equal(readBackup(file).manifest.app, 'schakelpunt');
  });

  test('a backup is refused while another process holds the data folder', limit(1), async () => {
    // This test process plays the running app.
    const lock = acquireDataDirLock(source);
    try {
      const run = await runCli(['backup', join(root, 'while-running.backup')], { DATA_DIR: source });
      assert.equal(run.code, 1, describeRun(run));
      assert.match(run.stderr, new RegExp(`in use by process ${process.pid}`));
      assert.equal(existsSync(join(root, 'while-running.backup')), false);
    } finally {
      lock.release();
    }
  });

  test('a backup with one byte changed is refused with a clear message and nothing is restored', limit(1), async () => {
    const bytes = readFileSync(backupFile);
    const damaged = Buffer.from(bytes);
    const at = archiveOffset(bytes) + Math.floor((bytes.length - archiveOffset(bytes)) / 2);
    damaged[at] = damaged[at]! ^ 0x01;
    const damagedFile = join(root, 'damaged.backup');
    writeFileSync(damagedFile, damaged);
    const target = join(root, 'from-damaged');

    const run = await runCli(['restore', damagedFile], { DATA_DIR: target });
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stderr, /is damaged: its checksum does not match/);
    assert.match(run.stderr, /Nothing was restored/);
    assert.equal(existsSync(join(target, 'pgdata')), false);

    const truncatedFile = join(root, 'truncated.backup');
    writeFileSync(truncatedFile, bytes.subarray(0, bytes.length - 100));
    assert.throws(() => readBackup(truncatedFile), /is damaged: its checksum does not match/);
    const notABackup = join(root, 'notes.txt');
    writeFileSync(notABackup, 'hello\nworld\n');
    assert.throws(() => readBackup(notABackup), /is not a Schakelpunt backup/);
  });

  test('a restore into a folder that holds a database is refused, and --force keeps that database aside', limit(2, 4), async () => {
    const occupied = join(root, 'occupied');
    await withDataDir(occupied, async (db) => {
      await sql`create table keep_me (note text)`.execute(db);
      await sql`insert into keep_me values ('the database that was here')`.execute(db);
    });

    const refused = await runCli(['restore', backupFile], { DATA_DIR: occupied });
    assert.equal(refused.code, 1, describeRun(refused));
    assert.match(refused.stderr, /already holds a database.*--force/);
    await withDataDir(occupied, async (db) => {
      const r = await sql<{ note: string }>`select note from keep_me`.execute(db);
      assert.deepEqual(r.rows, [{ note: 'the database that was here' }]);
    });

    // The installation's key files are not in the backup: they stay, so second factors keep working.
    writeFileSync(join(occupied, 'second-factor-key'), 'the installation key');
    const forced = await runCli(['restore', backupFile, '--force'], { DATA_DIR: occupied });
    assert.equal(forced.code, 0, describeRun(forced));
    assert.equal(readFileSync(join(occupied, 'second-factor-key'), 'utf8'), 'the installation key');
    const aside = readdirSync(root).filter((name) => name.startsWith('occupied.before-restore-'));
    assert.equal(aside.length, 1, readdirSync(root).join(', '));
    assert.match(forced.stdout, new RegExp(`kept in .*${aside[0]}`));
    assert.equal(readFileSync(join(root, aside[0]!, 'second-factor-key'), 'utf8'), 'the installation key', 'and a copy beside the old database');
    await withDataDir(join(root, aside[0]!), async (db) => {
      const r = await sql<{ note: string }>`select note from keep_me`.execute(db);
      assert.deepEqual(r.rows, [{ note: 'the database that was here' }]);
    });
    await withDataDir(occupied, async (db) => {
      const kept = await sql<{ present: boolean }>`select to_regclass('public.keep_me') is not null as present`.execute(db);
      assert.equal(kept.rows[0]!.present, false);
      const pacts = await sql<{ slug: string }>`select slug from pact order by slug`.execute(db);
      assert.deepEqual(pacts.rows.map((p) => p.slug), ['hagedoorn', 'lindewaard']);
    });
  });

  test('a restored database whose audit log was changed is reported loudly with exit 1, and stays restored', limit(1, 4), async () => {
    const tampered = join(root, 'tampered');
    await restoreBackup({ dataDir: tampered, file: backupFile, clock });
    await withDataDir(tampered, async (db) => {
      // As the database owner could, bypassing the append-only trigger.
      await sql`alter table audit_event disable trigger audit_event_no_change`.execute(db);
      await sql`update audit_event set purpose = 'something else' where action = 'pact.update'`.execute(db);
      await sql`alter table audit_event enable trigger audit_event_no_change`.execute(db);
    });
    const tamperedFile = join(root, 'tampered.backup');
    await createBackup({ dataDir: tampered, file: tamperedFile, clock });

    const target = join(root, 'from-tampered');
    const run = await runCli(['restore', tamperedFile], { DATA_DIR: target });
    assert.equal(run.code, 1, describeRun(run));
    assert.match(run.stdout, /BROKEN .* first broken entry: 2 \(content does not match its hash\)/);
    assert.match(run.stderr, /WARNING: 1 of 3 audit chains in the restored database do not verify/);
    await withDataDir(target, async (db) => {
      const r = await sql<{ n: number }>`select count(*)::int as n from person`.execute(db);
      assert.ok(r.rows[0]!.n > 0, 'the data is restored');
    });
  });

  test('a backup made before the latest migration is brought up to date on restore', limit(0, 4), async () => {
    const files = readMigrations();
    const latest = files.at(-1)!;
    const older = join(root, 'older');
    const database = await openDatabase({ dataDir: older, poolSize: 1 });
    try {
      await migrate(database.pool, files.slice(0, -1));
    } finally {
      await database.close();
    }
    const olderFile = join(root, 'older.backup');
    const written = await createBackup({ dataDir: older, file: olderFile, clock });
    assert.equal(written.migrations.length, files.length - 1);

    const result = await restoreBackup({ dataDir: join(root, 'older-restored'), file: olderFile, clock });
    assert.deepEqual(result.applied, [latest.name]);
    assert.ok(result.chains.every((c) => c.ok));
    await withDataDir(join(root, 'older-restored'), async (db) => {
      const r = await sql<{ name: string }>`select name from schema_migration order by name`.execute(db);
      assert.deepEqual(r.rows.map((m) => m.name), files.map((m) => m.name));
    });
  });

  test('a backup with a migration this version does not know is refused before anything is restored', async () => {
    const target = join(root, 'from-the-future');
    await assert.rejects(
      restoreBackup({ dataDir: target, file: backupFile, clock, migrations: readMigrations().slice(0, -1) }),
      (error) => error instanceof BackupError && /made by a newer version/.test(error.message),
    );
    assert.equal(existsSync(target), false);
  });
});
