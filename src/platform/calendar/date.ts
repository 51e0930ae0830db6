// Calendar dates are plain 'YYYY-MM-DD' strings, never Date objects: a Date is an instant, and
// turning an instant into a day depends on a time zone. Internally a date is a day number (days
// since 1970-01-01) computed with UTC arithmetic, so no DST change or server zone can shift a day.

/** Days since 1970-01-01. Internal representation; never leaves this folder. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YearMonthDay {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseParts(value: unknown): YearMonthDay | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** True for a real calendar date written as YYYY-MM-DD ('2024-02-29' yes, '2025-02-29' no). */
export function isCalendarDate(value: unknown): value is string {
  return parseParts(value) !== undefined;
}

export function toDayNumber({ year, month, day }: YearMonthDay): DayNumber {
  // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0-99 to 1900-1999.
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  return Math.round(d.getTime() / MS_PER_DAY);
}

/**
 * Parses a YYYY-MM-DD string. A malformed date is a programming error (user input is validated
 * at the edge, e.g. with isCalendarDate or a schema), hence a RangeError rather than a result type.
 */
export function parseCalendarDate(value: string): DayNumber {
  const parts = parseParts(value);
  if (!parts) {
    throw new RangeError(`Invalid calendar date ${JSON.stringify(value)}: expected an existing date as YYYY-MM-DD`);
  }
  return toDayNumber(parts);
}

function toParts(dayNumber: DayNumber): YearMonthDay {
  const d = new Date(dayNumber * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function formatCalendarDate(dayNumber: DayNumber): string {
  const { year, month, day } = toParts(dayNumber);
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} cannot be written as YYYY-MM-DD`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(dayNumber: DayNumber): number {
  return toParts(dayNumber).year;
}

/** 1970-01-01 was a Thursday; 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const weekday = weekdayOf(dayNumber);
  return weekday === 0 || weekday === 6;
}
