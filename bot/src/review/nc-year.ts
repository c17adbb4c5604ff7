import type { Child } from './case.ts';
import { fromParts, isLeapYear, type PlainDate, parts } from './plain-date.ts';

/**
 * The calendar year in which the academic year containing `date` started.
 *
 * @remarks An academic year runs 1 September to 31 August (docs/statutory-rules.md, National Curriculum
 * year), so 31 August 2026 is in 2025/26 and 1 September 2026 starts 2026/27.
 */
export function academicYearStart(date: PlainDate): number {
  const { year, month } = parts(date);
  return month >= 9 ? year : year - 1;
}

/**
 * The child's National Curriculum year on `date`; Reception is 0.
 *
 * @remarks docs/statutory-rules.md: the start year of the academic year containing `date`, less the start
 * year of the academic year containing the birth date, less 5 (born 15 October 2011: Reception in
 * 2016/17, Year 9 in 2025/26). A recorded NC year, for a child taught outside their chronological year
 * group, overrides this; it was recorded for one academic year, and the child moves up one year group
 * with each academic year after it (and was one lower for each before it). PREPARING_FOR_ADULTHOOD
 * turns on this year, so the override matters.
 */
export function ncYearOn(child: Child, date: PlainDate): number {
  const recorded = child.ncYear;
  if (recorded) return recorded.year + academicYearStart(date) - recorded.academicYearStart;
  return academicYearStart(date) - academicYearStart(child.dateOfBirth) - 5;
}

/**
 * Age in whole years on `date` (negative for a date before the birth).
 *
 * @remarks A person attains an age at the start of the anniversary of their birth (Family Law Reform
 * Act 1969 s.9). The Act does not say when someone born on 29 February attains an age in a year with
 * no such day; we take 1 March, the day the anniversary has certainly passed, so a child born
 * 29 February 2020 turns 5 on 1 March 2025, and on 29 February in a leap year. UNDER_FIVE depends on it.
 */
export function ageOn(dateOfBirth: PlainDate, date: PlainDate): number {
  const born = parts(dateOfBirth);
  const on = parts(date);
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
}

/**
 * The first day on which the child is `age` or older (see {@link ageOn}: born 29 February, the
 * birthday in a year with no such day is 1 March).
 */
export function attainsAgeOn(dateOfBirth: PlainDate, age: number): PlainDate {
  const born = parts(dateOfBirth);
  const year = born.year + age;
  if (born.month === 2 && born.day === 29 && !isLeapYear(year)) return fromParts(year, 3, 1);
  return fromParts(year, born.month, born.day);
}

/** The first day on which the child is in NC year `year` or above (see {@link ncYearOn}): a 1 September. */
export function ncYearReachedOn(child: Child, year: number): PlainDate {
  const recorded = child.ncYear;
  const start = recorded
    ? year - recorded.year + recorded.academicYearStart
    : year + 5 + academicYearStart(child.dateOfBirth);
  return fromParts(start, 9, 1);
}
