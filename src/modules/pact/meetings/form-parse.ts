// parseForm with this area's own message keys: a schema may name a `meetings.*` or `stories.*`
// key as its message, which platform/forms.ts would otherwise turn into a generic one.
import type { z } from 'zod';
import { formValues, issueMessage, type FieldErrors, type FormResult } from '../../../platform/forms.ts';

export function parseAreaForm<S extends z.ZodType>(schema: S, form: FormData): FormResult<z.output<S>> {
  const values = formValues(form);
  const raw: Record<string, unknown> = {};
  for (const [name, value] of form.entries()) {
    if (name === '_csrf') continue;
    const existing = raw[name];
    if (existing === undefined) raw[name] = value;
    else raw[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data, values };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    if (errors[field]) continue;
    errors[field] = /^(meetings|stories)\./.test(issue.message) ? { key: issue.message } : issueMessage(issue);
  }
  return { ok: false, values, errors };
}
