import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeText, foldLine, formatUtc, renderCalendar, unfold } from './icalendar.ts';

const octets = (s: string) => new TextEncoder().encode(s).length;

test('TEXT values escape backslash, semicolon, comma and every kind of line break', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
  assert.equal(escapeText('gewoon'), 'gewoon');
});

test('times are written in UTC form', () => {
  assert.equal(formatUtc(new Date('2027-02-04T18:30:00.123Z')), '20270204T183000Z');
});

test('a short line is not folded; a long one is folded at 75 octets with a leading space', () => {
  assert.equal(foldLine('SUMMARY:kort'), 'SUMMARY:kort');
  const long = `DESCRIPTION:${'x'.repeat(200)}`;
  const folded = foldLine(long);
  const lines = folded.split('\r\n');
  assert.ok(lines.length > 2);
  for (const line of lines) assert.ok(octets(line) <= 75, `${octets(line)} octets`);
  assert.ok(lines.slice(1).every((l) => l.startsWith(' ')));
  assert.equal(folded.replace(/\r\n /g, ''), long);
});

test('folding never splits a multi-byte UTF-8 character', () => {
  for (const ch of ['é', '€', '😀', 'ĳ']) {
    for (let prefix = 0; prefix < 5; prefix += 1) {
      const line = `SUMMARY:${'a'.repeat(prefix)}${ch.repeat(80)}`;
      const folded = foldLine(line);
      for (const part of folded.split('\r\n')) {
        assert.ok(octets(part) <= 75);
        // Each part decodes on its own: no character was cut.
        const bytes = new TextEncoder().encode(part);
        assert.equal(new TextDecoder('utf-8', { fatal: true }).decode(bytes), part);
      }
      assert.equal(folded.replace(/\r\n /g, ''), line);
    }
  }
});

test('a calendar has CRLF line ends, the required properties and a cancelled status', () => {
  const text = renderCalendar({
    productId: '-//Schakelpunt//Meetings//NL',
    name: 'Pact Samen Lindewaard',
    events: [
      {
        uid: 'meeting-1@schakelpunt', stamp: new Date('2026-11-23T10:00:00Z'), start: new Date('2027-02-04T18:30:00Z'), end: new Date('2027-02-04T21:00:00Z'),
        summary: 'Conferentie; armoede, samen', location: 'Buurthuis De Linde', description: 'Regel 1\nRegel 2', cancelled: false,
      },
      { uid: 'meeting-2@schakelpunt', stamp: new Date('2026-11-23T10:00:00Z'), start: new Date('2027-03-01T18:30:00Z'), end: new Date('2027-03-01T20:00:00Z'), summary: 'Afgelast', cancelled: true },
    ],
  });
  assert.ok(text.endsWith('END:VCALENDAR\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every line ends in CRLF');
  const lines = unfold(text);
  assert.equal(lines[0], 'BEGIN:VCALENDAR');
  assert.ok(lines.includes('VERSION:2.0'));
  assert.ok(lines.includes('UID:meeting-1@schakelpunt'));
  assert.ok(lines.includes('DTSTAMP:20261123T100000Z'));
  assert.ok(lines.includes('DTSTART:20270204T183000Z'));
  assert.ok(lines.includes('DTEND:20270204T210000Z'));
  assert.ok(lines.includes('SUMMARY:Conferentie\\; armoede\\, samen'));
  assert.ok(lines.includes('DESCRIPTION:Regel 1\\nRegel 2'));
  assert.ok(lines.includes('STATUS:CANCELLED'));
  assert.equal(lines.filter((l) => l === 'BEGIN:VEVENT').length, 2);
  assert.equal(lines.filter((l) => l === 'END:VEVENT').length, 2);
});

test('control characters do not reach the calendar', () => {
  const text = renderCalendar({ productId: 'p', name: 'n', events: [{ uid: 'u', stamp: new Date(0), start: new Date(0), end: new Date(1000), summary: 'a\u0000b\u0007c' }] });
  assert.ok(unfold(text).includes('SUMMARY:abc'));
});
