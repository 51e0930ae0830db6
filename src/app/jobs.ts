// The background jobs of the installation: the platform's own (mail, imports) and every module's
// (from its manifest). One list, used by the processes that run jobs (JOBS=true) and by every
// process to send them.
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import type { Services, JobQueue } from '../access/route.ts';
import { failInterruptedImports, runQueuedImports } from '../platform/import/index.ts';
import { purgeRateLimitHits } from '../platform/rate-limit.ts';
import { startJobs, type JobDefinition, type Jobs } from '../platform/jobs/jobs.ts';
import { removeOldMailBodies, sendQueuedMail, type MailSender } from '../platform/mail/index.ts';
import { moduleImporters, moduleJobs } from './modules.ts';

export function jobDefinitions(input: { services: Services; config: Pick<Config, 'MAIL_RETENTION_DAYS'>; mailSender: MailSender | null; log: Logger }): JobDefinition[] {
  const { services, config, mailSender, log } = input;
  const platformJobs: JobDefinition[] = [
    {
      // Uploaded files waiting to be read: sent by the upload once its transaction has committed,
      // and every minute for anything missed or left by a worker that stopped.
      name: 'imports-run',
      cron: '* * * * *',
      run: async () => {
        const taken = await runQueuedImports({ db: services.db, clock: services.clock, log, importers: moduleImporters });
        if (taken > 0) log.info({ taken }, 'imports run');
      },
    },
    {
      name: 'imports-fail-interrupted',
      cron: '*/5 * * * *',
      run: async () => {
        const failed = await failInterruptedImports(services.db, services.clock.now());
        if (failed > 0) log.warn({ failed }, 'interrupted imports marked as failed');
      },
    },
    {
      name: 'mail-send',
      // Mail is sent right after the transaction that queued it commits (startMailOnCommit); every
      // minute picks up retries whose wait is over and anything missed.
      cron: '* * * * *',
      run: async () => {
        const result = await sendQueuedMail({ db: services.db, sender: mailSender, clock: services.clock, log });
        if (result.sent + result.outbox + result.retried + result.failed > 0) log.info(result, 'mail run');
      },
    },
    {
      // Rate-limit hits are kept a day: longer than any window in use.
      name: 'rate-limit-purge',
      cron: '37 * * * *',
      run: async () => {
        const removed = await purgeRateLimitHits(services.db, new Date(services.clock.now().getTime() - 86_400_000));
        if (removed > 0) log.info({ removed }, 'old rate-limit hits removed');
      },
    },
    {
      name: 'mail-retention',
      cron: '43 3 * * *',
      run: async () => {
        const removed = await removeOldMailBodies(services.db, services.clock.now(), config.MAIL_RETENTION_DAYS);
        if (removed > 0) log.info({ removed }, 'old mail bodies removed');
      },
    },
  ];
  const fromModules: JobDefinition[] = moduleJobs.map((job) => ({
    name: job.name,
    ...(job.cron ? { cron: job.cron } : {}),
    ...(job.payload ? { payload: job.payload } : {}),
    run: (payload: unknown) => job.run({ services }, payload),
  }));
  const names = new Set<string>();
  for (const d of [...platformJobs, ...fromModules]) {
    if (names.has(d.name)) throw new Error(`Two jobs are named ${d.name}`);
    names.add(d.name);
  }
  return [...platformJobs, ...fromModules];
}

/**
 * A queue that starts pg-boss (without workers) the first time something is sent: a process that
 * runs no jobs can still queue one, and a process that never queues pays nothing.
 */
export function lazyJobQueue(database: Database, log: Logger, definitions: () => JobDefinition[], setupLockConnectionString?: string): JobQueue & { stop(): Promise<void> } {
  let started: Promise<Jobs> | null = null;
  return {
    async send(name, payload, options) {
      started ??= startJobs(database.pool, log, definitions(), { work: false, ...(setupLockConnectionString ? { setupLockConnectionString } : {}) });
      return (await started).send(name, payload, options);
    },
    async stop() {
      if (started) await (await started).stop();
    },
  };
}
