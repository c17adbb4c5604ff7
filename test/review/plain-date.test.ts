import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  compareDates,
  daysBetween,
  daysInMonth,
  formatLong,
  fromEpochDay,
  fromParts,
  lastDayOfDaysBeginningWith,
  londonDate,
  minDate,
  type PlainDate,
  parsePlainDate,
  parts,
  periodEnd,
  plainDate,
  toEpochDay,
} from '../../bot/src/review/plain-date.ts';
import { anyDate } from './arbitraries.ts';
import { d } from './factories.ts';

describe('a plain date', () => {
  it.each(['2025-03-10', '2024-02-29', '2000-02-29', '0050-01-01', '9999-12-31'])('accepts %s', (text) => {
    expect(parsePlainDate(text)).toBe(text);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-3-10',
    '10/03/2025',
    '2025-03-10T00:00',
    'x2025-03-10',
    '',
  ])('rejects %j', (text) => {
    expect(parsePlainDate(text)).toBeUndefined();
    expect(() => plainDate(text)).toThrow(RangeError);
    expect(() => plainDate(text)).toThrow(JSON.stringify(text));
  });

  it('knows the days in each month, with 29 February in leap years only', () => {
    expect([2023, 2024, 1900, 2000].map((year) => daysInMonth(year, 2))).toEqual([28, 29, 28, 29]);
    expect([1, 4, 6, 9, 11, 12].map((month) => daysInMonth(2025, month))).toEqual([31, 30, 30, 30, 30, 31]);
  });

  it('is shown to people as GOV.UK writes dates', () => {
    expect(formatLong(d('2027-02-15'))).toBe('15 February 2027');
    expect(formatLong(d('2025-03-09'))).toBe('9 March 2025');
  });

  it('names every month in full', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatLong(fromParts(2025, i + 1, 1)));
    expect(months).toEqual([
      '1 January 2025',
      '1 February 2025',
      '1 March 2025',
      '1 April 2025',
      '1 May 2025',
      '1 June 2025',
      '1 July 2025',
      '1 August 2025',
      '1 September 2025',
      '1 October 2025',
      '1 November 2025',
      '1 December 2025',
    ]);
  });

  it('orders and counts days across month and year ends', () => {
    expect(compareDates(d('2025-12-31'), d('2026-01-01'))).toBe(-1);
    expect(compareDates(d('2026-01-01'), d('2026-01-01'))).toBe(0);
    expect(compareDates(d('2026-01-01'), d('2025-12-31'))).toBe(1);
    expect(daysBetween(d('2024-02-28'), d('2024-03-01'))).toBe(2);
    expect(daysBetween(d('2025-02-28'), d('2025-03-01'))).toBe(1);
    expect(addDays(d('2025-12-25'), 14)).toBe('2026-01-08');
  });

  it('the earlier of two dates is the earlier whichever comes first, and either when they are the same', () => {
    expect(minDate(d('2025-03-10'), d('2025-03-11'))).toBe('2025-03-10');
    expect(minDate(d('2025-03-11'), d('2025-03-10'))).toBe('2025-03-10');
    expect(minDate(d('2025-12-31'), d('2026-01-01'))).toBe('2025-12-31');
    expect(minDate(d('2025-03-10'), d('2025-03-10'))).toBe('2025-03-10');
  });

  it('counts days in the years 0-99 too (Date.UTC would read them as 1900-1999)', () => {
    expect(addDays(d('0050-01-01'), 1)).toBe('0050-01-02');
    expect(toEpochDay(d('0050-01-01'))).not.toBe(toEpochDay(d('1950-01-01')));
    expect(daysBetween(d('0099-12-31'), d('0100-01-01'))).toBe(1);
    expect(fromEpochDay(toEpochDay(d('0004-02-29')))).toBe('0004-02-29');
  });

  it('round-trips through epoch days', () => {
    expect(toEpochDay(d('1970-01-01'))).toBe(0);
    expect(toEpochDay(d('1969-12-31'))).toBe(-1);
    fc.assert(fc.property(anyDate, (date) => fromEpochDay(toEpochDay(date)) === date));
  });
});

describe('the date in Europe/London', () => {
  it.each([
    ['2025-01-15T23:30:00Z', '2025-01-15'], // GMT: London is on UTC
    ['2025-07-15T23:30:00Z', '2025-07-16'], // BST: London is an hour ahead
    ['2025-03-30T23:30:00Z', '2025-03-31'], // the first night of BST
    ['2025-10-25T23:30:00Z', '2025-10-26'], // the last night of BST
    ['2025-10-26T23:30:00Z', '2025-10-26'], // back on GMT
  ])('at %s is %s', (instant, date) => {
    expect(londonDate(new Date(instant))).toBe(date);
  });
});

describe('counting (docs/statutory-rules.md)', () => {
  describe('"a period of N months starting with D" ends the day before the date N months after D', () => {
    it.each([
      ['2025-03-10', 12, '2026-03-09'], // the rules' example
      ['2023-03-01', 12, '2024-02-29'], // the rules' example: the day before 1 March in a leap year
      ['2024-02-29', 12, '2025-02-28'], // the rules' example: no 29 February 2025, so its month's last day
      ['2025-01-31', 1, '2025-02-28'], // the rules' example: no 31 February
      ['2024-01-31', 1, '2024-02-29'],
      ['2025-01-30', 1, '2025-02-28'],
      ['2025-01-28', 1, '2025-02-27'],
      ['2025-08-31', 6, '2026-02-28'],
      ['2025-03-31', 1, '2025-04-30'],
      ['2025-01-01', 12, '2025-12-31'],
      ['2025-12-15', 3, '2026-03-14'],
    ])('%s + %i months ends %s', (start, months, end) => {
      expect(periodEnd(d(start), months)).toBe(end);
    });

    it('12 months always end 364 or 365 days after the start', () => {
      fc.assert(
        fc.property(anyDate, (start) => {
          const days = daysBetween(start, periodEnd(start, 12));
          return days >= 364 && days <= 365;
        }),
      );
    });

    it('always ends in the month N months on, or on the last day of the month before', () => {
      fc.assert(
        fc.property(anyDate, fc.integer({ min: 1, max: 36 }), (start, months) => {
          const end = periodEnd(start, months);
          const target = addMonthsClamped(start, months);
          return end === target || end === addDays(target, -1);
        }),
      );
    });
  });

  describe('adding whole months keeps the day, or takes the month end where there is no such day', () => {
    it.each([
      ['2025-01-31', 1, '2025-02-28'],
      ['2024-01-31', 1, '2024-02-29'],
      ['2025-03-31', -1, '2025-02-28'],
      ['2026-09-01', -5, '2026-04-01'],
      ['2026-07-31', -5, '2026-02-28'],
      ['2025-12-15', 1, '2026-01-15'],
      ['2026-01-15', -1, '2025-12-15'],
      ['2025-05-20', 0, '2025-05-20'],
    ])('%s + %i months is %s', (start, months, end) => {
      expect(addMonthsClamped(d(start), months)).toBe(end);
    });

    it('never lands in the wrong month', () => {
      fc.assert(
        fc.property(anyDate, fc.integer({ min: -120, max: 120 }), (start, months) => {
          const from = parts(start);
          const to = parts(addMonthsClamped(start, months));
          const expectedIndex = from.year * 12 + (from.month - 1) + months;
          expect(to.year * 12 + (to.month - 1)).toBe(expectedIndex);
          expect(to.day).toBe(Math.min(from.day, daysInMonth(to.year, to.month)));
        }),
      );
    });
  });

  describe('"within N weeks of D": the last permitted day is D + 7N days', () => {
    it.each([
      ['2025-05-12', 2, '2025-05-26'],
      ['2025-05-12', 4, '2025-06-09'],
      ['2025-12-22', 2, '2026-01-05'],
      ['2024-02-20', 2, '2024-03-05'],
    ])('within %i weeks of %s ends %s', (from, weeks, end) => {
      expect(addDays(d(from), 7 * weeks)).toBe(end);
    });
  });

  describe('"at least N weeks before D": the last permitted day is D - 7N days', () => {
    it.each([
      ['2025-05-12', 2, '2025-04-28'],
      ['2025-01-08', 2, '2024-12-25'],
      ['2024-03-07', 2, '2024-02-22'],
    ])('at least %i weeks before %s ends %s', (before, weeks, end) => {
      expect(addDays(d(before), -7 * weeks)).toBe(end);
    });
  });

  describe('"N days beginning with the day D": D is day 1', () => {
    it.each([
      ['2025-06-02', 15, '2025-06-16'],
      ['2025-02-20', 15, '2025-03-06'],
      ['2024-02-20', 15, '2024-03-05'],
      ['2025-06-02', 1, '2025-06-02'],
    ])('%s and %i days beginning with it ends %s', (start, days, end) => {
      expect(lastDayOfDaysBeginningWith(d(start), days)).toBe(end);
    });

    it('holds exactly N days', () => {
      fc.assert(
        fc.property(anyDate, fc.integer({ min: 1, max: 60 }), (start: PlainDate, days) => {
          return daysBetween(start, lastDayOfDaysBeginningWith(start, days)) + 1 === days;
        }),
      );
    });
  });
});
