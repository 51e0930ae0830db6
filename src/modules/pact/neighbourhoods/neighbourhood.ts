// Neighbourhoods of a pact: the rules for one neighbourhood, shared by the add-one form and the
// CSV import so both accept exactly the same. Pure: no I/O. The database says the same again
// (neighbourhood_code_format, neighbourhood_name_length in 0001_platform.sql).
import { z } from 'zod';
import { formValues, issueMessage, type FieldErrors, type FormResult } from '../../../platform/forms.ts';
import type { RowError, RowResult } from '../../../platform/import/index.ts';

export const codePattern = /^[A-Za-z0-9._-]+$/;

export const neighbourhoodInput = z.object({
  code: z.string().trim().min(1).max(20).regex(codePattern, 'neighbourhoods.codeFormat'),
  name: z.string().trim().min(1).max(120),
});
// A type alias, not an interface: staged values must fit a plain record.
export type NeighbourhoodValue = { code: string; name: string };

function check(input: { code: unknown; name: unknown }): { ok: true; value: NeighbourhoodValue } | { ok: false; errors: RowError[] } {
  const result = neighbourhoodInput.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const errors: RowError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'code');
    if (!errors.some((e) => e.field === field)) errors.push({ field, ...issueMessage(issue) });
  }
  return { ok: false, errors };
}

/** One row of an import file, by column name. */
export function validateNeighbourhoodRow(row: Record<string, string>): RowResult<NeighbourhoodValue> {
  const result = check({ code: row.code ?? '', name: row.name ?? '' });
  return result.ok ? { value: result.value } : { errors: result.errors };
}

const firstValue = (value: unknown) => (Array.isArray(value) ? value[0] : value) ?? '';

/** The add-one form as a schema (for its page's formPage): the first value of each field, as `parseNeighbourhoodForm` reads it. */
export const neighbourhoodForm = z.preprocess((raw) => {
  const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  return { code: firstValue(fields.code), name: firstValue(fields.name) };
}, neighbourhoodInput);

/** The add-one form. */
export function parseNeighbourhoodForm(form: FormData): FormResult<NeighbourhoodValue> {
  const values = formValues(form);
  const result = check({ code: form.get('code') ?? '', name: form.get('name') ?? '' });
  if (result.ok) return { ok: true, value: result.value, values };
  const errors: FieldErrors = {};
  for (const e of result.errors) errors[e.field] = { key: e.key, ...(e.params ? { params: e.params } : {}) };
  return { ok: false, values, errors };
}
