import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateGoals, formatMs, formatTable, goalMark, percentile, StatusCounter, summariseLatencies } from './lib.ts';

describe('bench percentiles', () => {
  it('takes the nearest rank: p95 of 1..100 is 95 and p100 is the maximum', () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => i + 1);
    assert.equal(percentile(values, 50), 50);
    assert.equal(percentile(values, 95), 95);
    assert.equal(percentile(values, 99), 99);
    assert.equal(percentile(values, 100), 100);
    assert.equal(percentile(values, 0), 1);
  });

  it('never interpolates: with two values the median is the lower one and p51 the upper', () => {
    assert.equal(percentile([10, 20], 50), 10);
    assert.equal(percentile([10, 20], 51), 20);
  });

  it('has no percentile of nothing', () => {
    assert.ok(Number.isNaN(percentile([], 50)));
    assert.equal(summariseLatencies([]).count, 0);
  });

  it('sorts numerically before summarising (9 is not above 10)', () => {
    const s = summariseLatencies([10, 9, 100, 1, 50]);
    assert.deepEqual([s.min, s.p50, s.max], [1, 10, 100]);
    assert.equal(s.mean, 34);
  });

  it('lets unanswered requests push the tail to infinity instead of vanishing from it', () => {
    const answered = Array.from({ length: 95 }, () => 5);
    const s = summariseLatencies([...answered, ...Array.from({ length: 5 }, () => Number.POSITIVE_INFINITY)]);
    assert.equal(s.p95, 5);
    assert.equal(s.p99, Number.POSITIVE_INFINITY);
    assert.equal(formatMs(s.p99), '∞');
  });
});

describe('bench status counts', () => {
  it('counts only 200–299 as success', () => {
    const c = new StatusCounter();
    for (const status of [200, 204, 299, 302, 404, 500, 0]) c.add(status);
    assert.equal(c.ok, 3);
    assert.equal(c.non2xx, 4);
    assert.equal(c.byStatus['302'], 1);
  });
});

describe('bench goals', () => {
  const base = { fixedRate: 200, coldStartMs: 1500, firstVisitBytes: 40_000, laterPageBytes: 5_000 };

  it('misses the latency goal at exactly 50 ms on PostgreSQL (the goal is strictly below)', () => {
    const goals = evaluateGoals({
      ...base, engine: 'postgres', fixedRate95: { home: { p95: 49.9, failed: 0 }, organisation: { p95: 50, failed: 0 } },
    });
    assert.deepEqual(goals.slice(0, 2).map(goalMark), ['met', 'MISSED']);
  });

  it('asks the pact home for at least 5 % of a bare server, and leaves the goal out when it was not measured', () => {
    const named = (share: number | null) => evaluateGoals({ ...base, engine: 'postgres', fixedRate95: {}, homeShareOfBare: share })
      .find((g) => g.name.startsWith('pact home, max throughput'));
    assert.equal(goalMark(named(0.05)!), 'met');
    assert.equal(goalMark(named(0.049)!), 'MISSED');
    assert.equal(named(0.049)!.actual, '4.9 %');
    assert.equal(named(null), undefined);
  });

  it('misses the latency goal when requests failed, however fast the failures were', () => {
    const goals = evaluateGoals({ ...base, engine: 'postgres', fixedRate95: { organisation: { p95: 12, failed: 27 } } });
    assert.equal(goalMark(goals[0]!), 'MISSED');
    assert.equal(goals[0]!.actual, '12.0 ms, 27 failed');
  });

  it('shows the PostgreSQL latency goal on PGlite without counting a miss', () => {
    const goals = evaluateGoals({ ...base, engine: 'pglite', fixedRate95: { home: { p95: 400, failed: 0 } } });
    assert.equal(goals[0]!.met, false);
    assert.equal(goals[0]!.informational, true);
    assert.equal(goalMark(goals[0]!), 'not met (informational)');
  });

  it('checks cold start and page weight against 2 s, 100 KB and 20 KB', () => {
    const goals = evaluateGoals({ engine: 'postgres', fixedRate: 200, fixedRate95: {}, coldStartMs: 2000, firstVisitBytes: 99_999, laterPageBytes: 20_000 });
    assert.deepEqual(goals.map((g) => g.met), [false, true, false]);
    assert.ok(goals.every((g) => !g.informational));
  });
});

describe('bench report', () => {
  it('formats milliseconds with sensible precision and seconds above one second', () => {
    assert.equal(formatMs(0.456), '0.46 ms');
    assert.equal(formatMs(12.34), '12.3 ms');
    assert.equal(formatMs(1500), '1.50 s');
    assert.equal(formatMs(Number.NaN), '–');
  });

  it('pads columns to the widest cell and right-aligns figures', () => {
    const table = formatTable(['page', 'p95'], [['home', '4.00 ms'], ['organisation', '12.0 ms']]).split('\n');
    assert.deepEqual(table, ['page          p95', '------------  -------', 'home          4.00 ms', 'organisation  12.0 ms']);
  });
});
