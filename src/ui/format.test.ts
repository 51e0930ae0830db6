import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDateTime, formatLongDate, formatNumber } from './format.ts';

test('dates and times are written in the page language, in the Dutch and Flemish time zone', () => {
  // 23:30 UTC on 30 November is 00:30 on 1 December in Amsterdam and Brussels.
  const at = new Date('2026-11-30T23:30:00Z');
  assert.equal(formatDateTime(at, 'nl'), '1 dec 2026, 00:30');
  assert.equal(formatDateTime(at, 'en'), '1 Dec 2026, 00:30');
});

test('a local date is written out in full without shifting a day', () => {
  assert.equal(formatLongDate('2026-12-03', 'nl'), '3 december 2026');
  assert.equal(formatLongDate('2026-12-03', 'en'), '3 December 2026');
  assert.equal(formatLongDate('2026-01-01', 'nl'), '1 januari 2026');
});

test('numbers get the language’s separators and at most two decimals', () => {
  assert.equal(formatNumber(1234.5, 'nl'), '1.234,5');
  assert.equal(formatNumber(1234.5, 'en'), '1,234.5');
  assert.equal(formatNumber(2 / 3, 'nl'), '0,67');
});
