// Easter drives the movable feasts in both jurisdictions (Easter Monday, Ascension, Whit Monday).
import type { YearMonthDay } from './date.ts';

// The Gregorian computus only holds from the calendar reform of 1582; 9999 is the last year
// a YYYY-MM-DD string can carry.
const FIRST_GREGORIAN_EASTER = 1583;
const LAST_YEAR = 9999;

/**
 * Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher), exact for every
 * Gregorian year; no lookup table to go stale.
 */
export function easterSunday(year: number): YearMonthDay {
  if (!Number.isInteger(year) || year < FIRST_GREGORIAN_EASTER || year > LAST_YEAR) {
    throw new RangeError(`Easter is computed for whole years ${FIRST_GREGORIAN_EASTER}-${LAST_YEAR}, got ${String(year)}`);
  }
  const a = year % 19; // position in the 19-year Metonic cycle
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30; // epact: days from 21 March to the Paschal full moon
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7; // days from the full moon to the next Sunday
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { year, month, day };
}
