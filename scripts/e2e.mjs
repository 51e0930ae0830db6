#!/usr/bin/env node
// The browser layer of the test suite: Playwright with the Debian Chromium at /usr/bin/chromium.
// Never downloads a browser (the machine's package manager owns it) and never skips silently: a
// missing Chromium is installed when we are root, and otherwise stops the run with the command to
// run. Extra arguments go to `playwright test` (e.g. `node scripts/e2e.mjs --project=no-js`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const chromium = '/usr/bin/chromium';
const installCommand = 'apt-get update && apt-get install -y chromium';

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

if (!existsSync(chromium)) {
  if (process.getuid?.() !== 0) {
    console.error(`Chromium is missing at ${chromium}. Install it with: sudo sh -c '${installCommand}'`);
    process.exit(1);
  }
  console.log(`Chromium is missing at ${chromium}: installing it with apt-get.`);
  const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update'], aptEnv) !== 0 || run('apt-get', ['install', '-y', 'chromium'], aptEnv) !== 0) {
    console.error(`Installing Chromium failed. Run: ${installCommand}`);
    process.exit(1);
  }
  if (!existsSync(chromium)) {
    console.error(`apt-get installed chromium, but ${chromium} still does not exist.`);
    process.exit(1);
  }
}

const built = run(process.execPath, ['scripts/build-assets.mjs']);
if (built !== 0) process.exit(built);

const started = Date.now();
const status = run('npx', ['--no-install', 'playwright', 'test', ...process.argv.slice(2)], {
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
});
console.log(`Browser tests took ${((Date.now() - started) / 1000).toFixed(1)} s.`);
process.exit(status);
