#!/usr/bin/env node
// Runs the whole suite: unit and database tests with node:test (files listed here, because
// Node 20's --test does not expand globs), then the browser tests with Playwright.
// Fails when a layer finds no test files, so an empty run can never pass.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const onlyUnit = args.has('--unit');
const onlyE2e = args.has('--e2e');

function walk(dir, out = []) {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(relative(root, full));
  }
  return out;
}

function run(cmd, argv, env = {}) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

let status = 0;
if (!onlyE2e) {
  const files = [...walk(join(root, 'src')), ...walk(join(root, 'scripts')), ...walk(join(root, 'bench'))].sort();
  if (files.length === 0) {
    console.error('No test files (*.test.ts) found under src/: refusing to report an empty run as green.');
    process.exit(1);
  }
  const concurrency = process.env.TEST_CONCURRENCY ?? '2';
  // One migrated database image (PGlite) or template database (PostgreSQL) for the whole run.
  const prepared = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-databases.ts'], {
    cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (prepared.status !== 0) process.exit(prepared.status ?? 1);
  const testEnv = JSON.parse(prepared.stdout.trim().split('\n').pop());
  console.log(`Database tests run on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}.`);
  try {
    status = run(process.execPath, ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files], testEnv);
  } finally {
    if (testEnv.SP_TEST_TEMPLATE) {
      run(process.execPath, ['--import', 'tsx', 'scripts/prepare-test-databases.ts', 'drop', testEnv.SP_TEST_TEMPLATE_DEMO, testEnv.SP_TEST_TEMPLATE]);
    }
    for (const image of [testEnv.SP_TEST_GOLDEN, testEnv.SP_TEST_GOLDEN_DEMO]) if (image) rmSync(image, { force: true });
  }
}
if (status === 0 && !onlyUnit) {
  status = run(process.execPath, ['scripts/e2e.mjs']);
}
process.exit(status);
