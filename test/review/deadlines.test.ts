import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { clockFor } from '../../bot/src/review/clock.ts';
import { caseDeadline, latestSensibleMeeting } from '../../bot/src/review/deadlines.ts';
import type { PlainDate } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { d, makeChild, makeFile } from './factories.ts';

const policy = STATUTORY_DEFAULTS;

/** Last review decision 10 March 2025: review by 9 March 2026, latest meeting 9 February 2026. */
const decided = { lastReviewDecisionOn: d('2025-03-10') } as const;

function deadlineOf(file: CaseFile, today = '2025-09-01') {
  return caseDeadline(clockFor(file, d(today), policy));
}

function latestOf(file: CaseFile, today: PlainDate = d('2025-09-01')) {
  return latestSensibleMeeting(clockFor(file, today, policy), today, policy);
}

describe('the case’s deadline: the earliest binding date', () => {
  it('is the review-by date without a phase transfer (REVIEW_DUE)', () => {
    expect(deadlineOf(makeFile(decided))).toEqual({
      key: 'review_by',
      date: '2026-03-09',
      rule: 'REVIEW_DUE',
      explanation: expect.stringContaining('12 months starting with the last review decision'),
    });
  });

  it('is the phase transfer date when that comes first: 15 February before a March review-by date', () => {
    const file = makeFile({
      ...decided,
      phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
    });
    expect(deadlineOf(file)).toEqual({
      key: 'phase_transfer_by',
      date: '2026-02-15',
      rule: 'PHASE_TRANSFER',
      explanation: expect.stringContaining('name the new setting'),
    });
  });

  it('stays the review-by date when the transfer comes after it', () => {
    const file = makeFile({
      ...decided,
      phaseTransfer: { kind: 'secondary-to-post16', on: d('2027-09-06') },
    });
    expect(deadlineOf(file).key).toBe('review_by');
  });

  it('is the review-by date again once a plan names the new setting', () => {
    const file = makeFile({
      ...decided,
      phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02'), namedInPlanOn: d('2026-01-20') },
    });
    expect(deadlineOf(file, '2026-01-25')).toMatchObject({ key: 'review_by', date: '2026-03-09' });
  });
});

describe('the latest sensible meeting date', () => {
  it('leaves 4 weeks for the decision before the review-by date (DECISION_DUE)', () => {
    expect(latestOf(makeFile(decided))).toEqual({
      date: '2026-02-09',
      rule: 'DECISION_DUE',
      explanation: expect.stringContaining('4 weeks for the decision'),
      recommended: false,
    });
  });

  it('is the transfer meeting date when that is earlier (PHASE_TRANSFER, 84 days before the deadline)', () => {
    const file = makeFile({
      ...decided,
      phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
    });
    expect(latestOf(file)).toMatchObject({ date: '2025-11-23', rule: 'PHASE_TRANSFER', recommended: false });
    // The clock shows the same date for the transfer: the two cannot disagree.
    expect(clockFor(file, d('2025-09-01'), policy).dates.transfer_meeting_by?.date).toBe('2025-11-23');
  });

  it('ignores the transfer once a plan names the new setting', () => {
    const file = makeFile({
      ...decided,
      phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02'), namedInPlanOn: d('2025-08-20') },
    });
    expect(latestOf(file)).toMatchObject({ date: '2026-02-09', rule: 'DECISION_DUE' });
  });

  it('for a child under 5, is the recommended review less 4 weeks while it is ahead (UNDER_FIVE, recommended)', () => {
    const file = makeFile({
      child: makeChild({ dateOfBirth: d('2022-06-01') }),
      planIssuedOn: d('2024-10-01'),
    });
    // Recommended review by 31 March 2025; statutory review by 30 September 2025.
    expect(latestOf(file, d('2025-01-06'))).toEqual({
      date: '2025-03-03',
      rule: 'UNDER_FIVE',
      explanation: expect.stringMatching(/^Recommended, not a legal deadline: .*31 March 2025/),
      recommended: true,
    });
    expect(latestOf(file, d('2025-04-01'))).toMatchObject({ date: '2025-09-02', rule: 'DECISION_DUE' });
  });

  it('prefers the statutory date on a tie', () => {
    // Review by 14 May 2026, latest meeting 16 April; a post-16 move on 9 December 2026 is due by
    // 9 July 2026, whose meeting is due 84 days before: 16 April too.
    const file = makeFile({
      lastReviewDecisionOn: d('2025-05-15'),
      phaseTransfer: { kind: 'post16-to-post16', on: d('2026-12-09') },
    });
    const clock = clockFor(file, d('2025-09-01'), policy);
    expect(clock.dates.latest_meeting?.date).toBe(clock.dates.transfer_meeting_by?.date);
    expect(latestSensibleMeeting(clock, d('2025-09-01'), policy).rule).toBe('DECISION_DUE');
  });
});

describe('rules the latest sensible meeting holds', () => {
  const transfer = makeFile({
    ...decided,
    phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
  });

  it('the meeting date a phase transfer needs counts whatever else the dates hold', () => {
    const today = d('2025-09-01');
    const { phase_transfer_by: _derivedWithIt, ...dates } = clockFor(transfer, today, policy).dates;
    expect(latestSensibleMeeting({ dates }, today, policy)).toMatchObject({
      date: '2025-11-23',
      rule: 'PHASE_TRANSFER',
    });
  });

  it('a clock without the latest meeting date is a bug, not a case with no deadline', () => {
    const today = d('2025-09-01');
    const { latest_meeting: _missing, ...dates } = clockFor(makeFile(decided), today, policy).dates;
    expect(() => latestSensibleMeeting({ dates }, today, policy)).toThrow('latest_meeting');
  });
});
