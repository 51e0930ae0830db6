import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseResult, parseReviewForm, resultField } from './review.ts';

const ids = ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222'];
const form = (entries: Array<[string, string]>) => new URLSearchParams(entries);

test('a review with a result but no status: a clear status error, input kept', () => {
  const r = parseReviewForm(form([[resultField(ids[0]!), '12'], ['story', 'Goed gegaan']]), ids);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.status?.key, 'review.error.statusWithResult');
  assert.equal(Object.keys(r.errors)[0], 'status');
  assert.equal(r.values[resultField(ids[0]!)], '12');
  assert.equal(r.values.story, 'Goed gegaan');
});

test('an empty review asks for the status', () => {
  const r = parseReviewForm(form([]), ids);
  assert.equal(r.ok, false);
  if (!r.ok) assert.deepEqual(r.errors, { status: { key: 'review.error.statusRequired' } });
});

test('a valid review: status, story, results per indicator (comma decimals), empty results left out', () => {
  const r = parseReviewForm(form([['status', 'in_progress'], ['story', '  Loopt  '], [resultField(ids[0]!), '12,5'], [resultField(ids[1]!), ''], ['result-unknown', '3']]), ids);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.equal(r.value.status, 'in_progress');
  assert.equal(r.value.story, 'Loopt');
  assert.deepEqual([...r.value.results], [[ids[0], 12.5]]);
});

test('results must be numbers ≥ 0, one per indicator; the status must be a known one', () => {
  const r = parseReviewForm(form([['status', 'planned'], [resultField(ids[0]!), '-1'], [resultField(ids[1]!), 'veel']]), ids);
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.equal(r.errors.status?.key, 'form.error.choice');
  assert.equal(r.errors[resultField(ids[0]!)]?.key, 'review.error.resultNegative');
  assert.equal(r.errors[resultField(ids[1]!)]?.key, 'review.error.resultNumber');
  const twice = parseReviewForm(form([['status', 'done'], [resultField(ids[0]!), '1'], [resultField(ids[0]!), '2']]), ids);
  assert.equal(twice.ok, false);
  if (!twice.ok) assert.equal(twice.errors[resultField(ids[0]!)]?.key, 'review.error.resultTwice');
});

test('a story longer than 4000 characters is refused', () => {
  const r = parseReviewForm(form([['status', 'done'], ['story', 'x'.repeat(4001)]]), ids);
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.errors.story?.key, 'form.error.tooLong');
});

test('parseResult accepts plain decimals only', () => {
  assert.equal(parseResult('0'), 0);
  assert.equal(parseResult(' 7.25 '), 7.25);
  assert.equal(parseResult('1,5'), 1.5);
  assert.equal(parseResult('1.234'), null);
  assert.equal(parseResult('1e3'), null);
  assert.equal(parseResult('1.000,5'), null);
  assert.equal(parseResult('9999999999999'), null);
  assert.equal(parseResult('Infinity'), null);
});

test('property: any input either parses to a valid review or gives field errors, never throws', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('status', 'story', resultField(ids[0]!), resultField(ids[1]!), 'x'), fc.string()), { maxLength: 8 }), (entries) => {
      const r = parseReviewForm(form(entries), ids);
      if (r.ok) {
        assert.ok(['done', 'in_progress', 'delayed', 'stopped'].includes(r.value.status));
        for (const v of r.value.results.values()) assert.ok(v >= 0 && Number.isFinite(v));
      } else {
        assert.ok(Object.keys(r.errors).length > 0);
      }
    }),
  );
});
