import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupActivities, groupingFrom, partnerHasLeftOn } from './agenda-grouping.ts';

const a = (id: string, pillar: [string, string, number], org: [string, string], title = id) => ({
  id, title, pillar_id: pillar[0], pillar_title: pillar[1], pillar_position: pillar[2], organisation_id: org[0], organisation_name: org[1],
});
const werk: [string, string, number] = ['p2', 'Werk', 2];
const geld: [string, string, number] = ['p1', 'Geld', 1];
const welzijn: [string, string] = ['o1', 'Welzijn'];
const gemeente: [string, string] = ['o2', 'Gemeente'];
const list = [a('x', werk, welzijn), a('y', geld, welzijn), a('z', geld, gemeente)];

test('by pillar: pillars in their order, activities by partner then title', () => {
  const groups = groupActivities(list, 'pillar');
  assert.deepEqual(groups.map((g) => g.title), ['Geld', 'Werk']);
  assert.deepEqual(groups[0]!.activities.map((x) => x.id), ['z', 'y']);
});

test('by partner: partners by name, activities by pillar', () => {
  const groups = groupActivities([...list, a('w', werk, gemeente)], 'partner');
  assert.deepEqual(groups.map((g) => g.title), ['Gemeente', 'Welzijn']);
  assert.deepEqual(groups[0]!.activities.map((x) => x.id), ['z', 'w']);
  assert.deepEqual(groups[1]!.activities.map((x) => x.id), ['y', 'x']);
});

test('no activities, no groups; the grouping comes from the query', () => {
  assert.deepEqual(groupActivities([], 'pillar'), []);
  assert.equal(groupingFrom('partner'), 'partner');
  assert.equal(groupingFrom('anything'), 'pillar');
  assert.equal(groupingFrom(undefined), 'pillar');
});

test('a partner has left on and after its leaving date', () => {
  assert.equal(partnerHasLeftOn(null, '2026-11-23'), false);
  assert.equal(partnerHasLeftOn('2026-11-23', '2026-11-23'), true);
  assert.equal(partnerHasLeftOn('2026-11-24', '2026-11-23'), false);
});
