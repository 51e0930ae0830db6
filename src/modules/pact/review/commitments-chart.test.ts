import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countBy, palette, pieSlices } from './commitments-chart.ts';

test('slice angles run from 0 and add up to exactly 360', () => {
  const slices = pieSlices([{ label: 'A', value: 3 }, { label: 'B', value: 1 }, { label: 'C', value: 7 }]);
  assert.equal(slices.length, 3);
  assert.equal(slices[0]!.startAngle, 0);
  assert.equal(slices.at(-1)!.endAngle, 360);
  for (let i = 1; i < slices.length; i++) assert.equal(slices[i]!.startAngle, slices[i - 1]!.endAngle);
  const sum = slices.reduce((s, x) => s + (x.endAngle - x.startAngle), 0);
  assert.ok(Math.abs(sum - 360) < 1e-9);
  assert.deepEqual(slices.map((s) => s.number), [1, 2, 3]);
  assert.ok(Math.abs(slices[0]!.share - 3 / 11) < 1e-12);
});

test('a single slice is the full circle, drawn as two arcs with its number in the middle', () => {
  const [only, ...rest] = pieSlices([{ label: 'Alles', value: 5 }]);
  assert.equal(rest.length, 0);
  assert.equal(only!.endAngle - only!.startAngle, 360);
  assert.equal((only!.path.match(/ A /g) ?? []).length, 2);
  assert.deepEqual(only!.labelAt, { x: 100, y: 100 });
});

test('zero, negative and non-finite data give no slices', () => {
  assert.deepEqual(pieSlices([]), []);
  assert.deepEqual(pieSlices([{ label: 'A', value: 0 }]), []);
  assert.deepEqual(pieSlices([{ label: 'A', value: -2 }, { label: 'B', value: Number.NaN }]), []);
  assert.equal(pieSlices([{ label: 'A', value: 0 }, { label: 'B', value: 2 }]).length, 1);
});

test('a half uses the small arc, more than half the large one; narrow slices get no number inside', () => {
  const [big, small] = pieSlices([{ label: 'A', value: 99 }, { label: 'B', value: 1 }]);
  assert.match(big!.path, / 0 1 1 /);
  assert.match(small!.path, / 0 0 1 /);
  assert.equal(small!.labelAt, null);
  assert.ok(big!.labelAt);
});

test('fills and patterns differ between neighbouring slices', () => {
  const slices = pieSlices(Array.from({ length: 10 }, (_, i) => ({ label: `S${i}`, value: 1 })));
  for (let i = 1; i < slices.length; i++) {
    assert.ok(slices[i]!.fill !== slices[i - 1]!.fill || slices[i]!.pattern !== slices[i - 1]!.pattern);
  }
  assert.equal(slices[0]!.fill, palette[0]);
});

test('countBy counts in first-seen order, optionally weighted', () => {
  const items = [{ k: 'b', w: 2 }, { k: 'a', w: 1 }, { k: 'b', w: 3 }];
  assert.deepEqual(countBy(items, (i) => i.k), [{ label: 'b', value: 2 }, { label: 'a', value: 1 }]);
  assert.deepEqual(countBy(items, (i) => i.k, (i) => i.w), [{ label: 'b', value: 5 }, { label: 'a', value: 1 }]);
});
