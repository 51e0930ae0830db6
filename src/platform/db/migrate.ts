// Plain, ordered .sql migrations, applied at start and by `npm run cli -- migrate`. Each file runs in
// its own transaction through the simple-query protocol (so a file may hold many statements) and
// is recorded with its checksum; an applied file that was edited afterwards stops the app.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';

export const migrationsDir = new URL('../../../migrations/', import.meta.url).pathname;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = migrationsDir): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

export class MigrationChecksumError extends Error {
  constructor(readonly migration: string) {
    super(`Migration ${migration} was changed after it was applied. Add a new migration instead of editing an applied one.`);
    this.name = 'MigrationChecksumError';
  }
}

/** Applies every pending migration; returns the names applied now. Safe to run from several processes at once. */
export async function migrate(pool: pg.Pool, files = readMigrations()): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    // Several app processes may start together on one PostgreSQL: one migrates, the others wait.
    await client.query('select pg_advisory_lock(7146020)');
    await client.query(`create table if not exists schema_migration (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const done = new Map(
      (await client.query<{ name: string; checksum: string }>('select name, checksum from schema_migration')).rows.map(
        (r) => [r.name, r.checksum],
      ),
    );
    for (const file of files) {
      const previous = done.get(file.name);
      if (previous !== undefined) {
        if (previous !== file.checksum) throw new MigrationChecksumError(file.name);
        continue;
      }
      await client.query('begin');
      try {
        await client.query(file.sql);
        await client.query('insert into schema_migration (name, checksum) values ($1, $2)', [file.name, file.checksum]);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback');
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(file.name);
    }
  } finally {
    await client.query('select pg_advisory_unlock(7146020)').catch(() => undefined);
    client.release();
  }
  return applied;
}
