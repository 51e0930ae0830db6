// The bridge from an instant (Clock.now()) to a calendar date. "Today" depends on where you are:
// at 00:30 in Amsterdam it is still yesterday in UTC, and a deadline computed from the UTC date
// would be a day short.
import type { Jurisdiction } from './holidays.ts';

export const TIME_ZONES: Readonly<Record<Jurisdiction, string>> = Object.freeze({
  NL: 'Europe/Amsterdam',
  'BE-VLG': 'Europe/Brussels',
});

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) of an instant in the jurisdiction's time zone. */
export function localDate(jurisdiction: Jurisdiction, instant: Date): string {
  const timeZone = TIME_ZONES[jurisdiction];
  if (timeZone === undefined) throw new RangeError(`Unknown jurisdiction ${JSON.stringify(jurisdiction)}`);
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('localDate needs a valid Date');
  }
  // formatToParts rather than format(): the field order of a formatted string is locale data.
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}
