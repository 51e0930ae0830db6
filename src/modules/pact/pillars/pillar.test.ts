import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseForm } from '../../../platform/forms.ts';
import {
  mayApplyTemplate, newPillarForm, nextPillarPosition, orderPillars, pillarForm, pillarTakesActivities, pillarTitleTaken, templateRows,
} from './pillar.ts';
import { pillarTemplate, pillarTemplates } from './templates.ts';

const p = (id: string, position: number, title: string, archived = false) => ({ id, position, title, archived_at: archived ? new Date(0) : null });

test('pillars are ordered by position and title, archived ones last', () => {
  const ordered = orderPillars([p('a', 2, 'B'), p('b', 1, 'Z', true), p('c', 2, 'A'), p('d', 1, 'C')]);
  assert.deepEqual(ordered.map((x) => x.id), ['d', 'c', 'a', 'b']);
});

test('a new pillar goes after the last one, at most 1000', () => {
  assert.equal(nextPillarPosition([]), 1);
  assert.equal(nextPillarPosition([{ position: 3 }, { position: 7 }]), 8);
  assert.equal(nextPillarPosition([{ position: 1000 }]), 1000);
});

test('titles are unique per pact, ignoring case', () => {
  const pillars = [p('a', 1, 'Schulden voorkómen')];
  assert.equal(pillarTitleTaken(pillars, ' schulden VOORKÓMEN ', null), true);
  assert.equal(pillarTitleTaken(pillars, 'Schulden voorkómen', 'a'), false);
  assert.equal(pillarTitleTaken(pillars, 'Iets anders', null), false);
});

test('a template only fills a pact without pillars, in its own order', () => {
  assert.equal(mayApplyTemplate(0), true);
  assert.equal(mayApplyTemplate(1), false);
  const rows = templateRows(pillarTemplate('nine-paths')!);
  assert.equal(rows.length, 9);
  assert.deepEqual(rows.map((r) => r.position), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(templateRows(pillarTemplate('five-pillars')!).length, 5);
  for (const tpl of pillarTemplates) assert.equal(new Set(tpl.pillars.map((x) => x.title)).size, tpl.pillars.length);
});

test('the pillar form accepts a weight with a comma and refuses nonsense', () => {
  const ok = parseForm(pillarForm, new URLSearchParams({ title: ' Kennen ', description: '', weight: '1,5', position: '2' }));
  assert.ok(ok.ok);
  assert.deepEqual(ok.ok && ok.value, { title: 'Kennen', description: '', weight: 1.5, position: 2 });
  const bad = parseForm(pillarForm, new URLSearchParams({ title: '', weight: '0', position: '1001' }));
  assert.ok(!bad.ok);
  assert.deepEqual(Object.keys(!bad.ok ? bad.errors : {}).sort(), ['position', 'title', 'weight']);
  assert.equal(!bad.ok && bad.errors.weight!.key, 'form.error.pillarWeight');
});

test('a new pillar gets weight 1 and no position unless given', () => {
  const r = parseForm(newPillarForm, new URLSearchParams({ title: 'Nieuw' }));
  assert.deepEqual(r.ok && r.value, { title: 'Nieuw', description: '', weight: 1, position: null });
});

test('an archived pillar takes no new activities', () => {
  assert.equal(pillarTakesActivities({ archived_at: null }), true);
  assert.equal(pillarTakesActivities({ archived_at: new Date() }), false);
});

test('property: the pillar forms never throw, and what they accept fits the table', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('', ' ', '0', '1', '1,5', '100', '100.01', '1000', '1001', '-1', '1e2', 'x'.repeat(201), '<script>x</script>'),
  );
  fc.assert(
    fc.property(fc.record({ title: text, description: text, weight: text, position: text }, { requiredKeys: [] }), (fields) => {
      const form = new URLSearchParams(fields as Record<string, string>);
      for (const schema of [pillarForm, newPillarForm]) {
        const r = parseForm(schema, form);
        if (!r.ok) continue;
        assert.ok(r.value.title.length >= 1 && r.value.title.length <= 200);
        assert.ok(r.value.weight > 0 && r.value.weight <= 100);
        if (r.value.position !== null) assert.ok(Number.isInteger(r.value.position) && r.value.position >= 1 && r.value.position <= 1000);
      }
    }),
  );
});
