import { describe, expect, it } from 'vitest';
import { addDays } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { byUrgency, type CaseSummary, isLive, summarise } from '../../bot/src/review/summary.ts';
import { makeSummary } from '../cards/factories.ts';
import { d, makeFile, makeMeeting, makeReview } from './factories.ts';

const policy = STATUTORY_DEFAULTS;

describe('the summary of a case', () => {
  it('carries the deadline (here the review-by date) with its rule and explanation, the clock’s overdue dates and PfA', () => {
    const summary = summarise(makeFile(), d('2025-03-20'), policy, 'Harbour Primary School');
    expect(summary).toMatchObject({
      laCode: '860',
      caseId: 'CASE-0001',
      childName: 'Sam Fictional',
      settingName: 'Harbour Primary School',
      stage: 'pending',
      deadline: {
        key: 'review_by',
        date: d('2025-03-09'),
        rule: 'REVIEW_DUE',
        explanation: expect.stringContaining('10 March 2024'),
      },
      overdue: ['review_by', 'latest_meeting'],
      pfaRequired: false,
    });
  });

  it('leaves the setting name out when it is not known', () => {
    expect(summarise(makeFile(), d('2025-01-06'), policy)).not.toHaveProperty('settingName');
  });

  it('requires preparing for adulthood from Year 9 (PREPARING_FOR_ADULTHOOD)', () => {
    expect(summarise(makeFile(), d('2025-10-01'), policy).pfaRequired).toBe(true);
  });

  it('is due soon when the next action is due today or within 14 days, not after, and not when already late', () => {
    // Writing the report of a meeting on 3 February 2025: it is due by 17 February (REPORT_DUE).
    const file = makeFile({}, makeReview({ stage: 'report', meeting: makeMeeting('2025-02-03') }));
    const dueSoonOn = (on: string) => summarise(file, d(on), policy).dueSoon;
    expect(dueSoonOn('2025-02-02')).toBe(false);
    expect(dueSoonOn('2025-02-03')).toBe(true);
    expect(dueSoonOn('2025-02-17')).toBe(true);
    expect(dueSoonOn('2025-02-18')).toBe(false);
  });

  it('counts a case as live until its review closes or is abandoned', () => {
    expect(isLive(makeFile())).toBe(true);
    expect(isLive(makeFile({}, makeReview({ stage: 'amending' })))).toBe(true);
    expect(isLive(makeFile({}, makeReview({ stage: 'closed' })))).toBe(false);
    expect(isLive(makeFile({}, makeReview({ stage: 'abandoned' })))).toBe(false);
  });
});

describe('most urgent first', () => {
  const due = (n: number, on: string, extra: Partial<CaseSummary> = {}) =>
    makeSummary(n, { nextAction: { label: 'x', by: 'setting', yours: true, due: d(on) }, ...extra });

  it('puts overdue cases first, then the earliest due, then the undated, then by case id', () => {
    const undated = makeSummary(1, { nextAction: { label: 'Close the review', by: 'la', yours: true } });
    const later = due(2, '2026-12-20');
    const sooner = due(3, '2026-12-01');
    const overdue = due(4, '2026-12-30', { overdue: ['report_by'] });
    const sameDay = due(0, '2026-12-01');
    const sorted = [undated, later, sooner, overdue, sameDay].sort(byUrgency);
    expect(sorted.map((s) => s.caseId)).toEqual(['NS-0004', 'NS-0000', 'NS-0003', 'NS-0002', 'NS-0001']);
  });

  it('is a total order: sorting twice gives the same list', () => {
    const list = Array.from({ length: 20 }, (_, i) => due(i, addDays(d('2026-12-01'), i % 3)));
    expect([...list].sort(byUrgency)).toEqual([...list].reverse().sort(byUrgency));
  });
});

describe('rules the list order and the due-soon badge hold', () => {
  it('an action with no date is never due soon', () => {
    const decided = makeReview({
      stage: 'decided',
      decision: { outcome: 'maintain', decidedBy: 'la', notifiedOn: d('2025-02-20'), reason: 'ok' },
    });
    const summary = summarise(makeFile({}, decided), d('2025-02-21'), policy);
    expect(summary.nextAction.due).toBeUndefined();
    expect(summary.dueSoon).toBe(false);
  });

  it('on the same due date, by LA code, then by case id; the same case compares equal', () => {
    const action = { label: 'x', by: 'setting' as const, due: d('2026-12-01'), yours: true };
    const at = (laCode: string, caseId: string) => makeSummary(0, { laCode, caseId, nextAction: action });
    expect(byUrgency(at('860', 'B'), at('861', 'A'))).toBe(-1);
    expect(byUrgency(at('861', 'A'), at('860', 'B'))).toBe(1);
    expect(byUrgency(at('860', 'A'), at('860', 'B'))).toBe(-1);
    expect(byUrgency(at('860', 'B'), at('860', 'A'))).toBe(1);
    expect(byUrgency(at('860', 'A'), at('860', 'A'))).toBe(0);
  });
});
