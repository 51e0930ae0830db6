import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decidePartnershipChange, partnerHasLeft, partnerStatusOf } from './partner-status.ts';

test('a partner has left on and after its leaving date, not before', () => {
  assert.equal(partnerHasLeft(null, '2026-11-23'), false);
  assert.equal(partnerHasLeft(undefined, '2026-11-23'), false);
  assert.equal(partnerHasLeft('', '2026-11-23'), false);
  assert.equal(partnerHasLeft('2026-11-24', '2026-11-23'), false);
  assert.equal(partnerHasLeft('2026-11-23', '2026-11-23'), true);
  assert.equal(partnerHasLeft('2026-06-30', '2026-11-23'), true);
});

test('the status is left as soon as a leaving date is set', () => {
  assert.equal(partnerStatusOf(null), 'member');
  assert.equal(partnerStatusOf('2027-01-01'), 'left');
});

test('leaving: once, and not before joining', () => {
  assert.deepEqual(
    decidePartnershipChange({ joinedOn: '2024-01-01', leftOn: null }, { action: 'leave', effectiveOn: '2026-07-01' }, false),
    { ok: true, from: 'member', to: 'left', leftOn: '2026-07-01' },
  );
  assert.deepEqual(
    decidePartnershipChange({ joinedOn: '2024-01-01', leftOn: '2026-07-01' }, { action: 'leave', effectiveOn: '2026-08-01' }, true),
    { ok: false, reason: 'already-left' },
  );
  assert.deepEqual(
    decidePartnershipChange({ joinedOn: '2024-01-01', leftOn: null }, { action: 'leave', effectiveOn: '2023-12-31' }, true),
    { ok: false, reason: 'before-joined' },
  );
  assert.equal(decidePartnershipChange({ joinedOn: null, leftOn: null }, { action: 'leave', effectiveOn: '2000-01-01' }, false).ok, true);
});

test('rejoining: only by a coordinator, only after leaving', () => {
  assert.deepEqual(
    decidePartnershipChange({ joinedOn: null, leftOn: '2026-07-01' }, { action: 'rejoin', effectiveOn: '2026-12-01' }, false),
    { ok: false, reason: 'rejoin-forbidden' },
  );
  assert.deepEqual(
    decidePartnershipChange({ joinedOn: null, leftOn: null }, { action: 'rejoin', effectiveOn: '2026-12-01' }, true),
    { ok: false, reason: 'not-left' },
  );
  assert.deepEqual(
    decidePartnershipChange({ joinedOn: null, leftOn: '2026-07-01' }, { action: 'rejoin', effectiveOn: '2026-12-01' }, true),
    { ok: true, from: 'left', to: 'member', leftOn: null },
  );
});

test('property: partnerHasLeft agrees with comparing the dates', () => {
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  fc.assert(fc.property(fc.option(day, { nil: null }), day, (leftOn, today) => {
    assert.equal(partnerHasLeft(leftOn, today), leftOn !== null && Date.parse(leftOn) <= Date.parse(today));
  }));
});
