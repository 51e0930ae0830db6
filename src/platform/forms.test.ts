// parseForm: a schema's own message is used as the catalog key when it has the shape of one, of
// any area; zod's own sentences become the generic keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { dateField, optionalDateField, parseForm } from './forms.ts';

const schema = z.object({
  code: z.string().regex(/^[A-Z]+$/, 'neighbourhoods.codeFormat'),
  date: z.string().refine((v) => v !== 'x', 'form.error.date'),
  amount: z.string().refine((v) => v !== 'x', 'Amount is wrong'),
  name: z.string().min(1),
});

test('a schema message shaped like a catalog key is the key, whatever its area', () => {
  const r = parseForm(schema, new URLSearchParams({ code: 'a1', date: 'x', amount: 'x', name: '' }));
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.errors.code, { key: 'neighbourhoods.codeFormat' });
  assert.deepEqual(r.errors.date, { key: 'form.error.date' });
  // A sentence is not a key: the generic message for the kind.
  assert.deepEqual(r.errors.amount, { key: 'form.error.format' });
  assert.deepEqual(r.errors.name, { key: 'form.error.required' });
  assert.deepEqual(r.values, { code: 'a1', date: 'x', amount: 'x', name: '' });
});

test('a date field takes real dates from 2000 to 2100 and names what is wrong with any other', () => {
  const schema = z.object({ on: dateField(), maybe: optionalDateField() });
  const check = (on: string, maybe = '') => parseForm(schema, new URLSearchParams({ on, maybe }));
  for (const good of ['2000-01-01', '2026-11-23', ' 2100-12-31 ']) assert.equal(check(good).ok, true, good);
  const cases: Array<[string, string]> = [
    ['9999-12-31', 'form.error.dateRange'], ['1999-12-31', 'form.error.dateRange'], ['2101-01-01', 'form.error.dateRange'],
    ['0202-05-01', 'form.error.dateRange'], ['2026-02-30', 'form.error.date'], ['23-11-2026', 'form.error.date'], ['', 'form.error.date'],
    ['2026-11-23T10:00', 'form.error.date'],
  ];
  for (const [value, key] of cases) {
    const r = check(value);
    assert.equal(r.ok, false, value);
    if (!r.ok) assert.deepEqual(r.errors.on, { key }, value);
  }
  const optional = check('2026-11-23', '9999-12-31');
  assert.equal(optional.ok, false);
  if (!optional.ok) {
    assert.deepEqual(optional.errors.maybe, { key: 'form.error.dateRange' });
    assert.equal(optional.values.maybe, '9999-12-31', 'the input is kept');
  }
  assert.equal(check('2026-11-23', '').ok, true, 'an optional date may stay empty');
});
