import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterFailure, describeMailError, isPermanentFailure, MAX_ATTEMPTS, retryDelayMs } from './mail-status.ts';

const now = new Date('2026-11-23T10:00:00Z');

test('a failed attempt is tried again after one minute, then five, thirty and a hundred and twenty', () => {
  assert.deepEqual([1, 2, 3, 4].map((n) => retryDelayMs(n) / 60_000), [1, 5, 30, 120]);
  const next = afterFailure(1, false, now);
  assert.deepEqual(next, { give: 'retry', at: new Date('2026-11-23T10:01:00Z') });
});

test('the fifth failed attempt gives up, and so does a permanent refusal at the first', () => {
  assert.equal(MAX_ATTEMPTS, 5);
  assert.equal(afterFailure(4, false, now).give, 'retry');
  assert.deepEqual(afterFailure(5, false, now), { give: 'up' });
  assert.deepEqual(afterFailure(1, true, now), { give: 'up' });
});

test('a stored error keeps the code and reply but not the addresses in it', () => {
  const error = Object.assign(new Error('Can\'t send mail - all recipients were rejected: 550 5.1.1 <jan.de.vries@lindewaard.example>: Recipient unknown'), {
    code: 'EENVELOPE', responseCode: 550,
  });
  const stored = describeMailError(error);
  assert.equal(stored, "EENVELOPE 550: Can't send mail - all recipients were rejected: 550 5.1.1 <address>: Recipient unknown");
  assert.doesNotMatch(stored, /@/);
  assert.equal(describeMailError('plain failure to x@y.example\nsecond line'), 'ERROR: plain failure to <address> second line');
  assert.equal(describeMailError(new Error('x'.repeat(2000))).length, 500);
});

test('only a permanent refusal of the recipient or the content counts as permanent; log-in and connection errors are retried', () => {
  assert.equal(isPermanentFailure({ code: 'EENVELOPE', command: 'RCPT TO', responseCode: 550, permanent: true }), true);
  assert.equal(isPermanentFailure({ code: 'EMESSAGE', command: 'DATA', responseCode: 554 }), true);
  assert.equal(isPermanentFailure({ code: 'EMESSAGE', command: 'DATA', responseCode: 450, permanent: false }), false);
  assert.equal(isPermanentFailure({ code: 'EAUTH', command: 'AUTH PLAIN', responseCode: 535, permanent: true }), false);
  assert.equal(isPermanentFailure({ code: 'EENVELOPE', command: 'MAIL FROM', responseCode: 550, permanent: true }), false);
  assert.equal(isPermanentFailure({ code: 'ESOCKET' }), false);
  assert.equal(isPermanentFailure(new Error('boom')), false);
});
