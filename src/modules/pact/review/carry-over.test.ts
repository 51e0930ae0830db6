import assert from 'node:assert/strict';
import { test } from 'node:test';
import { carryOverRefusal, defaultPeriod, parseCarryOverForm, type CarryOverSituation } from './carry-over.ts';

const base: CarryOverSituation = { year: 2026, status: 'in_progress', withdrawn: false, pillarArchived: false, carried: null, nextYear: { status: 'open' } };

test('unfinished activities can be carried into an open next year', () => {
  for (const status of ['planned', 'in_progress', 'delayed'] as const) assert.equal(carryOverRefusal({ ...base, status }), null);
});

test('done and stopped activities are not carried', () => {
  assert.deepEqual(carryOverRefusal({ ...base, status: 'done' }), { reason: 'finished', status: 'done' });
  assert.deepEqual(carryOverRefusal({ ...base, status: 'stopped' }), { reason: 'finished', status: 'stopped' });
});

test('not twice: the refusal names the carried activity', () => {
  assert.deepEqual(carryOverRefusal({ ...base, carried: { id: 'x', year: 2027 } }), { reason: 'already-carried', carriedId: 'x', carriedYear: 2027 });
});

test('the next year must exist and be open; the pillar must not be archived; withdrawn is not carried', () => {
  assert.deepEqual(carryOverRefusal({ ...base, nextYear: null }), { reason: 'next-year-missing', nextYear: 2027 });
  assert.deepEqual(carryOverRefusal({ ...base, nextYear: { status: 'locked' } }), { reason: 'next-year-locked', nextYear: 2027 });
  assert.deepEqual(carryOverRefusal({ ...base, pillarArchived: true }), { reason: 'pillar-archived' });
  assert.deepEqual(carryOverRefusal({ ...base, withdrawn: true }), { reason: 'withdrawn' });
});

test('the period lies within the next year and does not end before it starts', () => {
  assert.deepEqual(defaultPeriod(2027), { startsOn: '2027-01-01', endsOn: '2027-12-31' });
  const ok = parseCarryOverForm(new URLSearchParams({ startsOn: '2027-02-01', endsOn: '2027-06-30' }), 2027);
  assert.ok(ok.ok);
  const outside = parseCarryOverForm(new URLSearchParams({ startsOn: '2026-12-01', endsOn: '2027-06-30' }), 2027);
  assert.equal(outside.ok, false);
  if (!outside.ok) assert.equal(outside.errors.startsOn?.key, 'review.error.periodOutsideYear');
  const order = parseCarryOverForm(new URLSearchParams({ startsOn: '2027-06-01', endsOn: '2027-02-01' }), 2027);
  assert.equal(order.ok, false);
  if (!order.ok) assert.equal(order.errors.endsOn?.key, 'review.error.periodOrder');
  const bad = parseCarryOverForm(new URLSearchParams({ startsOn: '2027-02-30', endsOn: '' }), 2027);
  assert.equal(bad.ok, false);
  if (!bad.ok) {
    assert.equal(bad.errors.startsOn?.key, 'form.error.date');
    assert.equal(bad.errors.endsOn?.key, 'form.error.date');
  }
});
