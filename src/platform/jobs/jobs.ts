// Background jobs (mail, deadline reminders, retention) with pg-boss on the app's own pool, so
// they run on PGlite and on PostgreSQL alike and a job is taken by exactly one of several app
// processes. On PGlite the worker runs inside the app process (one connection).
//
// A job is recurring (a cron expression) or about one thing: it is sent with a payload and a start
// time ("remind about referral X on working day N"), in the transaction of the change that causes
// it when one is given, so a rolled-back change leaves no job behind. The payload is checked
// against the job's schema before the work runs; a payload that does not fit fails the job
// without running it.
import PgBoss from 'pg-boss';
import pg from 'pg';
import { CompiledQuery } from 'kysely';
import type { z } from 'zod';
import type { Executor } from '../db/database.ts';
import type { Logger } from '../logger.ts';

const pgClient = pg.Client;

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** Cron expression (UTC) for recurring jobs. */
  cron?: string;
  /** The schema of the payload of a job sent with one. */
  payload?: S;
  run(payload: z.output<S>): Promise<void>;
}

export interface SendOptions {
  /** Not before this moment (a deadline reminder). */
  startAfter?: Date;
  /** Send in this transaction: the job exists only if the transaction commits. */
  tx?: Executor;
  /** At most one queued job with this key (say, one reminder per referral and day). */
  singletonKey?: string;
}

export interface Jobs {
  send(name: string, payload?: object, options?: SendOptions): Promise<string | null>;
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
  /**
   * Run the workers and the schedules in this process (JOBS=true). Without, the process can still
   * send jobs (a web process queues reminders) but runs none.
   */
  work?: boolean;
}

const SETUP_LOCK = 7146022;

/** pg-boss runs its SQL through this, so it can also run inside one of our transactions. */
function executorDb(executor: Executor): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await executor.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

export async function startJobs(pool: pg.Pool, log: Logger, definitions: JobDefinition[], options: StartJobsOptions = {}): Promise<Jobs> {
  const work = options.work ?? true;
  const boss = new PgBoss({
    // pg-boss sends multi-statement SQL without parameters when it installs its schema; through
    // the pool that takes the simple-query path, which PGlite's adapter supports.
    db: { executeSql: (text: string, values: unknown[]) => pool.query(text, values) },
    schema: 'pgboss',
    pollingIntervalSeconds: 5,
    supervise: work,
    schedule: work,
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
      if (work && definition.cron) await boss.schedule(definition.name, definition.cron);
    }
  } finally {
    if (lock) {
      await lock.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => undefined);
      await lock.end();
    }
  }
  const known = new Map(definitions.map((d) => [d.name, d]));
  if (work) {
    for (const definition of definitions) {
      await boss.work(definition.name, async (jobs) => {
        log.debug({ job: definition.name, ids: jobs.map((j) => j.id) }, 'job started');
        for (const job of jobs) {
          const payload = definition.payload ? definition.payload.safeParse(job.data) : { success: true as const, data: undefined };
          if (!payload.success) {
            // Failing the job keeps it (with the reason) for whoever looks; running it with a wrong payload could do harm.
            throw new Error(`job ${definition.name} ${job.id}: payload does not fit its schema`);
          }
          await definition.run(payload.data);
        }
      });
    }
  }
  return {
    async send(name, payload, sendOptions = {}) {
      const definition = known.get(name);
      if (!definition) throw new Error(`No job named ${name}`);
      if (definition.payload) definition.payload.parse(payload ?? {});
      return boss.send(name, payload ?? {}, {
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
        ...(sendOptions.tx ? { db: executorDb(sendOptions.tx) } : {}),
      });
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
    },
  };
}
