import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvResponse, neutraliseFormula, toCsv } from './export.ts';

test('cells that start like a formula are made inert', () => {
  for (const bad of ['=1+1', '+31', '-2', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutraliseFormula(bad), `'${bad}`);
  assert.equal(neutraliseFormula('Voedselbank'), 'Voedselbank');
});

test('a CSV export starts with a byte-order mark, quotes what needs quoting and keeps Unicode', () => {
  const csv = toCsv(['naam', 'plaats'], [['Stichting "Samen"', 'Ommen'], ['=HYPERLINK("x")', 'Şişli €']]);
  assert.ok(csv.startsWith('\uFEFF'));
  const lines = csv.slice(1).split('\r\n');
  assert.equal(lines[0], 'naam,plaats');
  assert.equal(lines[1], '"Stichting ""Samen""",Ommen');
  assert.equal(lines[2], `"'=HYPERLINK(""x"")","Şişli €"`);
});

test('dates, numbers and empty cells are written plainly', () => {
  const csv = toCsv(['a', 'b', 'c'], [[new Date('2026-01-02T03:04:05Z'), 42, null]]);
  assert.equal(csv.slice(1).split('\r\n')[1], '2026-01-02T03:04:05.000Z,42,');
});

test('the download file name cannot break out of its header', () => {
  const r = csvResponse('org"\r\nx.csv', 'a');
  assert.equal(r.headers.get('content-disposition'), 'attachment; filename="org---x.csv"');
});
