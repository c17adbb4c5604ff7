import { describe, expect, it } from 'vitest';
import { type Clock, DATE_KEYS, type DateKey, type DueDate } from '../../../bot/src/review/clock.ts';
import { plainDate } from '../../../bot/src/review/plain-date.ts';
import type { RuleId } from '../../../bot/src/review/rules.ts';
import { clockRows, dateStatus } from '../../../tab/src/cases/clock-rows.ts';

const today = plainDate('2026-11-23');

/** A due date on `date`, not done and not recommended unless told. */
function dueDate(key: DateKey, date: string, fields: Partial<DueDate> = {}): DueDate {
  const rule: RuleId = key === 'review_by' ? 'REVIEW_DUE' : 'DECISION_DUE';
  return {
    key,
    date: plainDate(date),
    rule,
    explanation: `Why ${key} is ${date}.`,
    recommended: false,
    done: false,
    ...fields,
  };
}

function clockOf(
  dates: readonly DueDate[],
  overdue: readonly DateKey[] = [],
): Pick<Clock, 'dates' | 'overdue'> {
  return { dates: Object.fromEntries(dates.map((due) => [due.key, due])), overdue };
}

describe('how a statutory date stands today', () => {
  it('is Done once its step is done, even after the date (on time or not)', () => {
    expect(dateStatus(dueDate('report_by', '2026-11-02', { done: true }), [], today)).toBe('done');
  });

  it('is Overdue when the clock says so: the tab does not decide it again', () => {
    expect(dateStatus(dueDate('decision_by', '2026-11-16'), ['decision_by'], today)).toBe('overdue');
    // Passed but not in the clock's list (the end of representations is no step the LA owes).
    expect(dateStatus(dueDate('representations_end', '2026-11-21'), [], today)).toBe('none');
  });

  it('is Recommended for guidance (UNDER_FIVE), never overdue in law, even once passed', () => {
    const recommended = dueDate('recommended_review', '2026-08-01', { recommended: true });
    expect(dateStatus(recommended, [], today)).toBe('recommended');
    expect(dateStatus({ ...recommended, date: plainDate('2026-11-25') }, [], today)).toBe('recommended');
  });

  it('is Due soon from today to 14 days ahead, both included, like the live cases list', () => {
    expect(dateStatus(dueDate('invite_by', '2026-11-23'), [], today)).toBe('due-soon');
    expect(dateStatus(dueDate('invite_by', '2026-12-07'), [], today)).toBe('due-soon');
    expect(dateStatus(dueDate('invite_by', '2026-12-08'), [], today)).toBe('none');
  });
});

describe('the rows of the statutory dates table', () => {
  it('lists every date in the clock order, whatever order the answer had them in', () => {
    const clock = clockOf([
      dueDate('decision_by', '2026-11-16'),
      dueDate('review_by', '2026-11-25'),
      dueDate('latest_meeting', '2026-10-28', { done: true }),
    ]);
    expect(clockRows(clock, today).map((row) => row.key)).toEqual([
      'review_by',
      'latest_meeting',
      'decision_by',
    ]);
  });

  it('says what each date is, when, how far from today, the rule, why and how it stands', () => {
    const clock = clockOf(
      [dueDate('review_by', '2026-11-25'), dueDate('decision_by', '2026-11-16')],
      ['decision_by'],
    );
    expect(clockRows(clock, today)).toEqual([
      {
        key: 'review_by',
        label: 'Review decision due (review by)',
        date: '2026-11-25',
        formatted: '25 November 2026',
        relative: 'in 2 days',
        rule: { id: 'REVIEW_DUE', title: 'Annual review due', source: 'CFA 2014 s.44(1); CoP 9.169' },
        explanation: 'Why review_by is 2026-11-25.',
        status: 'due-soon',
      },
      {
        key: 'decision_by',
        label: 'LA decision by',
        date: '2026-11-16',
        formatted: '16 November 2026',
        relative: '7 days ago',
        rule: {
          id: 'DECISION_DUE',
          title: 'Review decision',
          source: 'SEND Regs 2014 reg 20(10)-(11); CoP 9.176',
        },
        explanation: 'Why decision_by is 2026-11-16.',
        status: 'overdue',
      },
    ]);
  });

  it('lists every date the clock can derive, in the clock’s own order', () => {
    const clock = clockOf([...DATE_KEYS].reverse().map((key) => dueDate(key, '2026-12-01')));
    expect(clockRows(clock, today).map((row) => row.key)).toEqual(DATE_KEYS);
  });

  it('has no rows for dates the clock did not derive', () => {
    expect(clockRows(clockOf([]), today)).toEqual([]);
  });
});
