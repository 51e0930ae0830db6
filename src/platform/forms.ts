// Form input: parse FormData with a zod schema into either a typed value or, for the page that
// re-renders, the user's own input (passwords left out) and one message key per field; and the one
// date field every form uses.
import { z } from 'zod';
import { isCalendarDate } from './calendar/index.ts';

export type FieldErrors = Record<string, { key: string; params?: Record<string, string | number> }>;
export type FormValues = Record<string, string>;

export type FormResult<T> =
  | { ok: true; value: T; values: FormValues }
  | { ok: false; values: FormValues; errors: FieldErrors };

const secretField = /password|secret|token|_csrf/i;
/** Longest value kept for re-display; an oversized value is cut, and validation reports it. */
const keepAtMost = 10_000;

export function formValues(form: FormData | URLSearchParams): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== 'string' || secretField.test(name)) continue;
    values[name] = value.length > keepAtMost ? value.slice(0, keepAtMost) : value;
  }
  return values;
}

function rawObject(form: FormData | URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name === '_csrf') continue;
    const existing = out[name];
    if (existing === undefined) out[name] = value;
    else out[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/**
 * A message given by a schema that names a catalog key (`form.error.date`, `agenda.error.target`):
 * lower-case area, a dot, no spaces. zod's own messages are sentences, so they never look like this.
 */
const catalogKeyShape = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

/** Maps a zod issue to a catalog key; schemas may give a custom message that is itself a key, of any area. */
export function issueMessage(issue: z.core.$ZodIssue): { key: string; params?: Record<string, string | number> } {
  if (issue.message && catalogKeyShape.test(issue.message)) return { key: issue.message };
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1 && issue.origin === 'string'
        ? { key: 'form.error.required' }
        : { key: 'form.error.tooShort', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: 'form.error.tooLong', params: { max: Number(issue.maximum) } };
    case 'invalid_format':
      if (issue.format === 'email') return { key: 'form.error.email' };
      if (issue.format === 'url') return { key: 'form.error.url' };
      return { key: 'form.error.format' };
    case 'invalid_value':
      return { key: 'form.error.choice' };
    case 'invalid_type':
      return issue.input === undefined ? { key: 'form.error.required' } : { key: 'form.error.format' };
    default:
      return { key: 'form.error.format' };
  }
}

export function parseForm<S extends z.ZodType>(schema: S, form: FormData | URLSearchParams): FormResult<z.output<S>> {
  const values = formValues(form);
  const result = schema.safeParse(rawObject(form));
  if (result.success) return { ok: true, value: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (!errors[field]) errors[field] = issueMessage(issue);
  }
  return { ok: false, values, errors };
}

/**
 * The dates a form accepts: from 1 January 2000 to 31 December 2100, the years an agenda year and
 * the pact's horizon year may have. A typing slip such as 9999-12-31 or 0202-05-01 is refused with a
 * clear message instead of being stored (and shown, sorted and exported) for ever.
 */
export const formDateRange = { earliest: '2000-01-01', latest: '2100-12-31' } as const;

function inFormDateRange(value: string): boolean {
  return value >= formDateRange.earliest && value <= formDateRange.latest;
}

/**
 * A date typed as yyyy-mm-dd that exists in the calendar and lies in `formDateRange`. Messages:
 * `form.error.date` (not a date) and `form.error.dateRange` (a date outside the range).
 */
export function dateField() {
  return z
    .string()
    .trim()
    .max(10, 'form.error.date')
    .refine((v) => isCalendarDate(v), 'form.error.date')
    .refine((v) => !isCalendarDate(v) || inFormDateRange(v), 'form.error.dateRange');
}

/** As `dateField`, or left empty (''). */
export function optionalDateField() {
  return z
    .string()
    .trim()
    .max(10, 'form.error.date')
    .refine((v) => v === '' || isCalendarDate(v), 'form.error.date')
    .refine((v) => v === '' || !isCalendarDate(v) || inFormDateRange(v), 'form.error.dateRange')
    .default('');
}
