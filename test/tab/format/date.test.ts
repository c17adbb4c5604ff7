import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../bot/src/review/plain-date.ts';
import { daysFrom, formatDate, relativeToToday } from '../../../tab/src/format/date.ts';

describe('dates are written the GOV.UK way, in en-GB', () => {
  it('writes day, month in words and year, with no leading zero', () => {
    expect(formatDate(plainDate('2026-03-09'))).toBe('9 March 2026');
    expect(formatDate(plainDate('2024-02-29'))).toBe('29 February 2024');
    expect(formatDate(plainDate('2027-12-31'))).toBe('31 December 2027');
  });

  it('never moves a date to the day before, whatever the zone the browser is in', () => {
    // The date is formatted in UTC; the process zone (TZ) plays no part.
    expect(formatDate(plainDate('2026-01-01'))).toBe('1 January 2026');
  });
});

describe('how far a date is from today', () => {
  const today = plainDate('2026-11-23');

  it('counts days up to two weeks', () => {
    expect(relativeToToday(plainDate('2026-11-23'), today)).toBe('today');
    expect(relativeToToday(plainDate('2026-11-24'), today)).toBe('tomorrow');
    expect(relativeToToday(plainDate('2026-11-22'), today)).toBe('yesterday');
    expect(relativeToToday(plainDate('2026-11-30'), today)).toBe('in 7 days');
    expect(relativeToToday(plainDate('2026-11-10'), today)).toBe('13 days ago');
  });

  it('then whole weeks, rounded towards today, then months', () => {
    expect(relativeToToday(plainDate('2026-12-07'), today)).toBe('in 2 weeks');
    expect(relativeToToday(plainDate('2026-12-13'), today)).toBe('in 2 weeks');
    expect(relativeToToday(plainDate('2026-10-05'), today)).toBe('7 weeks ago');
    expect(relativeToToday(plainDate('2027-03-09'), today)).toBe('in 3 months');
  });

  it('counts across a change of clocks without losing a day', () => {
    expect(relativeToToday(plainDate('2026-03-30'), plainDate('2026-03-28'))).toBe('in 2 days');
  });
});

describe('calendar days between two dates', () => {
  it('counts forwards and backwards, across a month end and a leap day', () => {
    expect(daysFrom(plainDate('2026-11-23'), plainDate('2026-12-07'))).toBe(14);
    expect(daysFrom(plainDate('2026-11-23'), plainDate('2026-11-16'))).toBe(-7);
    expect(daysFrom(plainDate('2028-02-28'), plainDate('2028-03-01'))).toBe(2);
    expect(daysFrom(plainDate('2026-11-23'), plainDate('2026-11-23'))).toBe(0);
  });

  it('is whole days across the change to British Summer Time', () => {
    // Dates are counted as UTC midnights, so the clocks going forward (29 March 2026) change nothing.
    expect(daysFrom(plainDate('2026-03-28'), plainDate('2026-03-30'))).toBe(2);
  });
});
