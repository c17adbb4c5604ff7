import { describe, expect, it } from 'vitest';
import type { Child, TransferKind } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { clockFor, type DateKey } from '../../bot/src/review/clock.ts';
import type { PlainDate } from '../../bot/src/review/plain-date.ts';
import { type LaPolicy, STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { d, makeChild, makeFile, makeMeeting, makeReview } from './factories.ts';

const TODAY = '2025-06-01';

/** The date `key` of the clock on `today`, or undefined when the clock has no such date. */
function dateOf(
  file: CaseFile,
  key: DateKey,
  policy: Partial<LaPolicy> = {},
  today = TODAY,
): PlainDate | undefined {
  return clockFor(file, d(today), { ...STATUTORY_DEFAULTS, ...policy }).dates[key]?.date;
}

/** A case whose current review has its meeting on `on`. */
function withMeeting(on: string): CaseFile {
  return makeFile({}, makeReview({ meeting: makeMeeting(on) }));
}

/** A case whose current review has been decided 'amend', the proposal served on `noticeOn`. */
function withAmendment(noticeOn: string, meeting = '2025-05-12'): CaseFile {
  return makeFile(
    {},
    makeReview({ stage: 'decided', meeting: makeMeeting(meeting), amendment: { noticeOn: d(noticeOn) } }),
  );
}

describe('REVIEW_DUE: the review decision is due within 12 months', () => {
  it.each([
    ['2024-03-10', '2025-03-09'],
    ['2023-03-01', '2024-02-29'],
    ['2024-02-29', '2025-02-28'],
    ['2024-12-31', '2025-12-30'],
  ])('of a plan issued on %s, with no review since, by %s', (issued, by) => {
    expect(dateOf(makeFile({ planIssuedOn: d(issued) }), 'review_by')).toBe(by);
  });

  it.each([
    ['2025-03-10', '2026-03-09'],
    ['2024-03-01', '2025-02-28'],
    ['2023-03-01', '2024-02-29'],
  ])('starting with the last review decision on %s, by %s', (decided, by) => {
    const file = makeFile({ planIssuedOn: d('2019-06-15'), lastReviewDecisionOn: d(decided) });
    expect(dateOf(file, 'review_by')).toBe(by);
  });

  it('is not counted from the date a plan was finalised after amendment', () => {
    const file = makeFile(
      { lastReviewDecisionOn: d('2025-03-10') },
      makeReview({
        stage: 'amending',
        amendment: { noticeOn: d('2025-03-10'), finalIssuedOn: d('2025-05-01') },
      }),
    );
    expect(dateOf(file, 'review_by')).toBe('2026-03-09');
  });

  it('follows an LA policy with another review period', () => {
    expect(
      dateOf(makeFile({ lastReviewDecisionOn: d('2025-03-10') }), 'review_by', { reviewMonths: 6 }),
    ).toBe('2025-09-09');
  });

  it('says why, naming where the period starts', () => {
    const due = clockFor(makeFile({ lastReviewDecisionOn: d('2025-03-10') }), d(TODAY)).dates.review_by;
    expect(due).toMatchObject({ date: '2026-03-09', rule: 'REVIEW_DUE', recommended: false });
    expect(due?.explanation).toBe(
      'The LA must notify its review decision by this date: 12 months starting with the last review decision (10 March 2025).',
    );
    expect(clockFor(makeFile(), d(TODAY)).dates.review_by?.explanation).toContain(
      'the date the plan was made (10 March 2024)',
    );
  });
});

describe('DECISION_DUE: the latest meeting date leaves 4 weeks for the decision before the review-by date', () => {
  it.each([
    ['2025-03-10', '2026-02-09'],
    ['2024-03-01', '2025-01-31'],
    ['2023-03-01', '2024-02-01'],
  ])('after a review decision on %s, the meeting is held by %s', (decided, latest) => {
    const file = makeFile({ lastReviewDecisionOn: d(decided) });
    expect(dateOf(file, 'latest_meeting')).toBe(latest);
    expect(clockFor(file, d(TODAY)).dates.latest_meeting?.rule).toBe('DECISION_DUE');
  });

  it('is there before any review is started', () => {
    expect(dateOf(makeFile(), 'latest_meeting')).toBe('2025-02-09');
  });

  it('moves with the LA decision period', () => {
    expect(dateOf(makeFile(), 'latest_meeting', { decisionWeeks: 6 })).toBe('2025-01-26');
  });
});

describe('dates counted from the meeting', () => {
  it.each([
    ['2025-05-12', '2025-04-28'],
    ['2025-01-08', '2024-12-25'],
    ['2024-03-07', '2024-02-22'],
  ])(
    'INVITE_NOTICE: for a meeting on %s, invitations go out at least 2 weeks before, by %s',
    (meeting, by) => {
      expect(dateOf(withMeeting(meeting), 'invite_by')).toBe(by);
    },
  );

  it.each([
    ['2025-05-12', '2025-04-28'],
    ['2025-01-08', '2024-12-25'],
    ['2024-03-07', '2024-02-22'],
  ])(
    'ADVICE_CIRCULATED: for a meeting on %s, advice is circulated at least 2 weeks before, by %s',
    (meeting, by) => {
      expect(dateOf(withMeeting(meeting), 'advice_by')).toBe(by);
    },
  );

  it.each([
    ['2025-05-12', '2025-05-26'],
    ['2025-12-22', '2026-01-05'],
    ['2024-02-20', '2024-03-05'],
  ])('REPORT_DUE: the report of a meeting on %s is due 2 weeks after it, by %s', (meeting, by) => {
    expect(dateOf(withMeeting(meeting), 'report_by')).toBe(by);
  });

  it.each([
    ['2025-05-12', '2025-06-09'],
    ['2025-12-22', '2026-01-19'],
    ['2024-02-08', '2024-03-07'],
  ])('DECISION_DUE: the decision on a meeting on %s is due within 4 weeks, by %s', (meeting, by) => {
    expect(dateOf(withMeeting(meeting), 'decision_by')).toBe(by);
  });

  it('each names its rule and the meeting', () => {
    const { dates } = clockFor(withMeeting('2025-05-12'), d(TODAY));
    expect([
      dates.invite_by?.rule,
      dates.advice_by?.rule,
      dates.report_by?.rule,
      dates.decision_by?.rule,
    ]).toEqual(['INVITE_NOTICE', 'ADVICE_CIRCULATED', 'REPORT_DUE', 'DECISION_DUE']);
    expect(dates.report_by?.explanation).toBe(
      'Send the report of the meeting to everyone invited by this date: within 2 weeks of the meeting (12 May 2025).',
    );
  });

  it('follow the durations the LA configures', () => {
    const policy = { inviteNoticeWeeks: 3, adviceWeeks: 1, reportWeeks: 1, decisionWeeks: 6 };
    const file = withMeeting('2025-05-12');
    expect(dateOf(file, 'invite_by', policy)).toBe('2025-04-21');
    expect(dateOf(file, 'advice_by', policy)).toBe('2025-05-05');
    expect(dateOf(file, 'report_by', policy)).toBe('2025-05-19');
    expect(dateOf(file, 'decision_by', policy)).toBe('2025-06-23');
    expect(
      clockFor(file, d(TODAY), { ...STATUTORY_DEFAULTS, ...policy }).dates.report_by?.explanation,
    ).toContain('within 1 week of');
  });

  it('are not there until the meeting has a date', () => {
    const { dates } = clockFor(makeFile({}, makeReview()), d(TODAY));
    expect(Object.keys(dates)).toEqual(['review_by', 'latest_meeting']);
  });

  it('are not there for an abandoned review, which returns the case to its previous due date', () => {
    const file = makeFile({}, makeReview({ stage: 'abandoned', meeting: makeMeeting('2025-05-12') }));
    expect(Object.keys(clockFor(file, d(TODAY)).dates)).toEqual(['review_by', 'latest_meeting']);
  });
});

describe('AMEND_PROPOSAL: on amend, the proposed amendments go out with the decision', () => {
  it('so they are due within 4 weeks of the meeting, the decision date', () => {
    const file = makeFile(
      {},
      makeReview({
        stage: 'decided',
        meeting: makeMeeting('2025-05-12'),
        decision: {
          outcome: 'amend',
          decidedBy: 'Case Coordinator',
          notifiedOn: d('2025-06-05'),
          reason: 'x',
        },
        amendment: { noticeOn: d('2025-06-05') },
      }),
    );
    const decision = clockFor(file, d(TODAY)).dates.decision_by;
    expect(decision?.date).toBe('2025-06-09');
    expect(decision?.explanation).toContain('amend (with the proposed amendments)');
  });

  it('and the final plan is then due at most 12 weeks after the meeting (AMEND_FINAL)', () => {
    expect(dateOf(withAmendment('2025-06-09', '2025-05-12'), 'final_plan_by')).toBe('2025-08-04');
  });
});

describe('AMEND_REPRESENTATIONS: 15 days beginning with the day the proposed amendments were served', () => {
  it.each([
    ['2025-06-02', '2025-06-16'],
    ['2025-02-20', '2025-03-06'],
    ['2024-02-20', '2024-03-05'],
    ['2025-12-24', '2026-01-07'],
  ])('served on %s: representations until %s', (served, until) => {
    expect(dateOf(withAmendment(served), 'representations_end')).toBe(until);
  });

  it('follows the LA policy, counting the day served as day 1', () => {
    expect(dateOf(withAmendment('2025-06-02'), 'representations_end', { representationDays: 20 })).toBe(
      '2025-06-21',
    );
  });
});

describe('AMEND_FINAL: the final amended plan is issued within 8 weeks of the amendment notice', () => {
  it.each([
    ['2025-06-09', '2025-08-04'],
    ['2024-01-10', '2024-03-06'],
    ['2025-12-01', '2026-01-26'],
  ])('notice served on %s: final plan by %s', (served, by) => {
    expect(dateOf(withAmendment(served), 'final_plan_by')).toBe(by);
  });

  it('follows the LA policy', () => {
    expect(dateOf(withAmendment('2025-06-09'), 'final_plan_by', { finalPlanWeeks: 6 })).toBe('2025-07-21');
  });

  it('has no date, nor has representations_end, without an amendment notice', () => {
    const { dates } = clockFor(withMeeting('2025-05-12'), d(TODAY));
    expect(dates.final_plan_by).toBeUndefined();
    expect(dates.representations_end).toBeUndefined();
  });
});

describe('PHASE_TRANSFER: the plan naming the new setting is due before the move', () => {
  it.each<[TransferKind, string, string, string]>([
    ['early-years-to-school', '2026-09-03', '2026-02-15', '2025-11-23'],
    ['infant-to-junior', '2026-09-03', '2026-02-15', '2025-11-23'],
    ['primary-to-middle', '2026-09-03', '2026-02-15', '2025-11-23'],
    ['primary-to-secondary', '2026-09-02', '2026-02-15', '2025-11-23'],
    ['middle-to-secondary', '2027-09-01', '2027-02-15', '2026-11-23'],
    ['secondary-to-post16', '2026-09-07', '2026-03-31', '2026-01-06'],
    ['post16-to-post16', '2026-09-01', '2026-04-01', '2026-01-07'],
    ['post16-to-post16', '2026-07-31', '2026-02-28', '2025-12-06'],
    ['post16-to-post16', '2028-07-31', '2028-02-29', '2027-12-07'],
  ])('%s on %s: by %s, the meeting by %s (84 days before)', (kind, on, by, meetingBy) => {
    const file = makeFile({ phaseTransfer: { kind, on: d(on) } });
    const { phase_transfer_by, transfer_meeting_by } = clockFor(file, d(TODAY)).dates;
    expect(phase_transfer_by).toMatchObject({ date: by, rule: 'PHASE_TRANSFER' });
    expect(transfer_meeting_by).toMatchObject({
      date: meetingBy,
      rule: 'PHASE_TRANSFER',
      recommended: false,
    });
  });

  it('transfer_meeting_by leaves the decision (4 weeks) and the final plan (8 weeks) before the deadline', () => {
    const file = makeFile({ phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') } });
    expect(clockFor(file, d(TODAY)).dates.transfer_meeting_by?.explanation).toBe(
      'Hold the meeting by this date to leave 4 weeks for the decision and 8 weeks for the final amended ' +
        'plan before the phase transfer deadline (15 February 2026).',
    );
    expect(dateOf(file, 'transfer_meeting_by', { decisionWeeks: 2, finalPlanWeeks: 6 })).toBe('2025-12-21');
  });

  it('transfer_meeting_by is done once the meeting is held, and overdue when it passes with none', () => {
    const transfer = { phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') } } as const;
    const none = clockFor(makeFile(transfer), d('2025-11-24'));
    expect(none.overdue).toContain('transfer_meeting_by');
    const held = makeFile(transfer, makeReview({ stage: 'report', meeting: makeMeeting('2025-11-20') }));
    const clock = clockFor(held, d('2025-11-24'));
    expect(clock.dates.transfer_meeting_by?.done).toBe(true);
    expect(clock.overdue).not.toContain('transfer_meeting_by');
  });

  it('between post-16 institutions, follows the months the LA configures', () => {
    const file = makeFile({ phaseTransfer: { kind: 'post16-to-post16', on: d('2026-09-01') } });
    expect(dateOf(file, 'phase_transfer_by', { post16TransferMonths: 6 })).toBe('2026-03-01');
  });

  it('says which deadline applies', () => {
    const file = makeFile({ phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') } });
    expect(clockFor(file, d(TODAY)).dates.phase_transfer_by?.explanation).toBe(
      'Complete the review and issue the plan amended to name the new setting by this date: ' +
        '15 February of the year of a move between phases (the move on 2 September 2026).',
    );
  });

  it('has no date without a phase transfer', () => {
    expect(dateOf(makeFile(), 'phase_transfer_by')).toBeUndefined();
    expect(dateOf(makeFile(), 'transfer_meeting_by')).toBeUndefined();
  });
});

describe('UNDER_FIVE: for a child under 5 a review is recommended every 6 months', () => {
  const under5 = (lastReviewDecisionOn?: string) =>
    makeFile({
      child: makeChild({ dateOfBirth: d('2022-05-01') }),
      ...(lastReviewDecisionOn ? { lastReviewDecisionOn: d(lastReviewDecisionOn) } : {}),
    });

  it.each([
    ['the plan issued on 10 March 2024', '2024-09-09', undefined],
    ['the last review decision on 10 March 2025', '2025-09-09', '2025-03-10'],
    ['the last review decision on 31 August 2024', '2025-02-28', '2024-08-31'],
  ])('starting with %s, recommended by %s', (_, by, lastDecision) => {
    const due = clockFor(under5(lastDecision), d(TODAY)).dates.recommended_review;
    expect(due).toMatchObject({ date: by, rule: 'UNDER_FIVE', recommended: true, done: false });
    expect(due?.explanation).toMatch(/^Recommended, not a legal deadline/);
  });

  it('or every 3 months where the LA says so', () => {
    expect(dateOf(under5(), 'recommended_review', { underFiveMonths: 3 })).toBe('2024-06-09');
  });

  it.each([
    ['2020-01-10', '2025-01-09', true],
    ['2020-01-10', '2025-01-10', false], // 5 today
    ['2020-02-29', '2025-02-28', true], // born 29 February: 5 on 1 March in a year without one
    ['2020-02-29', '2025-03-01', false],
  ])('born %s: on %s the recommendation applies: %s', (born, today, applies) => {
    const file = makeFile({ child: makeChild({ dateOfBirth: d(born) }) });
    expect(dateOf(file, 'recommended_review', {}, today) !== undefined).toBe(applies);
  });
});

describe('PREPARING_FOR_ADULTHOOD: required from Year 9', () => {
  it.each([
    ['2025-07-10', 8, false], // Year 8 in 2024/25
    ['2025-09-10', 9, true], // Year 9 from 1 September 2025
    ['2027-06-30', 10, true],
  ])('born 15 October 2011, meeting on %s: Year %i, required: %s', (meeting, year, required) => {
    const clock = clockFor(withMeeting(meeting), d('2025-06-01'));
    expect(clock.ncYear).toBe(year);
    expect(clock.pfaRequired).toBe(required);
  });

  it('is judged at the meeting, not today', () => {
    const clock = clockFor(withMeeting('2025-09-15'), d('2025-08-20'));
    expect([clock.ncYear, clock.pfaRequired]).toEqual([9, true]);
  });

  it.each([
    ['2025-08-31', false],
    ['2025-09-01', true],
  ])('with no meeting set, is judged on today, %s: %s', (today, required) => {
    expect(clockFor(makeFile(), d(today)).pfaRequired).toBe(required);
  });

  it('follows a recorded NC year: a child taught a year below is not yet in Year 9', () => {
    const heldBack = makeChild({ ncYear: { year: 8, academicYearStart: 2025 } });
    const file = makeFile({ child: heldBack }, makeReview({ meeting: makeMeeting('2025-11-10') }));
    expect(clockFor(file, d('2025-10-01'))).toMatchObject({ ncYear: 8, pfaRequired: false });
    const nextYear = makeFile({ child: heldBack }, makeReview({ meeting: makeMeeting('2026-11-10') }));
    expect(clockFor(nextYear, d('2026-10-01'))).toMatchObject({ ncYear: 9, pfaRequired: true });
  });

  it('follows a recorded NC year: a child taught a year above is already in Year 9', () => {
    const movedUp = makeChild({ dateOfBirth: d('2012-10-15'), ncYear: { year: 9, academicYearStart: 2025 } });
    expect(clockFor(makeFile({ child: movedUp }), d('2025-10-01'))).toMatchObject({
      ncYear: 9,
      pfaRequired: true,
    });
  });
});

describe('rules the clock holds', () => {
  const decision = { outcome: 'maintain', decidedBy: 'la-tenant/casey', reason: 'Needs unchanged' } as const;

  it('REVIEW_DUE restarts from a decision only once the review has reached decided', () => {
    const atStage = (stage: 'submitted' | 'decided') =>
      makeFile(
        { planIssuedOn: d('2024-03-10') },
        makeReview({
          stage,
          meeting: makeMeeting('2025-02-03'),
          decision: { ...decision, notifiedOn: d('2025-03-01') },
        }),
      );
    expect(dateOf(atStage('submitted'), 'review_by')).toBe('2025-03-09');
    expect(dateOf(atStage('decided'), 'review_by')).toBe('2026-02-28');
  });

  it('DECISION_DUE: a meeting whose day has passed while the review never reached the meeting stage is not held', () => {
    const file = (stage: 'contributing' | 'meeting') =>
      makeFile({}, makeReview({ stage, meeting: makeMeeting('2025-02-01') }));
    const notProgressed = clockFor(file('contributing'), d('2025-02-20'));
    expect(notProgressed.dates.latest_meeting?.done).toBe(false);
    expect(notProgressed.overdue).toContain('latest_meeting');
    const progressed = clockFor(file('meeting'), d('2025-02-20'));
    expect(progressed.dates.latest_meeting?.done).toBe(true);
    expect(progressed.overdue).not.toContain('latest_meeting');
  });

  it('each explanation states its period with its unit, as the LA configures it', () => {
    const policy: LaPolicy = {
      ...STATUTORY_DEFAULTS,
      inviteNoticeWeeks: 3,
      adviceWeeks: 1,
      decisionWeeks: 5,
      representationDays: 14,
      finalPlanWeeks: 7,
      post16TransferMonths: 4,
      underFiveMonths: 3,
    };
    const meetingAndAmendment = makeFile(
      {
        child: makeChild({ dateOfBirth: d('2022-01-10') }),
        phaseTransfer: { kind: 'post16-to-post16', on: d('2026-09-01') },
      },
      makeReview({
        stage: 'decided',
        meeting: makeMeeting('2025-05-12'),
        amendment: { noticeOn: d('2025-06-02') },
      }),
    );
    const { dates } = clockFor(meetingAndAmendment, d(TODAY), policy);
    expect(dates.invite_by?.explanation).toContain('3 weeks before the meeting');
    expect(dates.advice_by?.explanation).toContain('1 week before the meeting');
    expect(dates.decision_by?.explanation).toContain('within 5 weeks of the meeting');
    expect(dates.representations_end?.explanation).toContain('14 days beginning with');
    expect(dates.final_plan_by?.explanation).toContain('within 7 weeks of the amendment notice');
    expect(dates.phase_transfer_by?.explanation).toContain('at least 4 months before a move');
    expect(dates.recommended_review?.explanation).toContain('within 3 months starting with');
  });
});

/*
 * The clock writes each explanation once for the numbers and the date it names, and gives it again to
 * every plan that names the same: these tests use dates and numbers no other test here uses, so each is
 * the first to ask for its sentences.
 */
describe('each explanation names its own numbers and dates, however many plans share some of them', () => {
  const decision = { outcome: 'maintain', decidedBy: 'la-tenant/casey', reason: 'Needs unchanged' } as const;
  const start = d('2031-04-07');
  const today = d('2031-06-02');
  /** Three plans whose review period starts on the same day, each from another event. */
  const plansOf = (child: Child) => ({
    decided: makeFile(
      { child },
      makeReview({
        stage: 'decided',
        meeting: makeMeeting('2031-03-03'),
        decision: { ...decision, notifiedOn: start },
      }),
    ),
    lastDecision: makeFile({ child, lastReviewDecisionOn: start }),
    planMade: makeFile({ child, planIssuedOn: start }),
  });
  // Over 5, so that this test writes no UNDER_FIVE sentence before the test of those.
  const plans = plansOf(makeChild({ dateOfBirth: d('2020-01-15') }));
  const under5 = plansOf(makeChild({ dateOfBirth: d('2029-01-15') }));

  it('REVIEW_DUE: a period starting the same day from another event says which event', () => {
    const why = (file: CaseFile) => clockFor(file, today).dates.review_by?.explanation;
    expect(why(plans.decided)).toContain("12 months starting with this review's decision (7 April 2031)");
    expect(why(plans.lastDecision)).toContain(
      '12 months starting with the last review decision (7 April 2031)',
    );
    expect(why(plans.planMade)).toContain(
      '12 months starting with the date the plan was made (7 April 2031)',
    );
  });

  it('UNDER_FIVE: a period starting the same day from another event says which event', () => {
    const why = (file: CaseFile) => clockFor(file, today).dates.recommended_review?.explanation;
    expect(why(under5.decided)).toContain(
      "within 6 months starting with this review's decision (7 April 2031)",
    );
    expect(why(under5.lastDecision)).toContain('within 6 months starting with the last review decision');
    expect(why(under5.planMade)).toContain('within 6 months starting with the date the plan was made');
  });

  it('PHASE_TRANSFER: the meeting before the same deadline names the weeks of each policy', () => {
    const file = makeFile({ phaseTransfer: { kind: 'infant-to-junior', on: d('2033-09-05') } });
    const why = (decisionWeeks: number, finalPlanWeeks: number) =>
      clockFor(file, today, { ...STATUTORY_DEFAULTS, decisionWeeks, finalPlanWeeks }).dates
        .transfer_meeting_by?.explanation;
    expect(why(3, 9)).toContain('leave 3 weeks for the decision and 9 weeks for the final amended plan');
    expect(why(9, 3)).toContain('leave 9 weeks for the decision and 3 weeks for the final amended plan');
    expect(why(3, 10)).toContain('leave 3 weeks for the decision and 10 weeks for the final amended plan');
    expect(why(3, 9)).toContain('(15 February 2033)');
  });

  it('the weeks before and after a meeting each state their unit, one week or several', () => {
    const file = makeFile({}, makeReview({ stage: 'meeting', meeting: makeMeeting('2032-10-11') }));
    const policy = (weeks: number): LaPolicy => ({
      ...STATUTORY_DEFAULTS,
      inviteNoticeWeeks: weeks,
      adviceWeeks: weeks,
      reportWeeks: weeks,
      decisionWeeks: weeks,
    });
    for (const [weeks, words] of [
      [1, '1 week'],
      [7, '7 weeks'],
    ] as const) {
      const { dates } = clockFor(file, d('2032-06-01'), policy(weeks));
      expect(dates.latest_meeting?.explanation).toContain(
        `leave ${words} for the decision before the review-by date`,
      );
      expect(dates.invite_by?.explanation).toContain(
        `by this date, ${words} before the meeting (11 October 2032)`,
      );
      expect(dates.advice_by?.explanation).toContain(
        `at least ${words} before the meeting (11 October 2032)`,
      );
      expect(dates.report_by?.explanation).toContain(`within ${words} of the meeting (11 October 2032)`);
      expect(dates.decision_by?.explanation).toContain(`within ${words} of the meeting (11 October 2032)`);
    }
  });

  it('a phase transfer of a kind the clock does not know is refused, not given a date', () => {
    const file = makeFile({ phaseTransfer: { kind: 'sideways' as TransferKind, on: d('2033-09-05') } });
    expect(() => clockFor(file, today)).toThrow(RangeError);
  });
});
