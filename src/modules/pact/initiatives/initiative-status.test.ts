import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsFor, initiativeStatuses, isInitiativeStatus, transition } from './initiative-status.ts';

test('the proposer confirms an unconfirmed proposal; it is then submitted', () => {
  assert.deepEqual(transition('unconfirmed', 'confirm', 'proposer'), { ok: true, to: 'submitted' });
  assert.deepEqual(transition('submitted', 'confirm', 'proposer'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(transition('unconfirmed', 'confirm', 'coordinator'), { ok: false, reason: 'wrong-actor' });
});

test('a coordinator publishes a submitted proposal, not an unconfirmed one', () => {
  assert.deepEqual(transition('submitted', 'publish', 'coordinator'), { ok: true, to: 'published' });
  assert.deepEqual(transition('unconfirmed', 'publish', 'coordinator'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(transition('published', 'publish', 'coordinator'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(transition('submitted', 'publish', 'proposer'), { ok: false, reason: 'wrong-actor' });
});

test('declining and asking for changes need a message the proposer sees', () => {
  assert.deepEqual(transition('submitted', 'decline', 'coordinator'), { ok: false, reason: 'message-required' });
  assert.deepEqual(transition('submitted', 'decline', 'coordinator', '   '), { ok: false, reason: 'message-required' });
  assert.deepEqual(transition('submitted', 'decline', 'coordinator', 'Past niet bij het pact'), { ok: true, to: 'declined' });
  assert.deepEqual(transition('submitted', 'request-changes', 'coordinator'), { ok: false, reason: 'message-required' });
  assert.deepEqual(transition('submitted', 'request-changes', 'coordinator', 'Welke wijk?'), { ok: true, to: 'changes_requested' });
});

test('the proposer resubmits after a request for changes, and may withdraw while the proposal is open', () => {
  assert.deepEqual(transition('changes_requested', 'resubmit', 'proposer'), { ok: true, to: 'submitted' });
  assert.deepEqual(transition('submitted', 'resubmit', 'proposer'), { ok: false, reason: 'not-allowed' });
  for (const from of ['unconfirmed', 'submitted', 'changes_requested', 'published'] as const) {
    assert.deepEqual(transition(from, 'withdraw', 'proposer'), { ok: true, to: 'withdrawn' });
  }
  assert.deepEqual(transition('declined', 'withdraw', 'proposer'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(transition('withdrawn', 'withdraw', 'proposer'), { ok: false, reason: 'not-allowed' });
});

test('declined and withdrawn are final', () => {
  for (const actor of ['proposer', 'coordinator'] as const) {
    assert.deepEqual(actionsFor('declined', actor), []);
    assert.deepEqual(actionsFor('withdrawn', actor), []);
  }
});

test('every action leads to a different status than it starts from', () => {
  for (const from of initiativeStatuses) {
    for (const actor of ['proposer', 'coordinator'] as const) {
      for (const action of actionsFor(from, actor)) {
        const out = transition(from, action, actor, 'bericht');
        assert.ok(out.ok && out.to !== from, `${from} --${action}--> stays`);
      }
    }
  }
  assert.equal(isInitiativeStatus('published'), true);
  assert.equal(isInitiativeStatus('draft'), false);
});
