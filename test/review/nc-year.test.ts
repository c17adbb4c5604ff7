import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { academicYearStart, ageOn, attainsAgeOn, ncYearOn } from '../../bot/src/review/nc-year.ts';
import { fromParts } from '../../bot/src/review/plain-date.ts';
import { anyDate } from './arbitraries.ts';
import { d, makeChild } from './factories.ts';

describe('the academic year runs 1 September to 31 August', () => {
  it.each([
    ['2025-08-31', 2024],
    ['2025-09-01', 2025],
    ['2025-12-31', 2025],
    ['2026-01-01', 2025],
    ['2028-02-29', 2027],
  ])('%s is in the academic year starting in %i', (date, start) => {
    expect(academicYearStart(d(date))).toBe(start);
  });
});

describe('the National Curriculum year (Reception is 0)', () => {
  it.each([
    ['2011-10-15', '2016-09-05', 0], // the rules' example: Reception in 2016/17
    ['2011-10-15', '2025-09-01', 9], // the rules' example: Year 9 in 2025/26
    ['2011-10-15', '2025-08-31', 8], // the last day of 2024/25
    ['2011-10-15', '2026-07-20', 9],
    ['2011-09-01', '2025-09-01', 9], // the oldest of the year group
    ['2011-08-31', '2025-09-01', 10], // the youngest of the year group above
    ['2012-02-29', '2016-09-01', 0],
    ['2020-04-01', '2024-09-02', 0],
    ['2020-04-01', '2024-06-01', -1], // before Reception: a nursery year is below 0
    ['2009-06-30', '2025-09-01', 12], // Year 11 (GCSEs) ended on 31 August
  ])('born %s: on %s, Year %i', (born, on, year) => {
    expect(ncYearOn(makeChild({ dateOfBirth: d(born) }), d(on))).toBe(year);
  });

  it('is the age on the 31 August before the academic year, less 4', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (born, on) => {
        const start = academicYearStart(on);
        const ageAtYearStart = ageOn(born, fromParts(start, 8, 31));
        return ncYearOn(makeChild({ dateOfBirth: born }), on) === ageAtYearStart - 4;
      }),
    );
  });

  describe('a recorded NC year overrides the chronological one', () => {
    // Born 15 October 2011 (chronologically Year 9 in 2025/26), taught a year below: Year 8 in 2025/26.
    const heldBack = makeChild({
      dateOfBirth: d('2011-10-15'),
      ncYear: { year: 8, academicYearStart: 2025 },
    });

    it.each([
      ['2025-09-01', 8], // in the academic year it was recorded for
      ['2026-08-31', 8],
      ['2026-09-01', 9], // and moves up with each academic year after it
      ['2027-10-01', 10],
      ['2024-10-01', 7], // and was one lower in each before it
    ])('on %s, Year %i', (on, year) => {
      expect(ncYearOn(heldBack, d(on))).toBe(year);
    });

    it('even when it puts the child above their year group', () => {
      const movedUp = makeChild({
        dateOfBirth: d('2012-10-15'),
        ncYear: { year: 9, academicYearStart: 2025 },
      });
      expect(ncYearOn(movedUp, d('2025-11-01'))).toBe(9);
      expect(ncYearOn(makeChild({ dateOfBirth: d('2012-10-15') }), d('2025-11-01'))).toBe(8);
    });
  });
});

describe('age in whole years', () => {
  it.each([
    ['2011-10-15', '2016-10-14', 4],
    ['2011-10-15', '2016-10-15', 5], // an age is attained at the start of the birthday (FLRA 1969 s.9)
    ['2011-10-15', '2029-10-15', 18],
    ['2020-02-29', '2024-02-28', 3],
    ['2020-02-29', '2024-02-29', 4], // in a leap year, on 29 February
    ['2020-02-29', '2025-02-28', 4], // in other years not on 28 February...
    ['2020-02-29', '2025-03-01', 5], // ...but on 1 March
    ['2020-12-31', '2021-01-01', 0],
    ['2020-12-31', '2020-12-31', 0],
    ['2020-12-31', '2020-12-30', -1],
  ])('born %s: on %s, %i', (born, on, age) => {
    expect(ageOn(d(born), d(on))).toBe(age);
  });
});

describe('the day a child reaches an age (under five, the recommended six-monthly review ends)', () => {
  it.each([
    ['2020-02-29', 5, '2025-03-01'], // born 29 February: in a year with no such day, 1 March...
    ['2020-02-29', 4, '2024-02-29'], // ...and in a leap year, 29 February itself
    ['2020-01-29', 5, '2025-01-29'], // the 29th of another month is that day, leap year or not
    ['2011-10-15', 18, '2029-10-15'],
  ])('born %s: reaches %i on %s, the first day ageOn says so', (born, age, on) => {
    expect(attainsAgeOn(d(born), age)).toBe(on);
    expect(ageOn(d(born), d(on))).toBe(age);
  });
});
