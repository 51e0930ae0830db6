// Browser tests: every journey runs twice against one app server, once with JavaScript (`js`) and
// once without (`no-js`), because the platform must work without JavaScript. The browser is the
// Debian Chromium at /usr/bin/chromium; Playwright never downloads one.
//
// Playwright evaluates this file in its runner and again in every worker process. What must be
// the same everywhere (port, data folder, database) is decided once, by the runner, and handed
// to the workers through the environment they inherit.
import { defineConfig } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('.', import.meta.url).pathname;

/** A free port in 3100-3999 (3000 and the ports of other local servers stay untouched). */
function freePort(): string {
  const probe = `const s=require('node:net').createServer();s.once('error',()=>process.exit(1));s.listen(+process.argv[1],'127.0.0.1',()=>s.close(()=>process.exit(0)))`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 3100 + Math.floor(Math.random() * 900);
    if (spawnSync(process.execPath, ['-e', probe, String(port)]).status === 0) return String(port);
  }
  throw new Error('No free port found in 3100-3999 for the browser tests');
}

/** On PostgreSQL: a fresh database for this run (dropped again in global-teardown.ts). */
function freshDatabase(serverUrl: string): string {
  const r = spawnSync(process.execPath, [join(root, 'tests/e2e/support/database.mjs'), 'create', serverUrl], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`Could not create a database for the browser tests: ${r.stderr || r.error}`);
  return r.stdout.trim();
}

if (!process.env.SP_E2E_RUN_DIR) {
  const runDir = mkdtempSync(join(tmpdir(), 'sp-e2e-'));
  mkdirSync(join(runDir, 'data'));
  mkdirSync(join(runDir, 'locks'));
  process.env.SP_E2E_RUN_DIR = runDir;
  process.env.SP_E2E_PORT = freePort();
  process.env.SP_E2E_SESSION_SECRET = randomBytes(32).toString('base64url');
  process.env.SP_E2E_SECOND_FACTOR_KEY = randomBytes(32).toString('base64');
  let smtpPort = freePort();
  while (smtpPort === process.env.SP_E2E_PORT) smtpPort = freePort();
  process.env.SP_E2E_SMTP_PORT = smtpPort;
  if (process.env.DATABASE_URL) process.env.SP_E2E_DATABASE_URL = freshDatabase(process.env.DATABASE_URL);
}
const runDir = process.env.SP_E2E_RUN_DIR;
const port = process.env.SP_E2E_PORT!;
const databaseUrl = process.env.SP_E2E_DATABASE_URL;

export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '**/*.e2e.ts',
  outputDir: './test-results',
  globalSetup: './tests/e2e/support/global-setup.ts',
  globalTeardown: './tests/e2e/support/global-teardown.ts',
  // Two cores: the app server and one browser per worker share them.
  workers: 2,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // No retries: a test that passes only on its second try is a defect to fix, not to hide.
  retries: 0,
  // Generous: the machine is small and shared, and every page gets an accessibility check.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    // Dutch is the platform's default language; the browser must not ask for English by itself.
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'no-js', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    command: 'node --import tsx src/main.ts',
    cwd: root,
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The app logs warnings and errors (LOG_LEVEL=warn) to stdout: a failing test shows why.
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    env: {
      PORT: port,
      HOST: '127.0.0.1',
      DATA_DIR: join(runDir, 'data'),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'true',
      // As in production: a configured secret (without one, the app warns on PostgreSQL).
      SESSION_SECRET: process.env.SP_E2E_SESSION_SECRET!,
      SECOND_FACTOR_KEY: process.env.SP_E2E_SECOND_FACTOR_KEY!,
      // Mail goes to a real SMTP server started by tests/e2e/support/global-setup.ts.
      SMTP_URL: `smtp://127.0.0.1:${process.env.SP_E2E_SMTP_PORT}`,
      // Short enough for a journey to see a lock-out lift, as it does after the configured time.
      LOGIN_LOCKOUT_MINUTES: '1',
      // Every browser in the suite comes from 127.0.0.1, so the per-address log-in limit would count
      // all journeys' deliberate wrong passwords together. The per-account lock-out is what the
      // journeys exercise; the per-address limit is covered by the database tests.
      LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
      // An empty value counts as unset: the app then uses PGlite in DATA_DIR.
      DATABASE_URL: databaseUrl ?? '',
    },
  },
});
