import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

test('a second opener of a data folder is refused while the first holds it, and may open it after release', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-lock-'));
  // The lock belongs to this process; a live process id other than ours stands for another opener.
  // It lives until it is killed below, however slowly this test runs.
  const other = spawn(process.execPath, ['-e', 'setInterval(() => {}, 60_000)']);
  try {
    writeFileSync(join(dir, 'schakelpunt.lock'), String(other.pid));
    assert.throws(() => acquireDataDirLock(dir), DataDirLockedError);
  } finally {
    other.kill();
  }
});

test('a stale lock of a process that is gone is taken over, and released on request', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sp-lock-'));
  writeFileSync(join(dir, 'schakelpunt.lock'), '999999999');
  const lock = acquireDataDirLock(dir);
  assert.ok(existsSync(lock.path));
  lock.release();
  assert.equal(existsSync(lock.path), false);
});
