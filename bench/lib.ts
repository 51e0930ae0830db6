// Pure helpers of the bench: percentiles, status counts, goals and the text report. No I/O.

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentile of an ascending array: the smallest value with at least p % of the values at or below it. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export function summariseLatencies(values: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return { count: 0, min: NaN, mean: NaN, p50: NaN, p95: NaN, p99: NaN, max: NaN };
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    count: sorted.length,
    min: sorted[0]!,
    mean: sum / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
  };
}

/** Counts responses by status; everything outside 200–299 counts as non-2xx. */
export class StatusCounter {
  readonly byStatus: Record<string, number> = {};
  ok = 0;
  non2xx = 0;

  add(status: number): void {
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    if (status >= 200 && status < 300) this.ok++;
    else this.non2xx++;
  }
}

// ---------------------------------------------------------------------------------------------
// Formatting. KB means 1,000 bytes here (the stricter reading of the page-weight goals).

export function formatMs(ms: number): string {
  if (ms === Number.POSITIVE_INFINITY) return '∞';
  if (!Number.isFinite(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  return `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;
}

export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

export function formatRate(perSecond: number): string {
  return Number.isFinite(perSecond) ? perSecond.toFixed(perSecond < 100 ? 1 : 0) : '–';
}

/** A plain text table: columns padded to their widest cell; numbers-looking cells aligned right. */
export function formatTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const numeric = (cell: string) => /^[-–+]?[\d.,]+( ?(ms|s|KB|MB|%|×))?$/.test(cell) || cell === '–' || cell === '∞';
  const line = (r: string[]) =>
    r
      .map((cell, i) => (numeric(cell) && i > 0 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------------------------
// Goals.

export interface Goal {
  name: string;
  target: string;
  actual: string;
  met: boolean;
  /** A goal that is stated for another engine is shown, but does not count as a miss. */
  informational: boolean;
}

export interface GoalInput {
  engine: 'pglite' | 'postgres';
  /** Per page at the fixed rate: p95 in ms, and how many requests failed (non-2xx, errors, unanswered). */
  fixedRate95: Record<string, { p95: number; failed: number }>;
  fixedRate: number;
  coldStartMs: number;
  firstVisitBytes: number;
  laterPageBytes: number;
  /** The signed-in pact home's maximum throughput divided by a bare server's for the same bytes (null: not measured). */
  homeShareOfBare?: number | null;
}

export const goalTargets = { p95Ms: 50, coldStartMs: 2000, firstVisitBytes: 100_000, laterPageBytes: 20_000, homeShareOfBare: 0.05 } as const;

export function evaluateGoals(input: GoalInput): Goal[] {
  // A page that fails is not fast: a latency goal with failed requests is not met, however quick the failures were.
  const goals: Goal[] = Object.entries(input.fixedRate95).map(([page, { p95, failed }]) => ({
    name: `p95 at ${input.fixedRate} req/s, ${page}`,
    target: `< ${goalTargets.p95Ms} ms, none failed${input.engine === 'postgres' ? '' : ' (goal set for PostgreSQL)'}`,
    actual: failed > 0 ? `${formatMs(p95)}, ${failed} failed` : formatMs(p95),
    met: p95 < goalTargets.p95Ms && failed === 0,
    informational: input.engine !== 'postgres',
  }));
  if (input.homeShareOfBare !== undefined && input.homeShareOfBare !== null) {
    goals.push({
      name: 'pact home, max throughput as a share of a bare server',
      target: `≥ ${goalTargets.homeShareOfBare * 100} %`,
      actual: `${(input.homeShareOfBare * 100).toFixed(1)} %`,
      met: input.homeShareOfBare >= goalTargets.homeShareOfBare,
      informational: false,
    });
  }
  goals.push(
    {
      name: 'cold start, existing data, to first page',
      target: `< ${goalTargets.coldStartMs / 1000} s`,
      actual: formatMs(input.coldStartMs),
      met: input.coldStartMs < goalTargets.coldStartMs,
      informational: false,
    },
    {
      name: 'first visit, compressed',
      target: `< ${goalTargets.firstVisitBytes / 1000} KB`,
      actual: formatKb(input.firstVisitBytes),
      met: input.firstVisitBytes < goalTargets.firstVisitBytes,
      informational: false,
    },
    {
      name: 'later page, compressed',
      target: `< ${goalTargets.laterPageBytes / 1000} KB`,
      actual: formatKb(input.laterPageBytes),
      met: input.laterPageBytes < goalTargets.laterPageBytes,
      informational: false,
    },
  );
  return goals;
}

export function goalMark(goal: Goal): string {
  if (goal.met) return 'met';
  return goal.informational ? 'not met (informational)' : 'MISSED';
}
