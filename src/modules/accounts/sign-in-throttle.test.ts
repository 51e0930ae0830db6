import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, lockedUntil, minutesLeft, throttleKey } from './sign-in-throttle.ts';

const limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 10, windowMinutes: 15, lockoutMinutes: 15 };
const t0 = new Date('2026-11-23T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

test('the failure that reaches the maximum locks for the lock-out time', () => {
  let c = afterFailure(undefined, at(0), 3, limits);
  c = afterFailure(c, at(1), 3, limits);
  assert.equal(c.lockedUntil, null);
  c = afterFailure(c, at(2), 3, limits);
  assert.deepEqual(c.lockedUntil, at(17));
  assert.deepEqual(lockedUntil(c, at(16)), at(17));
  assert.equal(lockedUntil(c, at(17)), null);
});

test('a failure outside the window starts a new count', () => {
  let c = afterFailure(undefined, at(0), 3, limits);
  c = afterFailure(c, at(1), 3, limits);
  c = afterFailure(c, at(20), 3, limits);
  assert.equal(c.failures, 1);
  assert.equal(c.lockedUntil, null);
});

test('after a lock-out has passed, counting starts again from one', () => {
  let c = afterFailure(undefined, at(0), 1, limits);
  assert.ok(c.lockedUntil);
  c = afterFailure(c, at(16), 3, limits);
  assert.equal(c.failures, 1);
  assert.equal(c.lockedUntil, null);
});

test('keys are hashes that do not contain the e-mail address, and ignore case and spaces', () => {
  const key = throttleKey('account', ' Joost@Example.org ');
  assert.equal(key, throttleKey('account', 'joost@example.org'));
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.notEqual(key, throttleKey('address', 'joost@example.org'));
});

test('minutes left are rounded up and at least one', () => {
  assert.equal(minutesLeft(at(15), at(0)), 15);
  assert.equal(minutesLeft(at(0.1), at(0)), 1);
  assert.equal(minutesLeft(at(0), at(0)), 1);
});
