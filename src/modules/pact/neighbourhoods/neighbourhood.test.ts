import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseNeighbourhoodForm, validateNeighbourhoodRow } from './neighbourhood.ts';

test('a row with a valid code and name gives the trimmed value', () => {
  assert.deepEqual(validateNeighbourhoodRow({ code: ' WK01 ', name: ' Centrum ' }), { value: { code: 'WK01', name: 'Centrum' } });
  assert.deepEqual(validateNeighbourhoodRow({ code: 'a.b_c-9', name: 'x' }), { value: { code: 'a.b_c-9', name: 'x' } });
});

test('codes with spaces or other characters are refused with the code-format message', () => {
  for (const code of ['WK 01', 'WK/01', 'wijk#1', 'Één']) {
    assert.deepEqual(validateNeighbourhoodRow({ code, name: 'Centrum' }), {
      errors: [{ field: 'code', key: 'neighbourhoods.codeFormat' }],
    }, code);
  }
});

test('lengths: code 1 to 20, name 1 to 120 characters', () => {
  assert.ok('value' in validateNeighbourhoodRow({ code: 'X'.repeat(20), name: 'n'.repeat(120) }));
  assert.deepEqual(validateNeighbourhoodRow({ code: 'X'.repeat(21), name: 'n'.repeat(121) }), {
    errors: [
      { field: 'code', key: 'form.error.tooLong', params: { max: 20 } },
      { field: 'name', key: 'form.error.tooLong', params: { max: 120 } },
    ],
  });
});

test('empty or missing values are reported as required, once per column', () => {
  assert.deepEqual(validateNeighbourhoodRow({ code: '  ', name: '' }), {
    errors: [
      { field: 'code', key: 'form.error.required' },
      { field: 'name', key: 'form.error.required' },
    ],
  });
  assert.deepEqual(validateNeighbourhoodRow({}), {
    errors: [
      { field: 'code', key: 'form.error.required' },
      { field: 'name', key: 'form.error.required' },
    ],
  });
});

test('the add-one form applies the same rules and keeps the input for re-display', () => {
  const form = new FormData();
  form.set('_csrf', 'secret');
  form.set('code', 'WK 01');
  form.set('name', 'Centrum');
  const parsed = parseNeighbourhoodForm(form);
  assert.equal(parsed.ok, false);
  assert.deepEqual(parsed.values, { code: 'WK 01', name: 'Centrum' });
  if (!parsed.ok) assert.deepEqual(parsed.errors, { code: { key: 'neighbourhoods.codeFormat' } });
});
