import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lastReviewMoment, lastUpdate, reviewPeriodStart, staleness } from './staleness.ts';

const now = new Date('2026-11-23T10:00:00Z');

test('the review period starts on 1 November, midnight in the Netherlands', () => {
  assert.equal(reviewPeriodStart(2026).toISOString(), '2026-10-31T23:00:00.000Z');
});

test('the last review moment: the year’s own review once it began, else the latest one before', () => {
  assert.equal(lastReviewMoment(2026, now).toISOString(), reviewPeriodStart(2026).toISOString());
  assert.equal(lastReviewMoment(2025, now).toISOString(), reviewPeriodStart(2025).toISOString());
  assert.equal(lastReviewMoment(2027, now).toISOString(), reviewPeriodStart(2026).toISOString());
  assert.equal(lastReviewMoment(2026, new Date('2026-06-01T00:00:00Z')).toISOString(), reviewPeriodStart(2025).toISOString());
  assert.equal(lastReviewMoment(2026, new Date('2026-01-15T00:00:00Z')).toISOString(), reviewPeriodStart(2025).toISOString());
});

test('last update is the later of edit and review', () => {
  const a = new Date('2026-03-01T00:00:00Z');
  const b = new Date('2026-11-05T00:00:00Z');
  assert.equal(lastUpdate(a, null), a);
  assert.equal(lastUpdate(a, b), b);
  assert.equal(lastUpdate(b, a), b);
});

test('an entry not updated since the last review moment is stale, with the days since', () => {
  const old = staleness({ updatedAt: new Date('2026-03-01T10:00:00Z'), reviewedAt: null }, 2026, now);
  assert.equal(old.stale, true);
  assert.equal(old.daysSince, 267);
  const reviewed = staleness({ updatedAt: new Date('2026-03-01T10:00:00Z'), reviewedAt: new Date('2026-11-20T10:00:00Z') }, 2026, now);
  assert.equal(reviewed.stale, false);
  assert.equal(reviewed.daysSince, 3);
  const next = staleness({ updatedAt: new Date('2026-11-22T10:00:00Z'), reviewedAt: null }, 2027, now);
  assert.equal(next.stale, false);
  const future = staleness({ updatedAt: new Date('2026-12-01T00:00:00Z'), reviewedAt: null }, 2026, now);
  assert.equal(future.daysSince, 0);
});
