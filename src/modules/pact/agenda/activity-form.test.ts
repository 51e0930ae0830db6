import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseForm } from '../../../platform/forms.ts';
import { openYearForm, parseActivityForm, parseAmount } from './activity-form.ts';

const pillar = '00000000-0000-4000-8000-000000000001';
const partner = '00000000-0000-4000-8000-000000000002';

function form(fields: Record<string, string | string[]>): URLSearchParams {
  const f = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
  return f;
}

const good = {
  title: 'Inloopspreekuur', goal: 'Vroeg zicht op geldzorgen', pillar, description: '', responsible: 'Joost',
  startsOn: '2030-01-01', endsOn: '2030-12-31', partners: [partner, partner],
  indicatorName1: 'Bezoekers', indicatorUnit1: 'personen', indicatorTarget1: '120,5', indicatorName2: '', indicatorUnit2: '', indicatorTarget2: '',
};

test('a good form gives the activity, with empty indicator rows ignored and partners once', () => {
  const r = parseActivityForm(form(good), 2030);
  assert.ok(r.ok);
  assert.deepEqual(r.value.indicators, [{ name: 'Bezoekers', unit: 'personen', target: 120.5 }]);
  assert.deepEqual(r.value.partnerIds, [partner]);
  assert.equal(r.values.partners, `${partner},${partner}`);
});

test('end before start, a period outside the year and a bad target are field errors', () => {
  let r = parseActivityForm(form({ ...good, startsOn: '2030-05-01', endsOn: '2030-04-01' }), 2030);
  assert.ok(!r.ok);
  assert.equal(r.errors.endsOn?.key, 'agenda.error.endBeforeStart');
  r = parseActivityForm(form({ ...good, startsOn: '2031-01-01', endsOn: '2031-02-01' }), 2030);
  assert.ok(!r.ok);
  assert.equal(r.errors.startsOn?.key, 'agenda.error.outsideYear');
  r = parseActivityForm(form({ ...good, startsOn: '2029-10-01', endsOn: '2030-02-01' }), 2030);
  assert.ok(r.ok, 'a period that overlaps the year is fine');
  r = parseActivityForm(form({ ...good, indicatorTarget1: 'veel' }), 2030);
  assert.ok(!r.ok);
  assert.equal(r.errors.indicatorTarget1?.key, 'agenda.error.target');
  assert.equal(r.values.indicatorTarget1, 'veel', 'input is kept');
  r = parseActivityForm(form({ ...good, indicatorName3: '', indicatorUnit3: 'x', indicatorTarget3: '' }), 2030);
  assert.ok(!r.ok);
  assert.equal(r.errors.indicatorName3?.key, 'form.error.required');
  r = parseActivityForm(form({ ...good, title: 'x'.repeat(201) }), 2030);
  assert.ok(!r.ok);
  assert.equal(r.errors.title?.key, 'form.error.tooLong');
});

test('an empty form is refused field by field', () => {
  const r = parseActivityForm(form({}), 2030);
  assert.ok(!r.ok);
  for (const f of ['title', 'goal', 'pillar', 'responsible', 'startsOn', 'endsOn']) assert.ok(r.errors[f], f);
});

test('amounts: positive, at most two decimals, comma or point', () => {
  assert.equal(parseAmount('12'), 12);
  assert.equal(parseAmount('12,25'), 12.25);
  assert.equal(parseAmount('0'), null);
  assert.equal(parseAmount('-1'), null);
  assert.equal(parseAmount('1e3'), null);
  assert.equal(parseAmount('1.250,00'), null);
});

test('a year to open is four digits between 2000 and 2100', () => {
  assert.equal(parseForm(openYearForm, form({ year: '2030' })).ok, true);
  const r = parseForm(openYearForm, form({ year: '1999' }));
  assert.ok(!r.ok);
  assert.equal(r.errors.year?.key, 'agenda.error.year');
  assert.equal(parseForm(openYearForm, form({ year: 'abcd' })).ok, false);
});

test('any input either parses to a valid activity or gives field errors, never throws', async () => {
  const fc = (await import('fast-check')).default;
  const keys = ['title', 'goal', 'pillar', 'description', 'responsible', 'partners', 'startsOn', 'endsOn', 'revision', 'indicatorName1', 'indicatorUnit1', 'indicatorTarget1'];
  fc.assert(
    fc.property(fc.dictionary(fc.constantFrom(...keys), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom(pillar, '2030-01-01', '2030-13-01', '12,5', '-3'))), (fields) => {
      const r = parseActivityForm(form({ ...good, ...fields }), 2030);
      if (r.ok) {
        assert.ok(r.value.endsOn >= r.value.startsOn);
        assert.ok(r.value.indicators.every((i) => i.target > 0 && i.name.length > 0));
      } else {
        assert.ok(Object.keys(r.errors).length > 0);
      }
    }),
    { numRuns: 300 },
  );
});

test('an end or start far outside the years forms accept is a field error, with the input kept', () => {
  let r = parseActivityForm(form({ ...good, endsOn: '9999-12-31' }), 2030);
  assert.ok(!r.ok);
  assert.equal(r.errors.endsOn?.key, 'form.error.dateRange');
  assert.equal(r.values.endsOn, '9999-12-31');
  r = parseActivityForm(form({ ...good, startsOn: '1900-01-01' }), 2030);
  assert.ok(!r.ok);
  assert.equal(r.errors.startsOn?.key, 'form.error.dateRange');
});
