// Public holidays per jurisdiction, as rules rather than tables, so every supported year works
// without yearly maintenance. The one exception is the Dutch list of days equated with holidays
// by decree (NL_EQUATED_DAYS), which no rule can predict. Only days that the law makes
// non-working for deadlines are listed; Sundays such as Easter Sunday are weekend days anyway.
import { formatCalendarDate, parseCalendarDate, toDayNumber, weekdayOf, type DayNumber } from './date.ts';
import { easterSunday } from './easter.ts';

export type Jurisdiction = 'NL' | 'BE-VLG';

export const JURISDICTIONS: readonly Jurisdiction[] = Object.freeze(['NL', 'BE-VLG'] as const);

export type HolidayKey =
  | 'new-years-day'
  | 'good-friday'
  | 'easter-monday'
  | 'kings-day'
  | 'liberation-day'
  | 'labour-day'
  | 'ascension-day'
  | 'whit-monday'
  | 'flemish-community-day'
  | 'belgian-national-day'
  | 'assumption-day'
  | 'all-saints-day'
  | 'armistice-day'
  | 'christmas-day'
  | 'boxing-day'
  | 'equated-day';

export interface Holiday {
  readonly date: string; // YYYY-MM-DD
  readonly key: HolidayKey;
}

export interface CalendarOptions {
  /**
   * BE-VLG only. 11 July (Feest van de Vlaamse Gemeenschap) is a day off for Flemish public
   * services, not a legal public holiday under the Wet van 4 januari 1974, so it is opt-in.
   */
  includeFlemishCommunityDay?: boolean;
}

/**
 * First year the rules below describe. King's Day replaced Queen's Day (30 April) in 2014; we
 * refuse earlier years instead of silently applying today's law to them.
 */
export const FIRST_SUPPORTED_YEAR = 2014;
export const LAST_SUPPORTED_YEAR = 9999;

interface Rule {
  key: HolidayKey;
  dayIn(year: number, easter: DayNumber): DayNumber;
}

const fixed = (key: HolidayKey, month: number, day: number): Rule => ({
  key,
  dayIn: (year) => toDayNumber({ year, month, day }),
});

const afterEaster = (key: HolidayKey, days: number): Rule => ({
  key,
  dayIn: (_year, easter) => easter + days,
});

// King's Day is 27 April "behoudens uitzonderingen in verband met zondagen" (Besluit van 30
// januari 2013, in force 2014): when 27 April is a Sunday it is celebrated on Saturday 26 April.
// Termijnenwet art. 3 names "the day on which the King's birthday is celebrated", so the moved
// day is the holiday (in practice it then falls on a weekend anyway).
const kingsDay: Rule = {
  key: 'kings-day',
  dayIn: (year) => {
    const april27 = toDayNumber({ year, month: 4, day: 27 });
    return weekdayOf(april27) === SUNDAY ? april27 - 1 : april27;
  },
};

const SUNDAY = 0;

// Algemene termijnenwet art. 3. Lid 1 lists the general holidays; Liberation Day (5 May) counts
// every year here, unlike in collective agreements that only grant it once every five years.
// Lid 2 equates Good Friday with them "voor de toepassing van deze wet", so for deadlines Good
// Friday is not a working day even though it is not a day off for most employees.
const NL_RULES: readonly Rule[] = [
  fixed('new-years-day', 1, 1),
  afterEaster('good-friday', -2),
  afterEaster('easter-monday', 1),
  kingsDay,
  fixed('liberation-day', 5, 5),
  afterEaster('ascension-day', 39),
  afterEaster('whit-monday', 50),
  fixed('christmas-day', 12, 25),
  fixed('boxing-day', 12, 26),
];

/**
 * Art. 3 lid 3: days equated with general holidays by royal decree (Besluit gelijkstelling ...),
 * published in the Staatscourant roughly every three years, typically the bridge days next to a
 * holiday (the Friday after Ascension Day). These cannot be computed, only copied from the decree.
 * Known gaps: 2014-2016 and 2020-2022 are not filled in. Years after the last decree have no
 * equated days until the next decree is added here.
 */
export const NL_EQUATED_DAYS: Readonly<Record<number, readonly string[]>> = Object.freeze({
  // Besluit van 24 oktober 2016, nr. 2016001827 (BWBR0038666).
  2017: ['2017-04-28', '2017-05-26'],
  2018: ['2018-05-11', '2018-12-24', '2018-12-31'],
  2019: ['2019-05-31', '2019-12-27'],
  // Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025.
  2023: ['2023-04-28', '2023-05-19'],
  2024: ['2024-05-10', '2024-12-27'],
  2025: ['2025-05-30'],
  // Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028.
  2026: ['2026-01-02', '2026-05-15'],
  2027: ['2027-05-07'],
  2028: ['2028-04-28', '2028-05-26'],
});

function equatedDays(year: number): readonly Rule[] {
  return (NL_EQUATED_DAYS[year] ?? []).map((date) => ({ key: 'equated-day', dayIn: () => parseCalendarDate(date) }));
}

// Wet van 4 januari 1974 betreffende de feestdagen and its implementing KB of 18 April 1974:
// the ten Belgian legal public holidays. 26 December is NOT one of them.
const BE_RULES: readonly Rule[] = [
  fixed('new-years-day', 1, 1),
  afterEaster('easter-monday', 1),
  fixed('labour-day', 5, 1),
  afterEaster('ascension-day', 39),
  afterEaster('whit-monday', 50),
  fixed('belgian-national-day', 7, 21),
  fixed('assumption-day', 8, 15),
  fixed('all-saints-day', 11, 1),
  fixed('armistice-day', 11, 11),
  fixed('christmas-day', 12, 25),
];

const FLEMISH_COMMUNITY_DAY = fixed('flemish-community-day', 7, 11);

function rulesFor(jurisdiction: Jurisdiction, year: number, options: CalendarOptions): readonly Rule[] {
  switch (jurisdiction) {
    case 'NL':
      return [...NL_RULES, ...equatedDays(year)];
    case 'BE-VLG':
      return options.includeFlemishCommunityDay ? [...BE_RULES, FLEMISH_COMMUNITY_DAY] : BE_RULES;
    default: {
      // Reached only from untyped callers (JSON, config); the type system rules it out.
      const unknown: never = jurisdiction;
      throw new RangeError(`Unknown jurisdiction ${JSON.stringify(unknown)}`);
    }
  }
}

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RangeError(
      `Holidays are defined for ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}, got ${String(year)}`,
    );
  }
}

interface YearTable {
  list: readonly Holiday[];
  days: ReadonlySet<DayNumber>;
}

// Memoised per (jurisdiction, year, options): addWorkingDays asks about the same year hundreds of
// times. The cache holds derived immutable data only, so the functions stay pure to callers.
const cache = new Map<string, YearTable>();

function computeYear(jurisdiction: Jurisdiction, year: number, options: CalendarOptions): YearTable {
  const easter = toDayNumber(easterSunday(year));
  const entries = rulesFor(jurisdiction, year, options)
    .map((rule) => ({ day: rule.dayIn(year, easter), key: rule.key }))
    // Two feasts can share a date (Ascension fell on 5 May in 2016); both stay listed.
    .sort((x, y) => x.day - y.day || x.key.localeCompare(y.key));
  return {
    list: Object.freeze(entries.map(({ day, key }) => Object.freeze({ date: formatCalendarDate(day), key }))),
    days: new Set(entries.map((e) => e.day)),
  };
}

export function holidayTable(jurisdiction: Jurisdiction, year: number, options: CalendarOptions = {}): YearTable {
  assertSupportedYear(year);
  const cacheKey = `${jurisdiction}|${year}|${options.includeFlemishCommunityDay === true && jurisdiction === 'BE-VLG'}`;
  let table = cache.get(cacheKey);
  if (!table) {
    table = computeYear(jurisdiction, year, options);
    cache.set(cacheKey, table);
  }
  return table;
}

/**
 * The public holidays of a year, sorted by date (then key). Holidays that fall on a weekend are
 * listed too; plain Saturdays and Sundays are not, they are never working days.
 */
export function publicHolidays(jurisdiction: Jurisdiction, year: number, options: CalendarOptions = {}): Holiday[] {
  return [...holidayTable(jurisdiction, year, options).list];
}
