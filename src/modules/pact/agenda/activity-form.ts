// The form of an activity (register and edit share it) and the agenda year's status form. Pure:
// no I/O. The database says the same again (activity_* and indicator_* checks in 0011).
import { z } from 'zod';
import { isCalendarDate } from '../../../platform/calendar/index.ts';
import { formRevision } from '../../../platform/concurrency.ts';
import { dateField, formValues, parseForm, type FormResult } from '../../../platform/forms.ts';
import { agendaYearActions } from './agenda-year-status.ts';

/** How many indicator rows the form offers; empty rows are ignored. */
export const indicatorRows = 5;
const maxTarget = 999_999_999_999.99;

export interface IndicatorInput {
  name: string;
  unit: string;
  target: number;
}

export interface ActivityInput {
  title: string;
  goal: string;
  pillarId: string;
  description: string;
  responsibleName: string;
  partnerIds: string[];
  startsOn: string;
  endsOn: string;
  indicators: IndicatorInput[];
  /**
   * The revision the user started editing from (the hidden field `revision`); undefined on a new
   * activity, and when the field is missing or holds no revision (an edit then counts as stale).
   */
  revision: number | undefined;
}

const date = dateField();
const text = (max: number) => z.string().trim().max(max).default('');

/** A number as people type it: "12", "12.5" or "12,5", "1.250" is not guessed at (refused). */
export function parseAmount(raw: string): number | null {
  const v = raw.trim().replace(/\s/g, '');
  if (!/^\d{1,12}([.,]\d{1,2})?$/.test(v)) return null;
  const n = Number(v.replace(',', '.'));
  return Number.isFinite(n) && n > 0 && n <= maxTarget ? n : null;
}

function activityFields(year: number) {
  const shape: Record<string, z.ZodType> = {
    title: z.string().trim().min(1).max(200),
    goal: z.string().trim().min(1).max(2000),
    pillar: z.uuid({ message: 'agenda.error.pillar' }),
    description: text(8000),
    responsible: z.string().trim().min(1).max(200),
    partners: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid()).max(100)),
    startsOn: date,
    endsOn: date,
    revision: z.string().max(40).default(''),
  };
  for (let i = 1; i <= indicatorRows; i++) {
    shape[`indicatorName${i}`] = text(200);
    shape[`indicatorUnit${i}`] = text(40);
    shape[`indicatorTarget${i}`] = text(40);
  }
  return z.object(shape).superRefine((v, ctx) => {
    const startsOn = v.startsOn as string;
    const endsOn = v.endsOn as string;
    if (isCalendarDate(startsOn) && isCalendarDate(endsOn)) {
      if (endsOn < startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'agenda.error.endBeforeStart' });
      else if (startsOn > `${year}-12-31` || endsOn < `${year}-01-01`) {
        ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'agenda.error.outsideYear' });
      }
    }
    for (let i = 1; i <= indicatorRows; i++) {
      const name = v[`indicatorName${i}`] as string;
      const unit = v[`indicatorUnit${i}`] as string;
      const target = v[`indicatorTarget${i}`] as string;
      if (name === '' && unit === '' && target === '') continue;
      if (name === '') ctx.addIssue({ code: 'custom', path: [`indicatorName${i}`], message: 'form.error.required' });
      if (target === '') ctx.addIssue({ code: 'custom', path: [`indicatorTarget${i}`], message: 'form.error.required' });
      else if (parseAmount(target) === null) ctx.addIssue({ code: 'custom', path: [`indicatorTarget${i}`], message: 'agenda.error.target' });
    }
  });
}

/** The activity form for an activity in `year`: its fields checked, read into an ActivityInput. */
export function activityForm(year: number) {
  return activityFields(year).transform((v): ActivityInput => {
    const indicators: IndicatorInput[] = [];
    for (let i = 1; i <= indicatorRows; i++) {
      const name = v[`indicatorName${i}`] as string;
      const target = v[`indicatorTarget${i}`] as string;
      if (name === '' && target === '' && (v[`indicatorUnit${i}`] as string) === '') continue;
      indicators.push({ name, unit: v[`indicatorUnit${i}`] as string, target: parseAmount(target)! });
    }
    return {
      title: v.title as string,
      goal: v.goal as string,
      pillarId: v.pillar as string,
      description: v.description as string,
      responsibleName: v.responsible as string,
      partnerIds: [...new Set(v.partners as string[])],
      startsOn: v.startsOn as string,
      endsOn: v.endsOn as string,
      indicators,
      revision: formRevision(v.revision as string),
    };
  });
}

/**
 * The input to show again: every field as typed, with the checked partners (a field given once per
 * checkbox) kept as one comma-separated `partners` value.
 */
export function activityFormValues(form: FormData | URLSearchParams): Record<string, string> {
  const values = formValues(form);
  values.partners = form.getAll('partners').filter((p): p is string => typeof p === 'string').join(',');
  return values;
}

/** Reads the activity form for an activity in `year`. Checkbox choices are kept as a comma-separated `partners` value. */
export function parseActivityForm(form: FormData | URLSearchParams, year: number): FormResult<ActivityInput> {
  const parsed = parseForm(activityForm(year), form);
  const values = activityFormValues(form);
  return parsed.ok ? { ok: true, values, value: parsed.value } : { ok: false, values, errors: parsed.errors };
}

export const openYearForm = z.object({
  year: z.string().trim().regex(/^\d{4}$/, 'agenda.error.year').transform(Number).pipe(z.number().int().min(2000, 'agenda.error.year').max(2100, 'agenda.error.year')),
});

const yearStatusFields = {
  introduction: z.string().trim().max(10000).default(''),
  note: z.string().trim().max(1000).default(''),
};

/** The year's page posts one of the lifecycle actions (with a note), or `introduction` to save the introduction. */
export const yearStatusForm = z.discriminatedUnion('action', [
  z.object({ action: z.enum(agendaYearActions), ...yearStatusFields }),
  z.object({ action: z.literal('introduction'), ...yearStatusFields }),
], { error: 'form.error.choice' });

export const withdrawForm = z.object({
  confirm: z.literal('yes', { message: 'agenda.error.confirmWithdraw' }),
});
