import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import {
  addWorkingDays,
  easterSunday,
  isCalendarDate,
  isWorkingDay,
  localDate,
  NL_EQUATED_DAYS,
  publicHolidays,
  termijnenwetDeadline,
  workingDaysBetween,
  type HolidayKey,
  type Jurisdiction,
} from './index.ts';
import { fixedClock } from '../clock.ts';

// Expected values below are written out by hand (and checked against published calendars),
// never computed with the code under test.
const YEARS = [2024, 2025, 2026, 2027, 2028, 2029, 2030] as const;

const EASTER: Record<number, string> = {
  2024: '2024-03-31',
  2025: '2025-04-20',
  2026: '2026-04-05',
  2027: '2027-03-28',
  2028: '2028-04-16',
  2029: '2029-04-01',
  2030: '2030-04-21',
};

const GOOD_FRIDAY: Record<number, string> = {
  2024: '2024-03-29',
  2025: '2025-04-18',
  2026: '2026-04-03',
  2027: '2027-03-26',
  2028: '2028-04-14',
  2029: '2029-03-30',
  2030: '2030-04-19',
};

const EASTER_MONDAY: Record<number, string> = {
  2024: '2024-04-01',
  2025: '2025-04-21',
  2026: '2026-04-06',
  2027: '2027-03-29',
  2028: '2028-04-17',
  2029: '2029-04-02',
  2030: '2030-04-22',
};

const ASCENSION: Record<number, string> = {
  2024: '2024-05-09',
  2025: '2025-05-29',
  2026: '2026-05-14',
  2027: '2027-05-06',
  2028: '2028-05-25',
  2029: '2029-05-10',
  2030: '2030-05-30',
};

const WHIT_MONDAY: Record<number, string> = {
  2024: '2024-05-20',
  2025: '2025-06-09',
  2026: '2026-05-25',
  2027: '2027-05-17',
  2028: '2028-06-05',
  2029: '2029-05-21',
  2030: '2030-06-10',
};

const KINGS_DAY: Record<number, string> = {
  2024: '2024-04-27',
  2025: '2025-04-26', // 27 April 2025 is a Sunday
  2026: '2026-04-27',
  2027: '2027-04-27',
  2028: '2028-04-27',
  2029: '2029-04-27',
  2030: '2030-04-27',
};

function datesWithKey(jurisdiction: Jurisdiction, year: number, key: HolidayKey): string[] {
  return publicHolidays(jurisdiction, year)
    .filter((h) => h.key === key)
    .map((h) => h.date);
}

describe('easterSunday', () => {
  const known: Array<[number, string]> = [
    ...YEARS.map((y): [number, string] => [y, EASTER[y] ?? '']),
    [1818, '1818-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
    [2019, '2019-04-21'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ];
  for (const [year, expected] of known) {
    test(`Easter Sunday ${year} falls on ${expected}.`, () => {
      const { month, day } = easterSunday(year);
      const actual = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      assert.equal(actual, expected);
    });
  }

  test('Easter is always a Sunday between 22 March and 25 April.', () => {
    for (let year = 1583; year <= 4099; year += 1) {
      const { month, day } = easterSunday(year);
      const date = new Date(Date.UTC(2000, month - 1, day));
      date.setUTCFullYear(year);
      assert.equal(date.getUTCDay(), 0, `Easter ${year} is not a Sunday`);
      const monthDay = month * 100 + day;
      assert.ok(monthDay >= 322 && monthDay <= 425, `Easter ${year} out of range: ${monthDay}`);
    }
  });

  test('Easter rejects fractional years and years outside the Gregorian calendar.', () => {
    for (const year of [2024.5, 1582, 10000, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => easterSunday(year), RangeError);
    }
  });
});

describe('Netherlands: Algemene termijnenwet holidays', () => {
  for (const year of YEARS) {
    test(`In ${year} Easter Monday, Ascension Day and Whit Monday are holidays on the expected dates.`, () => {
      assert.deepEqual(datesWithKey('NL', year, 'easter-monday'), [EASTER_MONDAY[year]]);
      assert.deepEqual(datesWithKey('NL', year, 'ascension-day'), [ASCENSION[year]]);
      assert.deepEqual(datesWithKey('NL', year, 'whit-monday'), [WHIT_MONDAY[year]]);
      for (const date of [EASTER_MONDAY[year], ASCENSION[year], WHIT_MONDAY[year]]) {
        assert.equal(isWorkingDay('NL', date ?? ''), false, date);
      }
    });

    test(`In ${year} King's Day falls on ${KINGS_DAY[year]}.`, () => {
      assert.deepEqual(datesWithKey('NL', year, 'kings-day'), [KINGS_DAY[year]]);
    });

    test(`In ${year} Liberation Day on 5 May is a holiday, not only in lustrum years.`, () => {
      assert.deepEqual(datesWithKey('NL', year, 'liberation-day'), [`${year}-05-05`]);
      assert.equal(isWorkingDay('NL', `${year}-05-05`), false);
    });

    test(`In ${year} Good Friday is not a working day under art. 3(2) of the Termijnenwet.`, () => {
      const goodFriday = GOOD_FRIDAY[year] ?? '';
      assert.deepEqual(datesWithKey('NL', year, 'good-friday'), [goodFriday]);
      assert.equal(isWorkingDay('NL', goodFriday), false);
    });

    test(`In ${year} New Year's Day, Christmas Day and Boxing Day are holidays.`, () => {
      assert.deepEqual(datesWithKey('NL', year, 'new-years-day'), [`${year}-01-01`]);
      assert.deepEqual(datesWithKey('NL', year, 'christmas-day'), [`${year}-12-25`]);
      assert.deepEqual(datesWithKey('NL', year, 'boxing-day'), [`${year}-12-26`]);
    });
  }

  test('The full Dutch list for 2025 is exactly the statutory days plus the equated day.', () => {
    assert.deepEqual(publicHolidays('NL', 2025), [
      { date: '2025-01-01', key: 'new-years-day' },
      { date: '2025-04-18', key: 'good-friday' },
      { date: '2025-04-21', key: 'easter-monday' },
      { date: '2025-04-26', key: 'kings-day' },
      { date: '2025-05-05', key: 'liberation-day' },
      { date: '2025-05-29', key: 'ascension-day' },
      { date: '2025-05-30', key: 'equated-day' },
      { date: '2025-06-09', key: 'whit-monday' },
      { date: '2025-12-25', key: 'christmas-day' },
      { date: '2025-12-26', key: 'boxing-day' },
    ]);
  });

  test("King's Day moves to 26 April in every supported year where 27 April is a Sunday.", () => {
    // 27 April was or is a Sunday in 2014, 2025, 2031 and 2036.
    for (const year of [2014, 2025, 2031, 2036]) {
      assert.deepEqual(datesWithKey('NL', year, 'kings-day'), [`${year}-04-26`]);
    }
  });

  test('When Ascension Day falls on 5 May both holidays are listed.', () => {
    const may5 = publicHolidays('NL', 2016).filter((h) => h.date === '2016-05-05');
    assert.deepEqual(
      may5.map((h) => h.key),
      ['ascension-day', 'liberation-day'],
    );
  });

  test('Days equated with holidays by decree (art. 3(3)) are weekdays next to a holiday and non-working.', () => {
    for (const [year, dates] of Object.entries(NL_EQUATED_DAYS)) {
      assert.deepEqual(datesWithKey('NL', Number(year), 'equated-day'), [...dates]);
      for (const date of dates) {
        assert.equal(isWorkingDay('NL', date), false, date);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        assert.ok(weekday >= 1 && weekday <= 5, `${date} is not a weekday`);
        const bordersNonWorkingDay = [-1, 1].some((offset) => {
          const neighbour = new Date(Date.parse(`${date}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
          return publicHolidays('NL', Number(neighbour.slice(0, 4))).some((h) => h.date === neighbour && h.key !== 'equated-day');
        });
        assert.ok(bordersNonWorkingDay, `${date} does not border a holiday`);
      }
    }
  });

  test('Flemish and Belgian holidays are ordinary working days in the Netherlands.', () => {
    for (const date of ['2025-05-01', '2025-07-21', '2025-08-15', '2025-11-11']) {
      assert.equal(isWorkingDay('NL', date), true, date);
    }
  });
});

describe('Flanders: Belgian legal public holidays', () => {
  for (const year of YEARS) {
    test(`In ${year} 21 July, 15 August, 1 November and 11 November are Belgian holidays.`, () => {
      assert.deepEqual(datesWithKey('BE-VLG', year, 'belgian-national-day'), [`${year}-07-21`]);
      assert.deepEqual(datesWithKey('BE-VLG', year, 'assumption-day'), [`${year}-08-15`]);
      assert.deepEqual(datesWithKey('BE-VLG', year, 'all-saints-day'), [`${year}-11-01`]);
      assert.deepEqual(datesWithKey('BE-VLG', year, 'armistice-day'), [`${year}-11-11`]);
    });

    test(`In ${year} Easter Monday, Ascension Day and Whit Monday are Belgian holidays too.`, () => {
      assert.deepEqual(datesWithKey('BE-VLG', year, 'easter-monday'), [EASTER_MONDAY[year]]);
      assert.deepEqual(datesWithKey('BE-VLG', year, 'ascension-day'), [ASCENSION[year]]);
      assert.deepEqual(datesWithKey('BE-VLG', year, 'whit-monday'), [WHIT_MONDAY[year]]);
    });

    test(`In ${year} Good Friday is a working day in Flanders.`, () => {
      assert.equal(isWorkingDay('BE-VLG', GOOD_FRIDAY[year] ?? ''), true);
    });
  }

  test('The full Belgian list for 2026 has exactly the ten legal public holidays.', () => {
    assert.deepEqual(publicHolidays('BE-VLG', 2026), [
      { date: '2026-01-01', key: 'new-years-day' },
      { date: '2026-04-06', key: 'easter-monday' },
      { date: '2026-05-01', key: 'labour-day' },
      { date: '2026-05-14', key: 'ascension-day' },
      { date: '2026-05-25', key: 'whit-monday' },
      { date: '2026-07-21', key: 'belgian-national-day' },
      { date: '2026-08-15', key: 'assumption-day' },
      { date: '2026-11-01', key: 'all-saints-day' },
      { date: '2026-11-11', key: 'armistice-day' },
      { date: '2026-12-25', key: 'christmas-day' },
    ]);
  });

  const beNonWorking: Array<[string, string]> = [
    ['2025-07-21', 'National Day on a Monday'],
    ['2025-08-15', 'Assumption on a Friday'],
    ['2024-11-01', 'All Saints on a Friday'],
    ['2025-11-11', 'Armistice on a Tuesday'],
    ['2026-05-01', 'Labour Day on a Friday'],
  ];
  for (const [date, description] of beNonWorking) {
    test(`${date} (${description}) is not a working day in Flanders.`, () => {
      assert.equal(isWorkingDay('BE-VLG', date), false);
    });
  }

  test('Boxing Day and 5 May are working days in Flanders.', () => {
    assert.equal(isWorkingDay('BE-VLG', '2025-12-26'), true);
    assert.equal(isWorkingDay('BE-VLG', '2025-05-05'), true);
  });

  test('The Flemish Community day on 11 July is a working day unless it is opted in.', () => {
    assert.equal(isWorkingDay('BE-VLG', '2025-07-11'), true);
    assert.deepEqual(datesWithKey('BE-VLG', 2025, 'flemish-community-day'), []);
    const options = { includeFlemishCommunityDay: true };
    assert.equal(isWorkingDay('BE-VLG', '2025-07-11', options), false);
    assert.ok(publicHolidays('BE-VLG', 2025, options).some((h) => h.date === '2025-07-11' && h.key === 'flemish-community-day'));
    // The option only concerns Flanders.
    assert.equal(isWorkingDay('NL', '2025-07-11', options), true);
  });
});

describe('isWorkingDay', () => {
  test('Saturdays and Sundays are never working days.', () => {
    for (const jurisdiction of ['NL', 'BE-VLG'] as const) {
      assert.equal(isWorkingDay(jurisdiction, '2025-03-15'), false); // Saturday
      assert.equal(isWorkingDay(jurisdiction, '2025-03-16'), false); // Sunday
      assert.equal(isWorkingDay(jurisdiction, '2025-03-17'), true); // Monday
    }
  });

  test('A leap day is an ordinary working day.', () => {
    assert.equal(isWorkingDay('NL', '2024-02-29'), true);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  const cases: Array<{ jurisdiction: Jurisdiction; from: string; n: number; expected: string; why: string }> = [
    { jurisdiction: 'NL', from: '2024-12-24', n: 1, expected: '2024-12-30', why: 'skips Christmas, Boxing Day, the equated 27 December and the weekend' },
    { jurisdiction: 'NL', from: '2024-12-24', n: 2, expected: '2024-12-31', why: 'reaches New Year’s Eve' },
    { jurisdiction: 'NL', from: '2024-12-24', n: 3, expected: '2025-01-02', why: 'skips New Year’s Day' },
    { jurisdiction: 'NL', from: '2024-12-24', n: 4, expected: '2025-01-03', why: 'continues into the new year' },
    { jurisdiction: 'BE-VLG', from: '2024-12-24', n: 1, expected: '2024-12-26', why: 'Boxing Day is not a Belgian holiday' },
    { jurisdiction: 'BE-VLG', from: '2024-12-31', n: 1, expected: '2025-01-02', why: 'skips New Year’s Day' },
    { jurisdiction: 'NL', from: '2025-04-17', n: 1, expected: '2025-04-22', why: 'skips Good Friday, the weekend and Easter Monday' },
    { jurisdiction: 'BE-VLG', from: '2025-04-17', n: 1, expected: '2025-04-18', why: 'Good Friday is a working day in Flanders' },
    { jurisdiction: 'BE-VLG', from: '2025-04-18', n: 1, expected: '2025-04-22', why: 'skips the weekend and Easter Monday' },
    { jurisdiction: 'NL', from: '2028-03-30', n: 5, expected: '2028-04-06', why: 'counts a plain week' },
    { jurisdiction: 'NL', from: '2027-03-25', n: 2, expected: '2027-03-31', why: 'skips Good Friday and Easter Monday in March' },
    { jurisdiction: 'NL', from: '2025-05-28', n: 1, expected: '2025-06-02', why: 'skips Ascension Day and the equated Friday' },
    { jurisdiction: 'NL', from: '2025-03-14', n: 1, expected: '2025-03-17', why: 'Friday + 1 is Monday' },
    { jurisdiction: 'NL', from: '2025-03-15', n: 1, expected: '2025-03-17', why: 'a Saturday start is not counted' },
    { jurisdiction: 'NL', from: '2025-03-17', n: 0, expected: '2025-03-17', why: 'n = 0 on a working day is the day itself' },
    { jurisdiction: 'NL', from: '2025-04-19', n: 0, expected: '2025-04-22', why: 'n = 0 on a non-working day is the next working day' },
    { jurisdiction: 'NL', from: '2025-01-01', n: 20, expected: '2025-01-29', why: 'four weeks after New Year' },
  ];
  for (const { jurisdiction, from, n, expected, why } of cases) {
    test(`In ${jurisdiction}, ${n} working day(s) after ${from} is ${expected} (${why}).`, () => {
      assert.equal(addWorkingDays(jurisdiction, from, n), expected);
      if (n >= 1) assert.equal(workingDaysBetween(jurisdiction, from, expected), n);
    });
  }

  test('The Netherlands has 252 and Flanders 252 working days in 2025, 251 with the Flemish Community day.', () => {
    // 261 weekdays; NL loses 9 (7 statutory holidays on weekdays, Good Friday, 30 May), BE loses 9.
    assert.equal(workingDaysBetween('NL', '2024-12-31', '2025-12-31'), 252);
    assert.equal(workingDaysBetween('BE-VLG', '2024-12-31', '2025-12-31'), 252);
    assert.equal(workingDaysBetween('BE-VLG', '2024-12-31', '2025-12-31', { includeFlemishCommunityDay: true }), 251);
  });

  test('Counting backwards gives the negated count and equal dates give zero.', () => {
    assert.equal(workingDaysBetween('NL', '2025-01-02', '2024-12-24'), -3);
    assert.equal(workingDaysBetween('NL', '2025-01-02', '2025-01-02'), 0);
    assert.equal(workingDaysBetween('NL', '2025-03-15', '2025-03-16'), 0);
  });

  test('Adding n working days lands on a working day that is exactly n working days later.', () => {
    const day = fc.integer({ min: Date.UTC(2014, 0, 1) / 86_400_000, max: Date.UTC(2040, 11, 31) / 86_400_000 });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), fc.constantFrom<Jurisdiction>('NL', 'BE-VLG'), (d, n, j) => {
        const from = new Date(d * 86_400_000).toISOString().slice(0, 10);
        const result = addWorkingDays(j, from, n);
        assert.equal(isWorkingDay(j, result), true);
        assert.ok(result >= from);
        if (n >= 1) assert.equal(workingDaysBetween(j, from, result), n);
        else assert.equal(result === from, isWorkingDay(j, from));
      }),
      { numRuns: 300 },
    );
  });
});

describe('termijnenwetDeadline', () => {
  const cases: Array<[string, string, string]> = [
    ['2025-03-15', '2025-03-17', 'a Saturday moves to Monday'],
    ['2025-03-16', '2025-03-17', 'a Sunday moves to Monday'],
    ['2025-03-18', '2025-03-18', 'a Tuesday stays'],
    ['2025-05-05', '2025-05-06', 'Liberation Day moves to the next day'],
    ['2026-05-05', '2026-05-06', 'Liberation Day in a non-lustrum year moves too'],
    ['2026-04-27', '2026-04-28', "King's Day moves to the next day"],
    ['2025-12-25', '2025-12-29', 'Christmas moves past Boxing Day and the weekend'],
    ['2024-12-26', '2024-12-30', 'Boxing Day moves past the equated Friday and the weekend'],
    ['2025-04-18', '2025-04-22', 'Good Friday moves past Easter to Tuesday'],
    ['2025-04-19', '2025-04-22', 'Easter Saturday moves past Easter Monday'],
    ['2025-05-29', '2025-06-02', 'Ascension Day moves past the equated Friday and the weekend'],
    ['2025-12-31', '2025-12-31', 'New Year’s Eve is an ordinary day'],
    ['2026-01-01', '2026-01-05', 'New Year’s Day moves past the equated 2 January and the weekend'],
  ];
  for (const [date, expected, why] of cases) {
    test(`A deadline ending on ${date} ends on ${expected}: ${why}.`, () => {
      assert.equal(termijnenwetDeadline(date), expected);
    });
  }
});

describe('localDate', () => {
  test('An instant just after midnight in Amsterdam is already the next day.', () => {
    assert.equal(localDate('NL', new Date('2024-12-31T23:30:00Z')), '2025-01-01');
    assert.equal(localDate('NL', new Date('2025-06-30T22:00:00Z')), '2025-07-01'); // summer time, UTC+2
    assert.equal(localDate('NL', new Date('2025-06-30T21:59:59Z')), '2025-06-30');
    assert.equal(localDate('BE-VLG', new Date('2025-03-30T22:30:00Z')), '2025-03-31');
  });

  test('A fixed clock gives the local date that deadlines start from.', () => {
    const clock = fixedClock('2025-04-17T22:30:00Z'); // 00:30 on Good Friday in Amsterdam
    const today = localDate('NL', clock.now());
    assert.equal(today, '2025-04-18');
    assert.equal(addWorkingDays('NL', today, 0), '2025-04-22');
  });

  test('An invalid Date is rejected.', () => {
    assert.throws(() => localDate('NL', new Date('nonsense')), RangeError);
  });
});

describe('input validation', () => {
  const malformed = [
    '2025-02-29',
    '2024-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-5',
    '20250105',
    '2025-01-05T00:00:00Z',
    ' 2025-01-05',
    '2025/01/05',
    '',
  ];
  for (const date of malformed) {
    test(`The malformed date ${JSON.stringify(date)} throws a RangeError everywhere.`, () => {
      assert.equal(isCalendarDate(date), false);
      assert.throws(() => isWorkingDay('NL', date), RangeError);
      assert.throws(() => addWorkingDays('BE-VLG', date, 1), RangeError);
      assert.throws(() => workingDaysBetween('NL', date, '2025-01-06'), RangeError);
      assert.throws(() => workingDaysBetween('NL', '2025-01-06', date), RangeError);
      assert.throws(() => termijnenwetDeadline(date), RangeError);
    });
  }

  test('Leap days are valid only in leap years.', () => {
    assert.equal(isCalendarDate('2024-02-29'), true);
    assert.equal(isCalendarDate('2000-02-29'), true);
    assert.equal(isCalendarDate('1900-02-29'), false);
    assert.equal(isCalendarDate(20250101), false);
  });

  test('A negative, fractional or non-finite number of working days throws a RangeError.', () => {
    for (const n of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => addWorkingDays('NL', '2025-01-06', n), RangeError);
    }
  });

  test('Years before King’s Day existed are refused rather than guessed.', () => {
    assert.throws(() => publicHolidays('NL', 2013), RangeError);
    assert.throws(() => isWorkingDay('BE-VLG', '2013-12-31'), RangeError);
    assert.throws(() => publicHolidays('NL', 2025.5), RangeError);
  });

  test('An unknown jurisdiction from an untyped caller throws a RangeError.', () => {
    const unknown = 'DE' as Jurisdiction;
    assert.throws(() => publicHolidays(unknown, 2025), RangeError);
    assert.throws(() => isWorkingDay(unknown, '2025-01-06'), RangeError);
    assert.throws(() => localDate(unknown, new Date()), RangeError);
  });

  test('The returned holiday list cannot corrupt later calls.', () => {
    const list = publicHolidays('NL', 2027);
    list.length = 0;
    assert.ok(publicHolidays('NL', 2027).length > 0);
    assert.throws(() => {
      (publicHolidays('NL', 2027)[0] as { date: string }).date = '2027-06-01';
    }, TypeError);
  });
});
