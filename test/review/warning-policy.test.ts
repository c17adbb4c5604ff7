import { describe, expect, it } from 'vitest';
import { isReviewError, type Problem } from '../../bot/src/review/errors.ts';
import {
  checkWarningPolicy,
  DEFAULT_WARNING_POLICY,
  describeWarningPolicy,
  horizonDays,
  horizonOfAll,
  WARNING_POLICY_LIMITS,
  type WarningPolicy,
} from '../../bot/src/review/warning-policy.ts';

function problemsOf(asked: WarningPolicy): readonly Problem[] {
  try {
    checkWarningPolicy(asked);
  } catch (error) {
    if (isReviewError(error) && error.code === 'INVALID_INPUT') return error.problems;
    throw error;
  }
  throw new Error('the policy was accepted');
}

describe('an LA’s choice of when to warn', () => {
  it('the default warns 4 weeks and 1 week before, on the day, then weekly while overdue', () => {
    expect(checkWarningPolicy(DEFAULT_WARNING_POLICY)).toEqual({
      daysBefore: [28, 7, 0],
      overdueEveryDays: 7,
    });
    expect(describeWarningPolicy(DEFAULT_WARNING_POLICY)).toBe(
      '4 weeks before, 1 week before and on the day, then every 7 days while overdue',
    );
  });

  it('is kept longest lead first, whatever order it was given in', () => {
    expect(checkWarningPolicy({ daysBefore: [0, 14, 3], overdueEveryDays: 1 })).toEqual({
      daysBefore: [14, 3, 0],
      overdueEveryDays: 1,
    });
    expect(describeWarningPolicy({ daysBefore: [1, 3, 42], overdueEveryDays: 1 })).toBe(
      '6 weeks before, 3 days before and 1 day before, then every day while overdue',
    );
    expect(describeWarningPolicy({ daysBefore: [10], overdueEveryDays: 28 })).toBe(
      '10 days before, then every 28 days while overdue',
    );
  });

  it('accepts the limits themselves: the day itself, 12 weeks ahead, six warnings, daily or four-weekly when overdue', () => {
    const { longestLeadDays, mostWarningsBefore, overdueEveryDays } = WARNING_POLICY_LIMITS;
    const six = [longestLeadDays, 56, 28, 14, 7, 0];
    expect(six).toHaveLength(mostWarningsBefore);
    expect(
      checkWarningPolicy({ daysBefore: six, overdueEveryDays: overdueEveryDays.least }).daysBefore,
    ).toEqual(six);
    expect(
      checkWarningPolicy({ daysBefore: [0], overdueEveryDays: overdueEveryDays.most }).overdueEveryDays,
    ).toBe(28);
  });

  it('must warn at least once before a date is missed', () => {
    expect(problemsOf({ daysBefore: [], overdueEveryDays: 7 })).toEqual([
      { where: 'daysBefore', message: 'choose at least one warning before the date (0 is the day itself)' },
    ]);
  });

  it('names each lead that is out of range, not whole, or listed twice, by its place in the list (from 0)', () => {
    expect(problemsOf({ daysBefore: [85, -1, 2.5, 7, 7], overdueEveryDays: 7 })).toEqual([
      {
        where: 'daysBefore.0',
        message: 'must be a whole number of days from 0 (the day itself) to 84 (12 weeks)',
      },
      {
        where: 'daysBefore.1',
        message: 'must be a whole number of days from 0 (the day itself) to 84 (12 weeks)',
      },
      {
        where: 'daysBefore.2',
        message: 'must be a whole number of days from 0 (the day itself) to 84 (12 weeks)',
      },
      { where: 'daysBefore.4', message: '7 days before is listed twice' },
    ]);
  });

  it('allows at most six warnings before a date', () => {
    expect(problemsOf({ daysBefore: [42, 35, 28, 21, 14, 7, 0], overdueEveryDays: 7 })).toEqual([
      { where: 'daysBefore', message: 'at most 6 warnings before a date' },
    ]);
  });

  it('repeats an overdue warning between every day and every four weeks', () => {
    for (const every of [0, 29, 1.5, Number.NaN]) {
      expect(problemsOf({ daysBefore: [7], overdueEveryDays: every })).toEqual([
        { where: 'overdueEveryDays', message: 'must be a whole number of days from 1 to 28' },
      ]);
    }
  });

  it('reports every problem at once', () => {
    expect(problemsOf({ daysBefore: [], overdueEveryDays: 0 }).map((p) => p.where)).toEqual([
      'daysBefore',
      'overdueEveryDays',
    ]);
  });
});

describe('how far ahead the sweep reads', () => {
  it('as far as the longest lead, and no less than the day itself', () => {
    expect(horizonDays(DEFAULT_WARNING_POLICY)).toBe(28);
    expect(horizonDays({ daysBefore: [3, 14, 7], overdueEveryDays: 1 })).toBe(14);
    expect(horizonDays({ daysBefore: [], overdueEveryDays: 1 })).toBe(0);
  });

  it('over every LA: the longest lead any LA chose, and never less than the default an LA with no choice has', () => {
    expect(horizonOfAll([])).toBe(28);
    expect(horizonOfAll([{ daysBefore: [7, 0], overdueEveryDays: 7 }])).toBe(28);
    expect(
      horizonOfAll([
        { daysBefore: [56, 7], overdueEveryDays: 7 },
        { daysBefore: [84], overdueEveryDays: 1 },
        { daysBefore: [14], overdueEveryDays: 1 },
      ]),
    ).toBe(84);
  });
});
