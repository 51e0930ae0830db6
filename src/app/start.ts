// Starts the application: validated configuration → database (PGlite or PostgreSQL) → migrations
// → demo data on an empty database → HTTP server. Stops gracefully on SIGTERM/SIGINT.
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'kysely';
import type { Config } from '../platform/config.ts';
import { openDatabase, type Database } from '../platform/db/database.ts';
import { migrate } from '../platform/db/migrate.ts';
import type { Logger } from '../platform/logger.ts';
import { systemClock } from '../platform/clock.ts';
import { startJobs, type Jobs } from '../platform/jobs/jobs.ts';
import { failInterruptedImports } from '../platform/import/index.ts';
import { createMailSender, startMailOnCommit } from '../platform/mail/index.ts';
import { jobDefinitions } from './jobs.ts';
import { createApp } from './app.tsx';
import { createServices, secondFactorKeys } from './services.ts';
import { DEMO_PASSWORD, demoAccounts as demoAccountList, hasDemoData, isDatabaseEmpty, seedDemo, type DemoAccount } from './seed-demo.ts';

export interface Running {
  url: string;
  database: Database;
  demoAccounts: DemoAccount[] | null;
  stop(): Promise<void>;
}

export async function startApp(config: Config, log: Logger): Promise<Running> {
  const database = await openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DATABASE_POOL_SIZE,
  });
  try {
    const applied = await migrate(database.pool);
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    let demoAccounts: DemoAccount[] | null = null;
    const keys = secondFactorKeys(config, log);
    if (config.SEED_DEMO && (await isDatabaseEmpty(database.db))) {
      demoAccounts = await seedDemo(database.db, systemClock, { onlyIfEmpty: true, secondFactorKey: keys[0]! });
      if (demoAccounts) log.info('demo data seeded');
    }
    // On later starts of a demo installation the log-ins are printed again, for whoever forgot them.
    if (config.SEED_DEMO && !demoAccounts && (await hasDemoData(database.db))) demoAccounts = demoAccountList;
    const services = createServices({ config, database, log, secondFactorKeys: keys });
    // On the embedded database no other process can be reading a file: whatever was reading is gone.
    const interrupted = await failInterruptedImports(database.db, systemClock.now(), database.engine === 'pglite' ? 0 : undefined);
    if (interrupted > 0) log.warn({ interrupted }, 'interrupted imports marked as failed');
    let jobs: Jobs | null = null;
    let stopMailOnCommit: (() => void) | null = null;
    const mailSender = createMailSender(config);
    if (!mailSender) {
      const note = 'SMTP_URL is not set: mail is kept in the development outbox (/admin/outbox), not sent';
      if (config.NODE_ENV === 'production') log.warn(note);
      else log.info(note);
    }
    if (config.JOBS) {
      jobs = await startJobs(database.pool, log, jobDefinitions({ services, config, mailSender, log }), {
        work: true, ...(config.DATABASE_URL ? { setupLockConnectionString: config.DATABASE_URL } : {}),
      });
      services.jobs = jobs;
      const running = jobs;
      stopMailOnCommit = startMailOnCommit(database.db, () => running.send('mail-send'), log);
    }
    const app = createApp(services);
    if (database.engine === 'pglite') {
      // PGlite has no autovacuum, so the planner would never get statistics: gather them once at
      // start, in the background (on PostgreSQL autovacuum does this).
      services.runInBackground('analyze', async () => {
        await sql`analyze`.execute(database.db);
      });
    }
    const server: ServerType = await new Promise((resolve) => {
      const s = serve({ fetch: app.fetch, port: config.PORT, hostname: config.HOST }, () => resolve(s));
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.PORT;
    const host = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' ? 'localhost' : config.HOST;
    const url = config.PUBLIC_URL ?? `http://${host}:${port}`;
    let stopping: Promise<void> | undefined;
    return {
      url,
      database,
      demoAccounts,
      stop() {
        stopping ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            // Keep-alive connections would hold close() open: end idle ones now.
            (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          });
          stopMailOnCommit?.();
          await jobs?.stop();
          if (services.jobs !== jobs) await (services.jobs as { stop?: () => Promise<void> }).stop?.();
          mailSender?.close();
          await database.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

export function demoBanner(url: string, accounts: DemoAccount[] | null): string {
  const lines = [`Schakelpunt is running at ${url}`];
  if (accounts) {
    lines.push('', `Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of accounts) lines.push(`  ${a.email.padEnd(44)} ${a.description}`);
    // Demo mode only: the demo accounts' second-factor secrets, to add to an authenticator app.
    const withCodes = accounts.filter((a) => a.totpSecret);
    if (withCodes.length > 0) {
      lines.push('', 'Second factor (demo only): add a secret to an authenticator app, or run');
      lines.push('  npm run cli -- demo-code <e-mail>   to print the current code.');
      for (const a of withCodes) lines.push(`  ${a.email.padEnd(44)} ${a.totpSecret}`);
    }
  }
  return lines.join('\n');
}
