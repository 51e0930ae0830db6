// Backup and restore of an installation on the embedded PGlite (docs/decisions/0016-backup-and-restore.md).
// A backup is one file: a line naming the format, a line of JSON describing the backup (app
// version, applied migrations, time, SHA-256 of the archive), then PGlite's gzipped tar of the
// data folder. The data folder is locked while it is read, so the copy is consistent; a restore
// checks the checksum before it touches anything, loads into a fresh folder next to the live one
// and only then puts it in place. On PostgreSQL, pg_dump and pg_restore do this job (see
// `postgresBackupInstructions`).
import { createHash } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock.ts';
import { verifyAuditChains, type ChainReport } from '../audit/audit-log.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';
import { openDatabase, type Executor } from './database.ts';
import { migrate, readMigrations, type MigrationFile } from './migrate.ts';

/** The first line of every backup file; the number is the version of the layout. */
export const BACKUP_MAGIC = 'schakelpunt-backup 1';

const manifestSchema = z.object({
  app: z.literal('schakelpunt'),
  appVersion: z.string(),
  engine: z.literal('pglite'),
  postgresVersion: z.string(),
  createdAt: z.iso.datetime(),
  migrations: z.array(z.object({ name: z.string(), checksum: z.string() })),
  archive: z.object({
    format: z.literal('tar+gzip'),
    bytes: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

export type BackupManifest = z.infer<typeof manifestSchema>;

/** A backup or restore that was refused or failed, with a message meant for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: string };
  return pkg.version ?? 'unknown';
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** PGlite keeps its cluster in DATA_DIR/pgdata (see openDatabase). */
function pgdataOf(dataDir: string): string {
  return join(dataDir, 'pgdata');
}

/** Whether the data folder holds a database (anything in pgdata counts: never load over it). */
export function holdsDatabase(dataDir: string): boolean {
  const pgdata = pgdataOf(resolve(dataDir));
  return existsSync(pgdata) && readdirSync(pgdata).length > 0;
}

async function appliedMigrations(db: Executor): Promise<BackupManifest['migrations']> {
  const exists = await sql<{ present: boolean }>`select to_regclass('public.schema_migration') is not null as present`.execute(db);
  if (!exists.rows[0]?.present) return [];
  const r = await sql<{ name: string; checksum: string }>`select name, checksum from schema_migration order by name`.execute(db);
  return r.rows;
}

/** Writes the chunks to `file` through `file.tmp` and a rename, so `file` is either absent or complete. */
function writeAtomically(file: string, chunks: Uint8Array[]): void {
  const tmp = `${file}.tmp`;
  // The backup holds personal data and password hashes: readable by the owner only.
  const fd = openSync(tmp, 'w', 0o600);
  try {
    for (const chunk of chunks) {
      let written = 0;
      while (written < chunk.length) written += writeSync(fd, chunk, written);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  try {
    const dir = openSync(dirname(file), 'r');
    try {
      fsyncSync(dir);
    } finally {
      closeSync(dir);
    }
  } catch {
    // Some file systems cannot sync a folder; the rename itself has happened.
  }
}

export interface BackupOptions {
  dataDir: string;
  file: string;
  /** Replace an existing file. */
  force?: boolean;
  clock: Clock;
}

/**
 * Writes a backup of the PGlite database in `dataDir` to `file`. Takes the data folder's lock, so
 * it refuses while the app runs. Does not migrate: a backup taken before an upgrade is of the old state.
 */
export async function createBackup(options: BackupOptions): Promise<BackupManifest & { file: string }> {
  const dataDir = resolve(options.dataDir);
  const file = resolve(options.file);
  if (existsSync(file) && !options.force) {
    throw new BackupError(`${file} already exists; choose another name, or add --force to replace it.`);
  }
  if (!existsSync(join(pgdataOf(dataDir), 'PG_VERSION'))) {
    throw new BackupError(`There is no database in ${dataDir} (DATA_DIR) to back up.`);
  }
  const database = await openDatabase({ dataDir, poolSize: 1 });
  try {
    const pglite = database.pglite;
    if (!pglite) throw new BackupError('Backups of this kind are for the embedded PGlite database only.');
    const migrations = await appliedMigrations(database.db);
    const version = await sql<{ server_version: string }>`show server_version`.execute(database.db);
    // A checkpoint writes every changed page to the data files, so the archive needs no WAL replay.
    await pglite.exec('checkpoint');
    const archive = new Uint8Array(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
    const manifest: BackupManifest = {
      app: 'schakelpunt',
      appVersion: appVersion(),
      engine: 'pglite',
      postgresVersion: version.rows[0]?.server_version ?? 'unknown',
      createdAt: options.clock.now().toISOString(),
      migrations,
      archive: { format: 'tar+gzip', bytes: archive.length, sha256: sha256(archive) },
    };
    const header = Buffer.from(`${BACKUP_MAGIC}\n${JSON.stringify(manifest)}\n`, 'utf8');
    writeAtomically(file, [header, archive]);
    return { ...manifest, file };
  } finally {
    await database.close();
  }
}

/** Reads a backup file and checks it: its layout, its description and the archive's SHA-256. */
export function readBackup(path: string): { manifest: BackupManifest; archive: Uint8Array<ArrayBuffer> } {
  const file = resolve(path);
  if (!existsSync(file)) throw new BackupError(`${file} does not exist.`);
  const bytes = readFileSync(file);
  const firstNewline = bytes.indexOf(0x0a);
  const secondNewline = firstNewline < 0 ? -1 : bytes.indexOf(0x0a, firstNewline + 1);
  if (firstNewline < 0 || bytes.subarray(0, firstNewline).toString('utf8') !== BACKUP_MAGIC || secondNewline < 0) {
    throw new BackupError(`${file} is not a Schakelpunt backup (or its first lines are damaged).`);
  }
  let manifest: BackupManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(bytes.subarray(firstNewline + 1, secondNewline).toString('utf8')));
  } catch {
    throw new BackupError(`The description at the start of ${file} is damaged or of an unknown kind; the backup cannot be trusted.`);
  }
  // A file read is never in shared memory.
  const archive = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset + secondNewline + 1, bytes.length - secondNewline - 1);
  if (archive.length !== manifest.archive.bytes || sha256(archive) !== manifest.archive.sha256) {
    throw new BackupError(
      `${file} is damaged: its checksum does not match (SHA-256 expected ${manifest.archive.sha256}, ` +
        `${archive.length} of ${manifest.archive.bytes} bytes present). Nothing was restored.`,
    );
  }
  return { manifest, archive };
}

/** Refuses a backup whose migrations this version of the app does not have (it was made by a newer one). */
function checkMigrationsKnown(manifest: BackupManifest, files: MigrationFile[]): void {
  const known = new Map(files.map((f) => [f.name, f.checksum]));
  for (const m of manifest.migrations) {
    const checksum = known.get(m.name);
    if (checksum === undefined) {
      throw new BackupError(
        `The backup was made by a newer version of Schakelpunt (${manifest.appVersion}): it has migration ${m.name}, ` +
          'which this version does not know. Restore it with that version or a later one. Nothing was restored.',
      );
    }
    if (checksum !== m.checksum) {
      throw new BackupError(`Migration ${m.name} in the backup differs from this version's file. Nothing was restored.`);
    }
  }
}

function timestampForName(at: Date): string {
  return at.toISOString().replace(/[:.]/g, '-');
}

export interface RestoreOptions {
  dataDir: string;
  file: string;
  /** When DATA_DIR holds a database: move it aside to DATA_DIR.before-restore-<time> and restore anyway. */
  force?: boolean;
  clock: Clock;
  migrations?: MigrationFile[];
}

export interface RestoreResult {
  manifest: BackupManifest;
  dataDir: string;
  /** Where the database that was there before went (with --force). */
  movedAside: string | null;
  /** Migrations applied after loading: the backup was made by an older version. */
  applied: string[];
  chains: ChainReport[];
}

/**
 * Restores a backup into `dataDir`, which must not hold a database (unless `force`, which moves the
 * old folder's contents aside, never deletes them). Then applies pending migrations and verifies
 * the audit chains; broken chains are reported in the result, the data stays restored.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const dataDir = resolve(options.dataDir);
  const migrationFiles = options.migrations ?? readMigrations();
  // Everything about the file is checked before the data folder is touched.
  const { manifest, archive } = readBackup(options.file);
  checkMigrationsKnown(manifest, migrationFiles);

  mkdirSync(dataDir, { recursive: true });
  // Held from here to the end, so neither the app nor another command opens the folder half-way.
  const lock = acquireDataDirLock(dataDir);
  try {
    const existing = holdsDatabase(dataDir);
    if (existing && !options.force) {
      throw new BackupError(
        `${dataDir} (DATA_DIR) already holds a database. Restore into an empty folder, or add --force to move ` +
          `the current one aside to ${dataDir}.before-restore-<time> (it is kept, not deleted).`,
      );
    }
    const movedAside = existing ? `${dataDir}.before-restore-${timestampForName(options.clock.now())}` : null;
    if (movedAside && existsSync(movedAside)) throw new BackupError(`${movedAside} already exists; try again in a moment.`);

    // Load into a folder beside pgdata and rename it when complete: a failed or interrupted load
    // leaves the current database as it was, and never a half-loaded pgdata that the app would open.
    const staging = join(dataDir, 'pgdata.restoring');
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging);
    try {
      const loaded = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([archive]) });
      try {
        const present = await loaded.query<{ present: boolean }>(`select to_regclass('public.schema_migration') is not null as present`);
        const rows = present.rows[0]?.present
          ? (await loaded.query<{ name: string; checksum: string }>('select name, checksum from schema_migration order by name')).rows
          : [];
        if (JSON.stringify(rows.map((r) => ({ name: r.name, checksum: r.checksum }))) !== JSON.stringify(manifest.migrations)) {
          throw new BackupError("The migrations in the archive do not match the backup's description. Nothing was restored.");
        }
      } finally {
        await loaded.close();
      }
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (error instanceof BackupError) throw error;
      throw new BackupError(
        `The backup could not be loaded (it was made with PostgreSQL ${manifest.postgresVersion} in PGlite): ` +
          `${(error as Error).message}. Nothing was restored.`,
      );
    }

    if (movedAside) {
      mkdirSync(movedAside);
      // Everything but our lock file and the loaded copy moves aside. The installation's keys (the
      // CSRF secret, the key that seals second-factor secrets) are not in a backup, by design: they
      // stay in place, with a copy beside the old database, so the restored people can still sign
      // in with their second factor.
      for (const entry of readdirSync(dataDir)) {
        if (entry === 'schakelpunt.lock' || entry === 'pgdata.restoring') continue;
        if (INSTALLATION_KEY_FILES.includes(entry)) copyFileSync(join(dataDir, entry), join(movedAside, entry));
        else renameSync(join(dataDir, entry), join(movedAside, entry));
      }
    }
    // An empty pgdata (a folder without a database) makes way for the loaded one; rmdir refuses a full one.
    if (existsSync(pgdataOf(dataDir))) rmdirSync(pgdataOf(dataDir));
    renameSync(staging, pgdataOf(dataDir));

    const database = await openDatabase({ dataDir, poolSize: 1, lock: false });
    try {
      const applied = await migrate(database.pool, migrationFiles);
      const chains = await verifyAuditChains(database.db);
      return { manifest, dataDir, movedAside, applied, chains };
    } finally {
      await database.close();
    }
  } finally {
    lock.release();
  }
}

/** Key files the app keeps in an embedded data folder (src/app/services.ts); never part of a backup. */
export const INSTALLATION_KEY_FILES = ['secret', 'second-factor-key'];

/** What to run on PostgreSQL (DATABASE_URL set): its own tools make the backup; the CLI does not run them. */
export function postgresBackupInstructions(command: 'backup' | 'restore', file = 'FILE'): string {
  const quoted = /^[\w./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  if (command === 'backup') {
    return [
      'DATABASE_URL is set: back up PostgreSQL with its own tool, pg_dump (version at least that of the server):',
      '',
      `  pg_dump --format=custom --file=${quoted} "$DATABASE_URL"`,
      '',
      'The dump holds the tables, their data, the grants and the row-level security policies. Connect as the',
      'role the app uses (it has BYPASSRLS; a role without it cannot dump tables that force row-level security).',
      'The backup holds personal data: keep it where only administrators can read it.',
    ].join('\n');
  }
  return [
    'DATABASE_URL is set: restore PostgreSQL with its own tool, pg_restore. Stop the app first, then:',
    '',
    `  pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error --dbname="$DATABASE_URL" ${quoted}`,
    '  npm run cli -- migrate',
    '  npm run cli -- verify-audit',
    '',
    'The role schakelpunt_app must exist on the target server first: roles are not part of a dump, but the',
    'grants and row-level security policies that name it are. Migration 0001 creates it when missing, but',
    'pg_restore runs no migrations; on a new server create it once, as a superuser, as the README shows:',
    '  create role schakelpunt_app nologin;  grant schakelpunt_app to <the app\'s role> with admin option;',
    'Then migrate brings a dump of an older version up to date, and verify-audit checks the audit hash chains.',
  ].join('\n');
}
