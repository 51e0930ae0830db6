import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pactAgendaDemoPlan } from './pact-agenda.ts';

const { year2025, year2026, lindewaardPartners, leftPact } = pactAgendaDemoPlan;
const unfinished = new Set(['planned', 'in_progress', 'delayed']);
const statusOf = (a: (typeof year2025)[number]) => (a.followUp ?? a.review)?.status ?? 'planned';

describe('pact agenda demo data', () => {
  it('has about thirty activities per year with unique keys, dated inside their year', () => {
    for (const [year, activities] of [[2025, year2025], [2026, year2026]] as const) {
      assert.ok(activities.length >= 28 && activities.length <= 35, `${year}: ${activities.length}`);
      for (const a of activities) {
        assert.ok(a.starts.startsWith(String(year)) && a.ends.startsWith(String(year)), a.key);
        assert.ok(a.ends >= a.starts, a.key);
        assert.ok(a.indicators.length <= 3, a.key);
        for (const r of [a.review, a.followUp]) {
          if (r) assert.ok(r.values.length <= a.indicators.length, `${a.key}: more results than indicators`);
        }
      }
    }
    const keys = [...year2025, ...year2026].map((a) => a.key);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('reviews all of 2025 in November, and carries every unfinished one into 2026 once', () => {
    for (const a of year2025) {
      assert.ok(a.review, `${a.key} has no review`);
      assert.match(a.review.on, /^2025-11-/);
    }
    const carried = year2026.filter((a) => a.carriedFrom).map((a) => a.carriedFrom);
    assert.equal(new Set(carried).size, carried.length);
    const stillOpen = year2025.filter((a) => ['in_progress', 'delayed'].includes(statusOf(a))).map((a) => a.key);
    assert.deepEqual([...carried].sort(), [...stillOpen].sort());
  });

  it('has the November 2026 review about half done, between 2 and 20 November', () => {
    const reviewed = year2026.filter((a) => a.review);
    assert.ok(reviewed.length >= year2026.length * 0.4 && reviewed.length <= year2026.length * 0.65);
    for (const a of reviewed) assert.ok(a.review!.on >= '2026-11-02' && a.review!.on <= '2026-11-20', a.key);
  });

  it('leaves Welzijn Lindewaard at least three unfinished 2026 activities with an indicator', () => {
    const open = year2026.filter((a) => a.org === 'welzijn' && unfinished.has(statusOf(a)) && a.indicators.length > 0);
    assert.ok(open.length >= 3);
  });

  it('keeps the partner that left with its 2025 activities and without a 2026 one or a new signature', () => {
    assert.ok(year2025.some((a) => a.org === leftPact.org));
    assert.ok(!year2026.some((a) => a.org === leftPact.org || a.partners?.includes(leftPact.org)));
    assert.equal(lindewaardPartners[leftPact.org].signedV2, null);
  });
});
