// A small iCalendar (RFC 5545) writer for the pact's public meeting feed. Pure: no I/O. Only what
// the feed needs: VCALENDAR with VEVENTs, UTC times, TEXT escaping, CRLF line ends and folding of
// content lines at 75 octets without splitting a UTF-8 character.

export interface CalendarEvent {
  /** Globally unique and stable per event (e.g. `<id>@<host>`). */
  uid: string;
  /** When the feed was made (DTSTAMP). */
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  url?: string;
  cancelled?: boolean;
}

/** Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A DATE-TIME in UTC form: 20261201T183000Z. */
export function formatUtc(value: Date): string {
  return value.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const encoder = new TextEncoder();

/**
 * Folds one content line (RFC 5545 3.1): no line longer than 75 octets, continuation lines start
 * with one space. Breaks only between characters (code points), never inside a UTF-8 sequence.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      // A continuation line's leading space counts towards its 75 octets.
      limit = 74;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Control characters other than tab are not allowed in a TEXT value. */
function clean(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

function property(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

/** The whole calendar as text, every line ended by CRLF. */
export function renderCalendar(input: { productId: string; name: string; events: CalendarEvent[] }): string {
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    property('PRODID', escapeText(clean(input.productId))),
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(clean(input.name))),
  ];
  for (const e of input.events) {
    lines.push('BEGIN:VEVENT');
    lines.push(property('UID', escapeText(clean(e.uid))));
    lines.push(`DTSTAMP:${formatUtc(e.stamp)}`);
    lines.push(`DTSTART:${formatUtc(e.start)}`);
    lines.push(`DTEND:${formatUtc(e.end)}`);
    lines.push(property('SUMMARY', escapeText(clean(e.summary))));
    if (e.location) lines.push(property('LOCATION', escapeText(clean(e.location))));
    if (e.description) lines.push(property('DESCRIPTION', escapeText(clean(e.description))));
    if (e.url) lines.push(property('URL', clean(e.url)));
    lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map((l) => `${l}\r\n`).join('');
}

/** Unfolds and splits calendar text into content lines (for tests and checks). */
export function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n').filter((l) => l !== '');
}
