import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { clockFor } from '../../bot/src/review/clock.ts';
import { type NextAction, nextAction } from '../../bot/src/review/next-action.ts';
import type { PlainDate } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import type { AdviceRequest, Review } from '../../bot/src/review/review.ts';
import { d, makeChild, makeFile, makeMeeting, makeReview } from './factories.ts';

const policy = STATUTORY_DEFAULTS;
/** The plan was made on 10 March 2024 (factories): review by 9 March 2025, meeting by 9 February 2025. */
const today = d('2025-01-06');

function next(file: CaseFile, on: PlainDate = today): NextAction {
  return nextAction(file, clockFor(file, on, policy), on, policy);
}

const ep: Person = { name: 'Dr Eve', email: 'eve@ep.example', role: 'educational-psychologist' };

function atStage(stage: Review['stage'], overrides: Partial<Review> = {}): CaseFile {
  return makeFile({}, makeReview({ stage, meeting: makeMeeting('2025-02-03'), ...overrides }));
}

describe('a review not started', () => {
  it('is to be started 7 weeks before the latest meeting date (SUGGESTED_TIMELINE, recommended)', () => {
    expect(next(makeFile())).toEqual({
      label: 'Start the review',
      by: 'setting',
      due: d('2024-12-22'),
      rule: 'SUGGESTED_TIMELINE',
      recommended: true,
    });
  });

  it('is started earlier for a phase transfer: the amended plan can take 12 weeks after the meeting', () => {
    // 15 February 2025 (PHASE_TRANSFER) - 12 weeks = 23 November 2024; - 7 weeks = 5 October 2024.
    const file = makeFile({ phaseTransfer: { kind: 'primary-to-secondary', on: d('2025-09-01') } });
    expect(next(file, d('2024-09-01'))).toMatchObject({ due: d('2024-10-05'), rule: 'SUGGESTED_TIMELINE' });
  });

  it('is started for the recommended review of a child under 5, while that date is ahead', () => {
    const file = makeFile({
      child: makeChild({ dateOfBirth: d('2022-06-01') }),
      planIssuedOn: d('2024-10-01'),
    });
    // Recommended review by 31 March 2025 (UNDER_FIVE): meeting by 3 March, started by 13 January.
    expect(next(file)).toEqual({
      label: 'Start the review',
      by: 'setting',
      due: d('2025-01-13'),
      rule: 'SUGGESTED_TIMELINE',
      recommended: true,
    });
    // Once it has passed, the statutory review-by date (29 September 2025) decides again.
    expect(next(file, d('2025-04-10'))).toMatchObject({ due: d('2025-07-15'), rule: 'SUGGESTED_TIMELINE' });
  });
});

describe('arranging', () => {
  it('sends the invitations 2 weeks before the meeting (INVITE_NOTICE)', () => {
    expect(next(atStage('arranging'))).toEqual({
      label: 'Send the invitations',
      by: 'setting',
      due: d('2025-01-20'),
      rule: 'INVITE_NOTICE',
    });
  });

  it('with no meeting date, sets one whose invitations can go out 2 weeks before the latest meeting date', () => {
    expect(next(atStage('arranging', { meeting: undefined }))).toEqual({
      label: 'Set the meeting date',
      by: 'setting',
      due: d('2025-01-26'),
      rule: 'INVITE_NOTICE',
    });
  });

  it('with a meeting too soon to give 2 weeks’ notice, chooses a later date', () => {
    const file = atStage('arranging', { meeting: makeMeeting('2025-01-15') });
    expect(next(file)).toMatchObject({ label: 'Choose a later meeting date', due: d('2025-01-26') });
  });
});

describe('contributing', () => {
  const invitee = { id: 'i1', person: ep, requestInformation: true };
  const request = (state: AdviceRequest['state']): AdviceRequest => ({
    id: 'r1',
    inviteeId: 'i1',
    state,
    requestedOn: d('2025-01-02'),
  });

  it('collects the advice by 2 weeks before the meeting (ADVICE_CIRCULATED)', () => {
    const file = atStage('contributing', { invitees: [invitee], adviceRequests: [request('accepted')] });
    expect(next(file)).toEqual({
      label: 'Collect the advice',
      by: 'setting',
      due: d('2025-01-20'),
      rule: 'ADVICE_CIRCULATED',
    });
  });

  it('once every request is answered and advice is in, circulates it and progresses to the meeting', () => {
    const file = atStage('contributing', {
      invitees: [invitee],
      adviceRequests: [request('submitted')],
      advice: [
        {
          id: 'a1',
          requestId: 'r1',
          author: ep,
          state: 'submitted',
        },
      ],
    });
    expect(next(file).label).toBe('Circulate the advice and progress to the meeting');
  });
});

describe('the meeting', () => {
  it('is held on its day', () => {
    expect(next(atStage('meeting'))).toEqual({
      label: 'Hold the meeting',
      by: 'setting',
      due: d('2025-02-03'),
    });
  });

  it('on the day and after, the register is taken: the report is due 2 weeks after (REPORT_DUE)', () => {
    for (const on of [d('2025-02-03'), d('2025-02-05')]) {
      expect(next(atStage('meeting'), on)).toEqual({
        label: 'Take the register',
        by: 'setting',
        due: d('2025-02-17'),
        rule: 'REPORT_DUE',
      });
    }
  });
});

describe('after the meeting', () => {
  const on = d('2025-02-06');

  it('the SENCo submits the report within 2 weeks of the meeting', () => {
    expect(next(atStage('report'), on)).toMatchObject({
      label: 'Submit the report',
      by: 'setting',
      due: d('2025-02-17'),
    });
  });

  it('the LA decides within 4 weeks of the meeting (DECISION_DUE)', () => {
    expect(next(atStage('submitted'), on)).toEqual({
      label: 'Awaiting LA decision',
      by: 'la',
      due: d('2025-03-03'),
      rule: 'DECISION_DUE',
    });
  });

  it('on maintain or cease, the LA closes the review; nothing dates it', () => {
    const decision = {
      outcome: 'maintain' as const,
      decidedBy: 'la',
      notifiedOn: d('2025-02-20'),
      reason: 'ok',
    };
    expect(next(atStage('decided', { decision }), on)).toEqual({ label: 'Close the review', by: 'la' });
  });

  it('on amend, the proposed amendments go with the decision (AMEND_PROPOSAL)', () => {
    const decision = {
      outcome: 'amend' as const,
      decidedBy: 'la',
      notifiedOn: d('2025-02-20'),
      reason: 'needs',
    };
    expect(next(atStage('decided', { decision }), on)).toEqual({
      label: 'Serve the proposed amendments',
      by: 'la',
      due: d('2025-03-03'),
      rule: 'AMEND_PROPOSAL',
    });
  });

  it('while amending, the final plan is issued within 8 weeks of the notice (AMEND_FINAL)', () => {
    const amending = atStage('amending', { amendment: { noticeOn: d('2025-02-20') } });
    expect(next(amending, on)).toEqual({
      label: 'Issue the final plan',
      by: 'la',
      due: d('2025-04-17'),
      rule: 'AMEND_FINAL',
    });
  });

  it('while amending for a phase transfer, by the transfer date when that is earlier (PHASE_TRANSFER)', () => {
    const file: CaseFile = {
      ...atStage('amending', { amendment: { noticeOn: d('2025-02-01') } }),
    };
    const transfer = {
      ...file,
      case: { ...file.case, phaseTransfer: { kind: 'primary-to-secondary' as const, on: d('2025-09-01') } },
    };
    expect(next(transfer, on)).toMatchObject({ due: d('2025-02-15'), rule: 'PHASE_TRANSFER' });
  });
});

describe('rules the next action holds', () => {
  const on = d('2025-02-20');
  const amend = { outcome: 'amend' as const, decidedBy: 'la', notifiedOn: d('2025-02-20'), reason: 'needs' };
  const withTransfer = (file: CaseFile, transferOn: string): CaseFile => ({
    ...file,
    case: { ...file.case, phaseTransfer: { kind: 'primary-to-secondary', on: d(transferOn) } },
  });

  it('once the proposed amendments are served, the final plan is next', () => {
    const served = atStage('decided', { decision: amend, amendment: { noticeOn: d('2025-02-20') } });
    expect(next(served, on)).toEqual({
      label: 'Issue the final plan',
      by: 'la',
      due: d('2025-04-17'),
      rule: 'AMEND_FINAL',
    });
  });

  it('a phase transfer later than the final plan deadline leaves AMEND_FINAL in charge, and so does the same day', () => {
    const amending = atStage('amending', { decision: amend, amendment: { noticeOn: d('2025-02-20') } });
    expect(next(withTransfer(amending, '2026-09-01'), on)).toMatchObject({
      due: d('2025-04-17'),
      rule: 'AMEND_FINAL',
    });
    // Served 21 December 2024: the final plan is due 15 February 2025, the transfer deadline that day too.
    const sameDay = atStage('amending', { decision: amend, amendment: { noticeOn: d('2024-12-21') } });
    expect(next(withTransfer(sameDay, '2025-09-01'), d('2025-01-06'))).toMatchObject({
      due: d('2025-02-15'),
      rule: 'AMEND_FINAL',
    });
  });

  it('arranging for a child under 5, the recommended review sets the date, marked recommended', () => {
    const file = makeFile(
      { child: makeChild({ dateOfBirth: d('2022-06-01') }), planIssuedOn: d('2024-10-01') },
      makeReview(),
    );
    // Recommended review by 31 March 2025: meeting by 3 March, invitations 2 weeks before.
    expect(next(file)).toEqual({
      label: 'Set the meeting date',
      by: 'setting',
      due: d('2025-02-17'),
      rule: 'UNDER_FIVE',
      recommended: true,
    });
  });

  it('a review recorded at the pending stage is to be started, as a case with no review is', () => {
    expect(next(makeFile({}, makeReview({ stage: 'pending' })))).toEqual(next(makeFile()));
  });

  it('an action the clock gives no date for has none', () => {
    expect(next(makeFile({}, makeReview({ stage: 'contributing' })))).toEqual({
      label: 'Collect the advice',
      by: 'setting',
    });
  });

  it.each(['closed', 'abandoned'] as const)('a %s review leaves nothing to do', (stage) => {
    expect(next(makeFile({}, makeReview({ stage })))).toEqual({ label: 'Nothing to do', by: 'setting' });
  });
});
