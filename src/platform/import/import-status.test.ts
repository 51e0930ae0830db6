import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canTransition, importStatuses, importTransitions, isFinal, isImportStatus, type ImportStatus } from './import-status.ts';

test('reading ends in validated or failed, and only a validated job is promoted', () => {
  assert.equal(canTransition('staging', 'validated'), true);
  assert.equal(canTransition('staging', 'failed'), true);
  assert.equal(canTransition('validated', 'promoted'), true);
  assert.equal(canTransition('staging', 'promoted'), false);
  assert.equal(canTransition('failed', 'promoted'), false);
  assert.equal(canTransition('failed', 'validated'), false);
});

test('a promoted job never changes again, not even to promoted', () => {
  for (const to of importStatuses) assert.equal(canTransition('promoted', to), false, `promoted → ${to}`);
});

test('any job that is not promoted can be cancelled, and a cancelled one stays cancelled', () => {
  for (const from of importStatuses) {
    assert.equal(canTransition(from, 'cancelled'), from !== 'promoted' && from !== 'cancelled', `${from} → cancelled`);
  }
  assert.deepEqual(importTransitions.cancelled, []);
});

test('no status leads back to itself or to staging', () => {
  for (const from of importStatuses) {
    assert.equal(canTransition(from, from), false);
    assert.equal(canTransition(from, 'staging'), false);
  }
});

test('the transition table names only known statuses', () => {
  const all: ImportStatus[] = Object.values(importTransitions).flat();
  assert.ok(all.every(isImportStatus));
  assert.equal(isImportStatus('done'), false);
});

test('a failed, promoted or cancelled job is final; staging and validated are not', () => {
  assert.deepEqual(importStatuses.filter(isFinal), ['failed', 'promoted', 'cancelled']);
});
