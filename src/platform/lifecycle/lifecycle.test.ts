import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actionsOpen, decide, defineLifecycle, describeLifecycle, finalStatuses, isStatusOf } from './lifecycle.ts';

const proposal = defineLifecycle({
  name: 'proposal',
  statuses: ['draft', 'submitted', 'accepted', 'declined'],
  initial: 'draft',
  transitions: {
    submit: { from: ['draft'], to: 'submitted', by: ['author'] },
    accept: { from: ['submitted'], to: 'accepted', by: ['reviewer'] },
    decline: { from: ['submitted'], to: 'declined', by: ['reviewer'], needsReason: true },
  },
});

test('an action leads from an allowed status to its target, for the roles that may take it', () => {
  assert.deepEqual(decide(proposal, 'draft', 'submit', 'author'), { ok: true, to: 'submitted' });
  assert.deepEqual(decide(proposal, 'submitted', 'submit', 'author'), { ok: false, reason: 'not-allowed' });
  assert.deepEqual(decide(proposal, 'submitted', 'accept', 'author'), { ok: false, reason: 'wrong-actor' });
  assert.deepEqual(decide(proposal, 'submitted', 'decline', 'reviewer'), { ok: false, reason: 'reason-required' });
  assert.deepEqual(decide(proposal, 'submitted', 'decline', 'reviewer', '  '), { ok: false, reason: 'reason-required' });
  assert.deepEqual(decide(proposal, 'submitted', 'decline', 'reviewer', 'Buiten het pact'), { ok: true, to: 'declined' });
});

test('an unknown action, even one named like an object property, is not allowed', () => {
  for (const action of ['constructor', 'toString', '__proto__', 'publish']) {
    assert.deepEqual(decide(proposal, 'draft', action as 'submit', 'author'), { ok: false, reason: 'not-allowed' });
  }
});

test('the open actions, the final statuses and the description follow the table', () => {
  assert.deepEqual(actionsOpen(proposal, 'submitted', 'reviewer'), ['accept', 'decline']);
  assert.deepEqual(actionsOpen(proposal, 'submitted', 'author'), []);
  assert.deepEqual(finalStatuses(proposal), ['accepted', 'declined']);
  assert.deepEqual(describeLifecycle(proposal), [
    'draft --submit (author)--> submitted',
    'submitted --accept (reviewer)--> accepted',
    'submitted --decline (reviewer) [reason]--> declined',
  ]);
  assert.equal(isStatusOf(proposal, 'accepted'), true);
  assert.equal(isStatusOf(proposal, 'archived'), false);
});

test('a table that names a status it does not have is refused when defined', () => {
  assert.throws(() => defineLifecycle({
    name: 'broken', statuses: ['a'], initial: 'a', transitions: { go: { from: ['a'], to: 'b' as 'a', by: ['x'] } },
  }), /unknown status b/);
});
