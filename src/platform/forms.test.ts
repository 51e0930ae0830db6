// parseForm: a schema's own message is used as the catalog key when it has the shape of one, of
// any area; zod's own sentences become the generic keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { z } from 'zod';
import { parseForm } from './forms.ts';

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
