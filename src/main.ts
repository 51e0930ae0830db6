// Entry point of `npm start`.
import { ConfigError, loadConfig } from './platform/config.ts';
import { createLogger } from './platform/logger.ts';
import { DataDirLockedError } from './platform/db/data-dir-lock.ts';
import { MigrationChecksumError } from './platform/db/migrate.ts';
import { demoBanner, startApp } from './app/start.ts';

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const log = createLogger(config.LOG_LEVEL);
try {
  const running = await startApp(config, log);
  console.log(demoBanner(running.url, running.demoAccounts));
  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  if (error instanceof DataDirLockedError || error instanceof MigrationChecksumError) {
    console.error(error.message);
    process.exit(1);
  }
  log.fatal({ err: error }, 'start-up failed');
  process.exit(1);
}
