import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsOpen, decide, isStatusOf } from '../../../platform/lifecycle/lifecycle.ts';
import { initiativeLifecycle, initiativeStatuses } from './initiative-status.ts';

test('the proposer confirms an unconfirmed proposal; it is then submitted', () => {
  assert.deepEqual(decide(initiativeLifecycle, 'unconfirmed', 'confirm', 'proposer'), { ok: true, to: 'submitted' });
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'confirm', 'proposer'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(decide(initiativeLifecycle, 'unconfirmed', 'confirm', 'coordinator'), { ok: false, reason: 'wrong-actor' });
});

test('a coordinator publishes a submitted proposal, not an unconfirmed one', () => {
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'publish', 'coordinator'), { ok: true, to: 'published' });
  assert.deepEqual(decide(initiativeLifecycle, 'unconfirmed', 'publish', 'coordinator'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(decide(initiativeLifecycle, 'published', 'publish', 'coordinator'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'publish', 'proposer'), { ok: false, reason: 'wrong-actor' });
});

test('declining and asking for changes need a message the proposer sees', () => {
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'decline', 'coordinator'), { ok: false, reason: 'reason-required' });
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'decline', 'coordinator', '   '), { ok: false, reason: 'reason-required' });
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'decline', 'coordinator', 'Past niet bij het pact'), { ok: true, to: 'declined' });
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'request-changes', 'coordinator'), { ok: false, reason: 'reason-required' });
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'request-changes', 'coordinator', 'Welke wijk?'), { ok: true, to: 'changes_requested' });
});

test('the proposer resubmits after a request for changes, and may withdraw while the proposal is open', () => {
  assert.deepEqual(decide(initiativeLifecycle, 'changes_requested', 'resubmit', 'proposer'), { ok: true, to: 'submitted' });
  assert.deepEqual(decide(initiativeLifecycle, 'submitted', 'resubmit', 'proposer'), { ok: false, reason: 'not-allowed' });
  for (const from of ['unconfirmed', 'submitted', 'changes_requested', 'published'] as const) {
    assert.deepEqual(decide(initiativeLifecycle, from, 'withdraw', 'proposer'), { ok: true, to: 'withdrawn' });
  }
  assert.deepEqual(decide(initiativeLifecycle, 'declined', 'withdraw', 'proposer'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(decide(initiativeLifecycle, 'withdrawn', 'withdraw', 'proposer'), { ok: false, reason: 'not-allowed' });
});

test('declined and withdrawn are final', () => {
  for (const actor of ['proposer', 'coordinator'] as const) {
    assert.deepEqual(actionsOpen(initiativeLifecycle, 'declined', actor), []);
    assert.deepEqual(actionsOpen(initiativeLifecycle, 'withdrawn', actor), []);
  }
});

test('every action leads to a different status than it starts from', () => {
  for (const from of initiativeStatuses) {
    for (const actor of ['proposer', 'coordinator'] as const) {
      for (const action of actionsOpen(initiativeLifecycle, from, actor)) {
        const out = decide(initiativeLifecycle, from, action, actor, 'bericht');
        assert.ok(out.ok && out.to !== from, `${from} --${action}--> stays`);
      }
    }
  }
  assert.equal(isStatusOf(initiativeLifecycle, 'published'), true);
  assert.equal(isStatusOf(initiativeLifecycle, 'draft'), false);
});
