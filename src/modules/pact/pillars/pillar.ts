// Pillars (or paths) of a pact: the form, ordering and the rules for templates. Pure: no I/O.
import { z } from 'zod';
import type { PillarTemplate } from './templates.ts';

export interface PillarLike {
  id: string;
  position: number;
  title: string;
  archived_at: Date | null;
}

/** A weight as typed in a form: a positive number up to 100 with at most two decimals (comma or point). */
const weightField = z
  .string()
  .trim()
  .refine((v) => /^[0-9]{1,3}([.,][0-9]{1,2})?$/.test(v) && Number(v.replace(',', '.')) > 0 && Number(v.replace(',', '.')) <= 100, 'form.error.pillarWeight')
  .transform((v) => Number(v.replace(',', '.')));

const positionField = z
  .string()
  .trim()
  .refine((v) => /^[0-9]{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1000, 'form.error.pillarPosition')
  .transform((v) => Number(v));

/** Editing a pillar: every field. */
export const pillarForm = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  weight: weightField,
  position: positionField,
});
export type PillarInput = z.output<typeof pillarForm>;

/** Adding a pillar: weight 1 and the next position unless given. */
export const newPillarForm = z.object({
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).default(''),
  weight: z.union([z.literal(''), weightField]).default('').transform((v) => (v === '' ? 1 : v)),
  position: z.union([z.literal(''), positionField]).default('').transform((v) => (v === '' ? null : v)),
});

export const pillarTemplateForm = z.object({ template: z.enum(['five-pillars', 'nine-paths']) });

/** The pillar page's buttons: save the fields, or archive / restore the pillar. */
export const pillarActionForm = z.object({ action: z.enum(['save', 'archive', 'restore']).default('save') });

/** The pillar page's one form: the fields when saving (the default button), nothing else when archiving or restoring. */
export const pillarPageForm = z.preprocess(
  (raw) => (raw && typeof raw === 'object' && !('action' in raw) ? { ...raw, action: 'save' } : raw),
  z.discriminatedUnion('action', [
    pillarForm.extend({ action: z.literal('save') }),
    z.object({ action: z.enum(['archive', 'restore']) }),
  ], { error: 'form.error.choice' }),
);

/** Pillars in the order the pact shows them: current ones by position (then title), archived ones last. */
export function orderPillars<P extends PillarLike>(pillars: readonly P[]): P[] {
  return [...pillars].sort(
    (a, b) =>
      Number(a.archived_at !== null) - Number(b.archived_at !== null) ||
      a.position - b.position ||
      a.title.localeCompare(b.title, 'nl'),
  );
}

/** The position a new pillar gets: after the last one (at most 1000). */
export function nextPillarPosition(pillars: readonly Pick<PillarLike, 'position'>[]): number {
  return Math.min(1000, pillars.reduce((max, p) => Math.max(max, p.position), 0) + 1);
}

/** Whether another pillar of the pact has this title, ignoring case and surrounding spaces. */
export function pillarTitleTaken(pillars: readonly Pick<PillarLike, 'id' | 'title'>[], title: string, exceptId: string | null): boolean {
  const wanted = title.trim().toLocaleLowerCase('nl');
  return pillars.some((p) => p.id !== exceptId && p.title.trim().toLocaleLowerCase('nl') === wanted);
}

/** A template may only fill a pact that has no pillars yet (archived ones count: they keep history). */
export function mayApplyTemplate(pillarCount: number): boolean {
  return pillarCount === 0;
}

/** The rows a template adds: its pillars in order, positions 1…n, weight 1. */
export function templateRows(template: PillarTemplate): Array<{ position: number; title: string; description: string; weight: number }> {
  return template.pillars.map((p, i) => ({ position: i + 1, title: p.title, description: p.description, weight: 1 }));
}

/** Whether new activities may be registered under a pillar: not when it is archived. */
export function pillarTakesActivities(pillar: { archived_at: Date | string | null }): boolean {
  return pillar.archived_at === null;
}
