// Background jobs (mail, deadline reminders, retention) with pg-boss on the app's own pool, so
// they run on PGlite and on PostgreSQL alike and a job is taken by exactly one of several app
// processes. On PGlite the worker runs inside the app process (one connection).
import PgBoss from 'pg-boss';
import pg from 'pg';

const pgClient = pg.Client;
import type { Logger } from '../logger.ts';

export interface JobDefinition {
  name: string;
  /** Cron expression (UTC) for recurring jobs. */
  cron?: string;
  run(): Promise<void>;
}

export interface Jobs {
  send(name: string, data?: object): Promise<string | null>;
  stop(): Promise<void>;
}

export interface StartJobsOptions {
  /**
   * On PostgreSQL, several app processes may start at once. pg-boss 10 creates its schema and
   * queue partitions without a lock of its own (two processes collide on "schema already exists"
   * or deadlock in createQueue), so set-up runs under an advisory lock held on a connection of
   * its own (not one from the pool, which pg-boss itself needs meanwhile). PGlite has one
   * connection and one process, and needs none.
   */
  setupLockConnectionString?: string;
}

const SETUP_LOCK = 7146022;

export async function startJobs(pool: pg.Pool, log: Logger, definitions: JobDefinition[], options: StartJobsOptions = {}): Promise<Jobs> {
  const boss = new PgBoss({
    // pg-boss sends multi-statement SQL without parameters when it installs its schema; through
    // the pool that takes the simple-query path, which PGlite's adapter supports.
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema: 'pgboss',
    pollingIntervalSeconds: 5,
  });
  boss.on('error', (error) => log.error({ err: error }, 'job system error'));
  const lock = options.setupLockConnectionString ? new pgClient({ connectionString: options.setupLockConnectionString }) : null;
  if (lock) {
    await lock.connect();
    await lock.query('select pg_advisory_lock($1)', [SETUP_LOCK]);
  }
  try {
    await boss.start();
    for (const definition of definitions) {
      await boss.createQueue(definition.name);
      if (definition.cron) await boss.schedule(definition.name, definition.cron);
    }
  } finally {
    if (lock) {
      await lock.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => undefined);
      await lock.end();
    }
  }
  for (const definition of definitions) {
    await boss.work(definition.name, async (jobs) => {
      log.debug({ job: definition.name, ids: jobs.map((j) => j.id) }, 'job started');
      await definition.run();
    });
  }
  return {
    send: (name, data) => boss.send(name, data ?? {}),
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
