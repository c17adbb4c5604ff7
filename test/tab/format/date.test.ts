import { describe, expect, it } from 'vitest';
import { plainDate } from '../../../bot/src/review/plain-date.ts';
import { formatDate, relativeToToday } from '../../../tab/src/format/date.ts';

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
