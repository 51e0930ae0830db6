import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fixedClock, systemClock } from './clock.ts';

describe('systemClock', () => {
  test('The system clock reports the current time.', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    const after = Date.now();
    assert.ok(before <= now && now <= after);
  });
});

describe('fixedClock', () => {
  test('A fixed clock returns the same instant until it is moved.', () => {
    const clock = fixedClock('2025-04-26T10:00:00Z');
    assert.equal(clock.now().toISOString(), '2025-04-26T10:00:00.000Z');
    assert.equal(clock.now().toISOString(), '2025-04-26T10:00:00.000Z');
  });

  test('A fixed clock accepts a Date, a date-only string as UTC midnight, and an offset.', () => {
    assert.equal(fixedClock(new Date(Date.UTC(2024, 1, 29, 12))).now().toISOString(), '2024-02-29T12:00:00.000Z');
    assert.equal(fixedClock('2025-01-01').now().toISOString(), '2025-01-01T00:00:00.000Z');
    assert.equal(fixedClock('2025-01-01T01:00+02:00').now().toISOString(), '2024-12-31T23:00:00.000Z');
  });

  test('Mutating a returned Date or the Date passed in does not move the clock.', () => {
    const start = new Date('2025-01-01T00:00:00Z');
    const clock = fixedClock(start);
    start.setUTCFullYear(1999);
    clock.now().setUTCFullYear(2000);
    assert.equal(clock.now().toISOString(), '2025-01-01T00:00:00.000Z');
  });

  test('Set moves the clock to a new instant.', () => {
    const clock = fixedClock('2025-01-01T00:00:00Z');
    clock.set('2025-12-31T23:59:59Z');
    assert.equal(clock.now().toISOString(), '2025-12-31T23:59:59.000Z');
    clock.set(new Date(0));
    assert.equal(clock.now().getTime(), 0);
  });

  test('Advance moves the clock forwards and backwards by milliseconds.', () => {
    const clock = fixedClock('2025-12-31T23:59:59Z');
    clock.advance(1000);
    assert.equal(clock.now().toISOString(), '2026-01-01T00:00:00.000Z');
    clock.advance(-24 * 60 * 60 * 1000);
    assert.equal(clock.now().toISOString(), '2025-12-31T00:00:00.000Z');
  });

  const rejected = [
    '2025-04-26T10:00:00', // no offset: would be read in the machine's local time zone
    '2025-02-30', // Date.parse would roll this over to 2 March
    '2025-02-29T12:00:00Z',
    '2025-01-01T24:00:00Z',
    'tomorrow',
    '',
  ];
  for (const value of rejected) {
    test(`A fixed clock rejects ${JSON.stringify(value)} with a RangeError.`, () => {
      assert.throws(() => fixedClock(value), RangeError);
      const clock = fixedClock('2025-01-01');
      assert.throws(() => clock.set(value), RangeError);
      assert.equal(clock.now().toISOString(), '2025-01-01T00:00:00.000Z');
    });
  }

  test('A fixed clock rejects an invalid Date and a non-finite advance.', () => {
    assert.throws(() => fixedClock(new Date('nonsense')), RangeError);
    const clock = fixedClock('2025-01-01');
    assert.throws(() => clock.advance(Number.NaN), RangeError);
    assert.throws(() => clock.advance(Number.POSITIVE_INFINITY), RangeError);
    assert.throws(() => clock.advance(1e16), RangeError);
    assert.equal(clock.now().toISOString(), '2025-01-01T00:00:00.000Z');
  });
});
