// Builds the services a running app needs from its configuration and database.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Services } from '../access/route.ts';
import type { Config } from '../platform/config.ts';
import { sealingKey, type SealingKey } from '../platform/crypto/sealed-box.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db/database.ts';
import type { Logger } from '../platform/logger.ts';
import { passwords } from '../modules/accounts/index.ts';
import { jobDefinitions, lazyJobQueue } from './jobs.ts';

/**
 * The server secret for CSRF tokens: SESSION_SECRET when set (required in production and when
 * several processes share a database); otherwise one kept in the embedded data folder, so a
 * restart does not invalidate open forms.
 */
export function serverSecret(config: Config, log: Logger): Buffer {
  if (config.SESSION_SECRET) return Buffer.from(config.SESSION_SECRET, 'utf8');
  if (!config.DATABASE_URL) return keyInDataFolder(config, 'secret');
  log.warn('SESSION_SECRET is not set: using a random secret for this process only');
  return randomBytes(32);
}

/** A key kept in the embedded data folder (created once), like the CSRF secret. */
function keyInDataFolder(config: Config, name: string): Buffer {
  const file = join(resolve(config.DATA_DIR), name);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64url'), { mode: 0o600 });
  return key;
}

/**
 * The keys that seal second-factor secrets: SECOND_FACTOR_KEY (required in production), then
 * SECOND_FACTOR_PREVIOUS_KEY during a rotation. Without one, the embedded database keeps a key in
 * its data folder; a development PostgreSQL uses a fixed development key, with a warning, so that
 * several processes agree.
 */
export function secondFactorKeys(config: Config, log: Logger): SealingKey[] {
  if (config.SECOND_FACTOR_KEY) {
    const keys = [config.SECOND_FACTOR_KEY];
    if (config.SECOND_FACTOR_PREVIOUS_KEY) keys.push(config.SECOND_FACTOR_PREVIOUS_KEY);
    return keys.map((key) => sealingKey(key));
  }
  if (!config.DATABASE_URL) return [sealingKey(keyInDataFolder(config, 'second-factor-key'))];
  log.warn('SECOND_FACTOR_KEY is not set: second-factor secrets are sealed with a fixed development key');
  return [sealingKey(createHash('sha256').update('schakelpunt development second-factor key').digest())];
}

export function createServices(options: {
  config: Config;
  database: Database;
  log: Logger;
  clock?: Clock;
  secret?: Buffer;
  secondFactorKeys?: SealingKey[];
}): Services {
  const { config, database, log } = options;
  const services: Services = {
    db: database.db,
    engine: database.engine,
    clock: options.clock ?? systemClock,
    log,
    secret: options.secret ?? serverSecret(config, log),
    session: {
      idleMinutes: config.SESSION_IDLE_MINUTES,
      absoluteMinutes: config.SESSION_ABSOLUTE_MINUTES,
      secureCookies: config.COOKIE_SECURE,
    },
    publicUrl: config.PUBLIC_URL ? config.PUBLIC_URL.replace(/\/+$/, '') : null,
    signIn: {
      maxFailuresPerAccount: config.LOGIN_MAX_FAILURES,
      maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
      windowMinutes: config.LOGIN_FAILURE_WINDOW_MINUTES,
      lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
      trustProxy: config.TRUST_PROXY,
    },
    api: {
      tokenRequestsPerMinute: config.API_TOKEN_REQUESTS_PER_MINUTE,
      corsOrigins: config.API_CORS_ORIGINS,
    },
    secondFactor: {
      keys: options.secondFactorKeys ?? secondFactorKeys(config, log),
      lockoutMinutes: config.LOGIN_LOCKOUT_MINUTES,
    },
    passwords,
    runInBackground(name, work) {
      setImmediate(() => {
        work().catch((error: unknown) => log.error({ err: error, task: name }, 'background task failed'));
      });
    },
    // Replaced by the running job system in a process with JOBS=true (src/app/start.ts).
    jobs: lazyJobQueue(database, log, () => jobDefinitions({ services, config, mailSender: null, log }),
      config.DATABASE_URL ?? undefined),
  };
  return services;
}
