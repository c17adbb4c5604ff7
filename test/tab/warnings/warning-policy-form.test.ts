import { describe, expect, it } from 'vitest';
import { fieldOf, formOf, messageFor, policyFrom } from '../../../tab/src/warnings/warning-policy-form.ts';

describe('the deadline warnings form', () => {
  it('shows a policy as the days typed, and reads them back, with commas, spaces or both', () => {
    expect(formOf({ daysBefore: [28, 7, 0], overdueEveryDays: 7 })).toEqual({
      daysBefore: '28, 7, 0',
      overdueEveryDays: '7',
    });
    expect(policyFrom({ daysBefore: ' 42 14,0 ,', overdueEveryDays: ' 3 ' })).toEqual({
      policy: { daysBefore: [42, 14, 0], overdueEveryDays: 3 },
    });
  });

  it('leaves the rules to the server: an empty list or 90 days ahead is sent as asked', () => {
    expect(policyFrom({ daysBefore: '', overdueEveryDays: '7' })).toEqual({
      policy: { daysBefore: [], overdueEveryDays: 7 },
    });
    expect(policyFrom({ daysBefore: '90', overdueEveryDays: '99' })).toEqual({
      policy: { daysBefore: [90], overdueEveryDays: 99 },
    });
  });

  it('says what is not a number of days, under its field, and sends nothing', () => {
    expect(policyFrom({ daysBefore: '28, a week, -1', overdueEveryDays: 'weekly' })).toEqual({
      problems: [
        {
          where: 'daysBefore',
          message: '“a”, “week”, “-1” are not a number of days; write whole days, such as 28, 7, 0',
        },
        { where: 'overdueEveryDays', message: 'write a whole number of days, such as 7' },
      ],
    });
    expect(policyFrom({ daysBefore: '2.5', overdueEveryDays: '' })).toMatchObject({
      problems: [
        { where: 'daysBefore', message: expect.stringMatching(/^“2.5” is not/) },
        { where: 'overdueEveryDays' },
      ],
    });
  });

  it('puts the server’s problems beside their fields, naming the day a problem is about', () => {
    expect(fieldOf('daysBefore.3')).toBe('daysBefore');
    expect(fieldOf('overdueEveryDays')).toBe('overdueEveryDays');
    expect(fieldOf('body')).toBeUndefined();
    const asked = { daysBefore: [90, 7, 7], overdueEveryDays: 30 };
    const problems = [
      {
        where: 'daysBefore.0',
        message: 'must be a whole number of days from 0 (the day itself) to 84 (12 weeks)',
      },
      { where: 'daysBefore.2', message: '7 days before is listed twice' },
      { where: 'overdueEveryDays', message: 'must be a whole number of days from 1 to 28' },
    ];
    expect(messageFor(problems, 'daysBefore', asked)).toBe(
      '90: must be a whole number of days from 0 (the day itself) to 84 (12 weeks); 7 days before is listed twice',
    );
    expect(messageFor(problems, 'overdueEveryDays', asked)).toBe(
      'must be a whole number of days from 1 to 28',
    );
    expect(messageFor([], 'daysBefore')).toBeUndefined();
  });
});
