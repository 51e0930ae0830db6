// Working-day arithmetic. A working day is a day that is neither a Saturday, a Sunday nor a public
// holiday of the jurisdiction. Loops step one day at a time: simple to verify, and fast enough
// for the spans the app deals with (weeks to a few years).
import { formatCalendarDate, isWeekend, parseCalendarDate, yearOf, type DayNumber } from './date.ts';
import { holidayTable, type CalendarOptions, type Jurisdiction } from './holidays.ts';

function isWorkingDayNumber(jurisdiction: Jurisdiction, day: DayNumber, options: CalendarOptions): boolean {
  return !isWeekend(day) && !holidayTable(jurisdiction, yearOf(day), options).days.has(day);
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`Number of working days must be a whole number >= 0, got ${String(n)}`);
  }
}

export function isWorkingDay(jurisdiction: Jurisdiction, date: string, options: CalendarOptions = {}): boolean {
  return isWorkingDayNumber(jurisdiction, parseCalendarDate(date), options);
}

/**
 * The date `n` working days after `date`.
 *
 * Rule: for n >= 1 the result is the n-th working day strictly after `date`; the start date is
 * never counted, whether or not it is a working day (so Friday + 1 = Monday, and Saturday + 1 =
 * Monday as well). For n = 0 the result is `date` itself when it is a working day, otherwise the
 * next working day, i.e. the earliest working day on or after `date`.
 *
 * Invariant: for n >= 1, workingDaysBetween(j, date, addWorkingDays(j, date, n)) === n.
 */
export function addWorkingDays(
  jurisdiction: Jurisdiction,
  date: string,
  n: number,
  options: CalendarOptions = {},
): string {
  assertCount(n);
  let day = parseCalendarDate(date);
  if (n === 0) {
    while (!isWorkingDayNumber(jurisdiction, day, options)) day += 1;
    return formatCalendarDate(day);
  }
  let remaining = n;
  while (remaining > 0) {
    day += 1;
    if (isWorkingDayNumber(jurisdiction, day, options)) remaining -= 1;
  }
  return formatCalendarDate(day);
}

/**
 * The number of working days in the half-open interval (from, to]: `from` is not counted, `to`
 * is. This matches addWorkingDays (see its invariant). When `to` is before `from` the result is
 * the negated count of (to, from]; equal dates give 0.
 */
export function workingDaysBetween(
  jurisdiction: Jurisdiction,
  from: string,
  to: string,
  options: CalendarOptions = {},
): number {
  const start = parseCalendarDate(from);
  const end = parseCalendarDate(to);
  if (end < start) return -countWorkingDays(jurisdiction, end, start, options);
  return countWorkingDays(jurisdiction, start, end, options);
}

function countWorkingDays(jurisdiction: Jurisdiction, start: DayNumber, end: DayNumber, options: CalendarOptions): number {
  let count = 0;
  for (let day = start + 1; day <= end; day += 1) {
    if (isWorkingDayNumber(jurisdiction, day, options)) count += 1;
  }
  return count;
}

/**
 * The last day of a Dutch statutory deadline after Algemene termijnenwet art. 1 lid 1: a term
 * that ends on a Saturday, Sunday or general holiday (art. 3, including Good Friday and days
 * equated by decree) is extended to the next day that is none of these.
 *
 * Not covered, on purpose: art. 1 lid 2 (terms counted backwards from an event are never
 * extended: do not call this for them) and art. 2 (a term of at least three days must contain
 * two working days), which needs the start of the term and not just its end.
 */
export function termijnenwetDeadline(date: string): string {
  return addWorkingDays('NL', date, 0);
}
