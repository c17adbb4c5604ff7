import { describe, expect, it } from 'vitest';
import { caseCounts } from '../../../tab/src/cases/case-counts.ts';

const onTime = { overdue: [], dueSoon: false } as const;
const overdue = { overdue: ['review_by'], dueSoon: false } as const;
const dueSoon = { overdue: [], dueSoon: true } as const;

describe('the line above My live cases', () => {
  it('counts the cases, and how many are overdue or due soon', () => {
    expect(caseCounts([overdue, dueSoon, onTime])).toBe('3 live cases: 1 overdue, 1 due soon');
    expect(caseCounts([onTime])).toBe('1 live case');
    expect(caseCounts([])).toBe('0 live cases');
  });

  it('counts an overdue case once, even when it is also due soon', () => {
    expect(caseCounts([{ overdue: ['report_by'], dueSoon: true }])).toBe('1 live case: 1 overdue');
  });
});
