// Form input: parse FormData with a zod schema into either a typed value or, for the page that
// re-renders, the user's own input (passwords left out) and one message key per field.
import type { z } from 'zod';

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
