import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { clockFor, DATE_KEYS, type DateKey } from '../../bot/src/review/clock.ts';
import { type Review, reached, type Stage } from '../../bot/src/review/review.ts';
import { d, makeChild, makeFile, makeMeeting, makeReview } from './factories.ts';

// Last review decision 10 March 2025: review by 9 March 2026, meeting by 9 February 2026.
// Meeting 12 January 2026: invitations and advice by 29 December 2025, report by 26 January 2026,
// decision by 9 February 2026.
const LAST_DECISION = d('2025-03-10');
const MEETING = '2026-01-12';

/** The LA notified its decision on 1 February 2026, once the review reached `decided`. */
const DECIDED_ON = d('2026-02-01');

function file(review?: Partial<Review>): CaseFile {
  const decided = review?.stage && reached(review.stage, 'decided');
  const decision = {
    outcome: 'maintain',
    decidedBy: 'la/casey',
    notifiedOn: DECIDED_ON,
    reason: 'No change',
  } as const;
  return makeFile(
    { lastReviewDecisionOn: LAST_DECISION },
    review
      ? makeReview({ meeting: makeMeeting(MEETING), ...(decided ? { decision } : {}), ...review })
      : undefined,
  );
}

function doneKeys(f: CaseFile, today: string): DateKey[] {
  const { dates } = clockFor(f, d(today));
  return DATE_KEYS.filter((key) => dates[key]?.done);
}

describe('a date is done once the review reaches the stage that does its step', () => {
  it.each<[Stage, string, DateKey[]]>([
    ['arranging', '2025-12-01', []],
    ['contributing', '2025-12-01', ['invite_by']], // invitations sent
    ['meeting', '2026-01-05', ['invite_by', 'advice_by']], // advice circulated, meeting still to come
    ['meeting', MEETING, ['latest_meeting', 'invite_by', 'advice_by']], // the meeting day: held
    ['report', '2026-01-13', ['latest_meeting', 'invite_by', 'advice_by']],
    ['submitted', '2026-01-20', ['latest_meeting', 'invite_by', 'advice_by', 'report_by']],
    // Decided: review_by and latest_meeting are now the next review's, still to come (REVIEW_DUE).
    ['decided', '2026-02-01', ['invite_by', 'advice_by', 'report_by', 'decision_by']],
    ['closed', '2026-02-01', ['invite_by', 'advice_by', 'report_by', 'decision_by']],
  ])('at %s on %s: %j', (stage, today, done) => {
    expect(doneKeys(file({ stage }), today)).toEqual(done);
  });

  it('REVIEW_DUE: once the decision is notified, the next review is due 12 months starting with it', () => {
    const { dates, overdue } = clockFor(file({ stage: 'decided' }), d('2027-02-01'));
    expect(dates.review_by?.date).toBe('2027-01-31');
    expect(dates.review_by?.explanation).toContain("this review's decision (1 February 2026)");
    expect(dates.latest_meeting?.date).toBe('2027-01-03');
    expect(overdue).toEqual(['review_by', 'latest_meeting']);
  });

  it('none is done before a review is started', () => {
    expect(doneKeys(file(), '2025-12-01')).toEqual([]);
  });

  it('none is done for an abandoned review', () => {
    expect(doneKeys(file({ stage: 'abandoned' }), '2025-12-01')).toEqual([]);
  });

  it('final_plan_by and phase_transfer_by are done when the final amended plan is issued', () => {
    const amending = (finalIssuedOn?: string) =>
      makeFile(
        {
          lastReviewDecisionOn: LAST_DECISION,
          phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
        },
        makeReview({
          stage: 'amending',
          meeting: makeMeeting(MEETING),
          amendment: {
            noticeOn: d('2026-02-02'),
            finalIssuedOn: finalIssuedOn ? d(finalIssuedOn) : undefined,
          },
        }),
      );
    expect(doneKeys(amending(), '2026-02-10')).not.toContain('final_plan_by');
    expect(doneKeys(amending(), '2026-02-10')).not.toContain('phase_transfer_by');
    expect(doneKeys(amending('2026-02-12'), '2026-02-20')).toEqual(
      expect.arrayContaining(['final_plan_by', 'phase_transfer_by']),
    );
  });

  it('phase_transfer_by stays done after the review closes, once a plan named the new setting', () => {
    const closed = makeFile({
      lastReviewDecisionOn: d('2026-02-02'),
      phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02'), namedInPlanOn: d('2026-02-12') },
    });
    expect(doneKeys(closed, '2026-02-20')).toEqual(['phase_transfer_by', 'transfer_meeting_by']);
    expect(clockFor(closed, d('2026-02-20')).overdue).toEqual([]);
  });

  it('representations_end and recommended_review are never a step of the LA, so never done', () => {
    const under5 = makeFile(
      { child: makeChild({ dateOfBirth: d('2022-05-01') }) },
      makeReview({
        stage: 'closed',
        amendment: { noticeOn: d('2025-03-01'), finalIssuedOn: d('2025-04-01') },
      }),
    );
    const { dates } = clockFor(under5, d('2025-06-01'));
    expect([dates.representations_end?.done, dates.recommended_review?.done]).toEqual([false, false]);
  });
});

describe('what is overdue today', () => {
  it('the last permitted day itself is not overdue; the day after it is', () => {
    expect(clockFor(file(), d('2026-02-09')).overdue).toEqual([]);
    expect(clockFor(file(), d('2026-02-10')).overdue).toEqual(['latest_meeting']);
    expect(clockFor(file(), d('2026-03-09')).overdue).toEqual(['latest_meeting']);
    expect(clockFor(file(), d('2026-03-10')).overdue).toEqual(['review_by', 'latest_meeting']);
  });

  it.each<[Stage, string, DateKey[]]>([
    ['arranging', '2025-12-30', ['invite_by', 'advice_by']], // invitations not sent 2 weeks before
    ['contributing', '2025-12-30', ['advice_by']], // advice not circulated 2 weeks before
    ['meeting', '2026-01-27', ['report_by']], // meeting held, no report
    ['report', '2026-02-10', ['report_by', 'decision_by']],
    ['submitted', '2026-02-10', ['decision_by']],
    ['submitted', '2026-03-10', ['review_by', 'decision_by']],
    ['decided', '2026-03-10', []],
  ])('at %s on %s: %j', (stage, today, overdue) => {
    expect(clockFor(file({ stage }), d(today)).overdue).toEqual(overdue);
  });

  it('a step done late is done, not overdue', () => {
    expect(clockFor(file({ stage: 'contributing' }), d('2026-01-05')).overdue).toEqual(['advice_by']);
    expect(clockFor(file({ stage: 'meeting' }), d('2026-01-05')).overdue).toEqual([]);
  });

  it('a meeting set after the latest meeting date leaves that date overdue until it is held', () => {
    const late = makeFile(
      { lastReviewDecisionOn: LAST_DECISION },
      makeReview({ stage: 'meeting', meeting: makeMeeting('2026-02-20') }),
    );
    expect(clockFor(late, d('2026-02-12')).overdue).toEqual(['latest_meeting']);
    expect(clockFor(late, d('2026-02-20')).overdue).toEqual([]);
  });

  it('the final plan is overdue 8 weeks after the amendment notice, the end of representations never is', () => {
    const amending = (finalIssuedOn?: string) =>
      file({
        stage: 'amending',
        decision: {
          outcome: 'amend',
          decidedBy: 'la/casey',
          notifiedOn: d('2026-02-09'),
          reason: 'New need',
        },
        amendment: { noticeOn: d('2026-02-09'), finalIssuedOn: finalIssuedOn ? d(finalIssuedOn) : undefined },
      });
    expect(clockFor(amending(), d('2026-04-06')).overdue).toEqual([]);
    expect(clockFor(amending(), d('2026-04-07')).overdue).toEqual(['final_plan_by']);
    expect(clockFor(amending('2026-04-20'), d('2026-05-01')).overdue).toEqual([]);
  });

  it('a phase transfer plan not issued by 15 February is overdue', () => {
    const transfer = makeFile({
      lastReviewDecisionOn: LAST_DECISION,
      phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
    });
    expect(clockFor(transfer, d('2026-02-15')).overdue).toEqual(['latest_meeting', 'transfer_meeting_by']);
    expect(clockFor(transfer, d('2026-02-16')).overdue).toEqual([
      'latest_meeting',
      'phase_transfer_by',
      'transfer_meeting_by',
    ]);
  });

  it('a recommended review for a child under 5 is never overdue (UNDER_FIVE is guidance)', () => {
    const under5 = makeFile({
      child: makeChild({ dateOfBirth: d('2022-05-01') }),
      lastReviewDecisionOn: d('2025-03-10'),
    });
    const clock = clockFor(under5, d('2025-10-01'));
    expect(clock.dates.recommended_review?.date).toBe('2025-09-09');
    expect(clock.overdue).toEqual([]);
  });
});
