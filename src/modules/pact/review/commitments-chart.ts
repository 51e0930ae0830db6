// The "pie of commitments": the geometry of an accessible pie chart, computed here and drawn by
// CommitmentsPie (review-pages.tsx) as server-rendered SVG. Pure: no I/O.
//
// Colour is never the only cue: every slice has a number drawn in it (when the slice is wide
// enough) and a pattern of its own, the legend and the data table beside the chart repeat the
// numbers. The fills have at least 3:1 contrast against the white page (WCAG 1.4.11) and the
// slice edges are white lines.

export interface PieDatum {
  label: string;
  value: number;
}

export interface PieSlice {
  /** 1-based, as shown in the slice, the legend and the table. */
  number: number;
  label: string;
  value: number;
  share: number;
  startAngle: number;
  endAngle: number;
  /** SVG path; for a slice of the full circle this is a circle drawn as two arcs. */
  path: string;
  /** Where the slice's number goes, or null when the slice is too narrow for it. */
  labelAt: { x: number; y: number } | null;
  fill: string;
  pattern: PatternKind;
}

export type PatternKind = 'none' | 'stripes' | 'dots' | 'cross' | 'back-stripes' | 'grid';

/** Fills with contrast ≥ 3:1 against white (darkest first). */
export const palette = ['#1d4f91', '#a4343a', '#2e6b30', '#6b3fa0', '#8a5300', '#006d77', '#5c5c5c', '#9c1f6e'] as const;
export const patterns: readonly PatternKind[] = ['none', 'stripes', 'dots', 'cross', 'back-stripes', 'grid'];

export const pieSize = 200;
const centre = pieSize / 2;
const radius = 90;
/** Slices narrower than this get no number inside (the legend still has it). */
const minLabelAngle = 14;

function point(angle: number, r: number): { x: number; y: number } {
  // 0° at the top, clockwise.
  const rad = ((angle - 90) * Math.PI) / 180;
  return { x: round(centre + r * Math.cos(rad)), y: round(centre + r * Math.sin(rad)) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

function slicePath(start: number, end: number): string {
  if (end - start >= 360 - 1e-9) {
    return `M ${centre} ${centre - radius} A ${radius} ${radius} 0 1 1 ${centre} ${centre + radius} A ${radius} ${radius} 0 1 1 ${centre} ${centre - radius} Z`;
  }
  const a = point(start, radius);
  const b = point(end, radius);
  const large = end - start > 180 ? 1 : 0;
  return `M ${centre} ${centre} L ${a.x} ${a.y} A ${radius} ${radius} 0 ${large} 1 ${b.x} ${b.y} Z`;
}

/**
 * Slices for the data, in the given order, clockwise from the top. Data with a value that is not
 * a positive finite number is left out; with nothing left there are no slices (the page then says
 * there is nothing to show). The angles of the slices add up to exactly 360.
 */
export function pieSlices(data: readonly PieDatum[]): PieSlice[] {
  const kept = data.filter((d) => Number.isFinite(d.value) && d.value > 0);
  const total = kept.reduce((s, d) => s + d.value, 0);
  if (total <= 0) return [];
  let start = 0;
  return kept.map((d, i) => {
    const last = i === kept.length - 1;
    const end = last ? 360 : start + (d.value / total) * 360;
    const mid = (start + end) / 2;
    const slice: PieSlice = {
      number: i + 1,
      label: d.label,
      value: d.value,
      share: d.value / total,
      startAngle: start,
      endAngle: end,
      path: slicePath(start, end),
      labelAt: end - start >= minLabelAngle ? (kept.length === 1 ? { x: centre, y: centre } : point(mid, radius * 0.62)) : null,
      fill: palette[i % palette.length]!,
      pattern: patterns[i % patterns.length]!,
    };
    start = end;
    return slice;
  });
}

/** Counts items per key, keeping the first-seen order of keys; for the pies by partner and by pillar. */
export function countBy<T>(items: readonly T[], key: (item: T) => string, weight: (item: T) => number = () => 1): PieDatum[] {
  const totals = new Map<string, number>();
  for (const item of items) totals.set(key(item), (totals.get(key(item)) ?? 0) + weight(item));
  return [...totals].map(([label, value]) => ({ label, value }));
}
