import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activityProgress, indicatorAchievement, percent, progressByStatus, resultsTree, weightedMean, type ActivityInput } from './results-tree.ts';

function activity(over: Partial<ActivityInput> = {}): ActivityInput {
  return { id: 'a', pillarId: 'p1', title: 'A', organisationName: 'Org', status: 'in_progress', weight: 1, indicators: [], ...over };
}
const ind = (target: number, current: number | null, weight = 1) => ({ id: `i${target}${current}`, name: 'n', unit: '', target, current, weight });

test('indicator achievement is current/target capped at 1; no result or a bad target is 0', () => {
  assert.equal(indicatorAchievement(10, 5), 0.5);
  assert.equal(indicatorAchievement(10, 25), 1);
  assert.equal(indicatorAchievement(10, 0), 0);
  assert.equal(indicatorAchievement(10, null), 0);
  assert.equal(indicatorAchievement(0, 5), 0);
  assert.equal(indicatorAchievement(-1, 5), 0);
  assert.equal(indicatorAchievement(10, Number.NaN), 0);
});

test('weighted mean ignores non-positive weights and is null for nothing', () => {
  assert.equal(weightedMean([]), null);
  assert.equal(weightedMean([{ value: 1, weight: 0 }]), null);
  assert.equal(weightedMean([{ value: 1, weight: 3 }, { value: 0, weight: 1 }]), 0.75);
});

test('an activity with indicators progresses by their weighted achievement, whatever its status', () => {
  const a = activityProgress(activity({ status: 'done', indicators: [ind(10, 10, 1), ind(100, 0, 3)] }));
  assert.equal(a.basis, 'indicators');
  assert.equal(a.progress, 0.25);
  const stopped = activityProgress(activity({ status: 'stopped', indicators: [ind(4, 2)] }));
  assert.equal(stopped.progress, 0.5, 'a stopped activity keeps what it achieved');
  const unreviewed = activityProgress(activity({ status: 'planned', indicators: [ind(4, null)] }));
  assert.equal(unreviewed.progress, 0);
});

test('an activity without indicators progresses by its status', () => {
  for (const [status, expected] of Object.entries(progressByStatus)) {
    const a = activityProgress(activity({ status: status as ActivityInput['status'] }));
    assert.equal(a.basis, 'status');
    assert.equal(a.progress, expected);
  }
  assert.equal(progressByStatus.done, 1);
  assert.equal(progressByStatus.stopped, 0);
  assert.equal(progressByStatus.planned, 0);
});

test('pillar progress is weighted by activity weight, the total by pillar weight; empty pillars do not count', () => {
  const tree = resultsTree(
    [{ id: 'p1', title: 'One', weight: 1 }, { id: 'p2', title: 'Two', weight: 3 }, { id: 'p3', title: 'Empty', weight: 5 }],
    [
      activity({ id: 'a1', pillarId: 'p1', status: 'done', weight: 1 }),
      activity({ id: 'a2', pillarId: 'p1', status: 'planned', weight: 3 }),
      activity({ id: 'a3', pillarId: 'p2', indicators: [ind(10, 5)] }),
      activity({ id: 'x', pillarId: 'unknown', status: 'done' }),
    ],
  );
  assert.deepEqual(tree.pillars.map((p) => p.progress), [0.25, 0.5, null]);
  assert.deepEqual(tree.pillars.map((p) => p.activities.map((a) => a.id)), [['a1', 'a2'], ['a3'], []]);
  assert.equal(tree.total, (0.25 * 1 + 0.5 * 3) / 4);
});

test('no pillars or no activities: no total', () => {
  assert.equal(resultsTree([], []).total, null);
  assert.equal(resultsTree([{ id: 'p', title: 'P', weight: 1 }], []).total, null);
});

test('percentages are whole, rounded down and clamped', () => {
  assert.equal(percent(null), null);
  assert.equal(percent(0.996), 99);
  assert.equal(percent(1), 100);
  assert.equal(percent(0.29), 29);
  assert.equal(percent(1.5), 100);
  assert.equal(percent(-1), 0);
});
