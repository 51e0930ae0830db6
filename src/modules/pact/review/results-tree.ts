// The results tree of an agenda year: progress per pillar derived from its activities and their
// indicators, weighted. Pure: no I/O.
//
// The rules, in words (also in README.md):
// - An indicator's achievement is its latest result against its target, capped at 100%:
//   min(1, current / target). An indicator without a result yet (never reviewed) achieves 0.
// - An activity WITH indicators progresses as the weighted mean of its indicators' achievements
//   (indicator.weight), whatever its status: the results say how far it got.
// - An activity WITHOUT indicators progresses by its status: done 100%, in progress 50%,
//   delayed 25%, planned (not reviewed yet) 0%, stopped 0%.
// - A stopped activity keeps counting (with what it achieved): it was a commitment of the year,
//   and stopping it is part of the account, not a way out of it. Withdrawn activities are not
//   part of the year and are not given to this function.
// - A pillar's progress is the weighted mean of its activities' progress (activity.weight). A
//   pillar without activities has no progress (null) and does not count in the total.
// - The pact's total is the weighted mean of the pillars that have progress (pillar.weight).
import type { ActivityStatus } from '../agenda/index.ts';

/** Progress of an activity without indicators, by its status. */
export const progressByStatus: Readonly<Record<ActivityStatus, number>> = Object.freeze({
  done: 1,
  in_progress: 0.5,
  delayed: 0.25,
  planned: 0,
  stopped: 0,
});

export interface IndicatorInput {
  id: string;
  name: string;
  unit: string;
  target: number;
  current: number | null;
  weight: number;
}

export interface ActivityInput {
  id: string;
  pillarId: string;
  title: string;
  organisationName: string;
  status: ActivityStatus;
  weight: number;
  indicators: IndicatorInput[];
}

export interface PillarInput {
  id: string;
  title: string;
  weight: number;
}

export interface IndicatorNode extends IndicatorInput {
  achievement: number;
}

export interface ActivityNode extends Omit<ActivityInput, 'indicators'> {
  indicators: IndicatorNode[];
  progress: number;
  /** Whether progress comes from the indicators or, without any, from the status. */
  basis: 'indicators' | 'status';
}

export interface PillarNode extends PillarInput {
  activities: ActivityNode[];
  progress: number | null;
}

export interface ResultsTree {
  pillars: PillarNode[];
  total: number | null;
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/** min(1, current / target); 0 without a result or with a target that is not positive. */
export function indicatorAchievement(target: number, current: number | null): number {
  if (current === null || !Number.isFinite(current) || !Number.isFinite(target) || target <= 0) return 0;
  return Math.min(1, Math.max(0, current / target));
}

/** Weighted mean; null when there is nothing (or no positive weight) to average. */
export function weightedMean(items: ReadonlyArray<{ value: number; weight: number }>): number | null {
  let sum = 0;
  let weights = 0;
  for (const { value, weight } of items) {
    const w = finite(weight);
    if (w <= 0) continue;
    sum += finite(value) * w;
    weights += w;
  }
  return weights > 0 ? sum / weights : null;
}

export function activityProgress(activity: ActivityInput): ActivityNode {
  const indicators = activity.indicators.map((i) => ({ ...i, achievement: indicatorAchievement(i.target, i.current) }));
  const fromIndicators = weightedMean(indicators.map((i) => ({ value: i.achievement, weight: i.weight })));
  if (fromIndicators === null) {
    return { ...activity, indicators, progress: progressByStatus[activity.status] ?? 0, basis: 'status' };
  }
  return { ...activity, indicators, progress: fromIndicators, basis: 'indicators' };
}

/**
 * The tree: every pillar in the given order with its activities (in the given order). Activities
 * of a pillar not in `pillars` are left out (the caller passes every pillar the year uses).
 */
export function resultsTree(pillars: readonly PillarInput[], activities: readonly ActivityInput[]): ResultsTree {
  const byPillar = new Map<string, ActivityNode[]>();
  for (const p of pillars) byPillar.set(p.id, []);
  for (const a of activities) byPillar.get(a.pillarId)?.push(activityProgress(a));
  const nodes: PillarNode[] = pillars.map((p) => {
    const acts = byPillar.get(p.id) ?? [];
    return { ...p, activities: acts, progress: weightedMean(acts.map((a) => ({ value: a.progress, weight: a.weight }))) };
  });
  const total = weightedMean(nodes.filter((p) => p.progress !== null).map((p) => ({ value: p.progress!, weight: p.weight })));
  return { pillars: nodes, total };
}

/** A share 0..1 as a whole percentage for display (rounded down, so 99.6% is not shown as done). */
export function percent(share: number | null): number | null {
  if (share === null) return null;
  return Math.floor(Math.min(1, Math.max(0, share)) * 100 + 1e-9);
}
