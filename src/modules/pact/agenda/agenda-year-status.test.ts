import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyAgendaYearAction, availableAgendaYearActions, registrationOpen } from './agenda-year-status.ts';

test('an open, unpublished year can be locked and published, not reopened or unpublished', () => {
  const s = { status: 'open' as const, published: false };
  assert.deepEqual(availableAgendaYearActions(s), ['lock', 'publish']);
  assert.deepEqual(applyAgendaYearAction(s, 'lock'), { ok: true, state: { status: 'locked', published: false }, event: 'locked' });
  assert.deepEqual(applyAgendaYearAction(s, 'publish'), { ok: true, state: { status: 'open', published: true }, event: 'published' });
  assert.deepEqual(applyAgendaYearAction(s, 'reopen'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(applyAgendaYearAction(s, 'unpublish'), { ok: false, reason: 'not-allowed' });
});

test('a locked, published year can be reopened and unpublished', () => {
  const s = { status: 'locked' as const, published: true };
  assert.deepEqual(availableAgendaYearActions(s), ['reopen', 'unpublish']);
  assert.deepEqual(applyAgendaYearAction(s, 'reopen'), { ok: true, state: { status: 'open', published: true }, event: 'reopened' });
  assert.deepEqual(applyAgendaYearAction(s, 'unpublish'), { ok: true, state: { status: 'locked', published: false }, event: 'unpublished' });
  assert.equal(applyAgendaYearAction(s, 'lock').ok, false);
  assert.equal(applyAgendaYearAction(s, 'publish').ok, false);
});

test('registration is open only in an open year', () => {
  assert.equal(registrationOpen({ status: 'open' }), true);
  assert.equal(registrationOpen({ status: 'locked' }), false);
});
