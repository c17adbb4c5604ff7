import { describe, expect, it } from 'vitest';
import { DATE_KEYS } from '../../../bot/src/review/clock.ts';
import { plainDate } from '../../../bot/src/review/plain-date.ts';
import { LIVE_STAGES, STAGES } from '../../../bot/src/review/review.ts';
import {
  actionWords,
  caseReference,
  DATE_KEY_WORDS,
  deadlineNote,
  deadlineWhat,
  dueLine,
  overdueWords,
  pfaWords,
  STAGE_WORDS,
  settingWords,
  stageWords,
} from '../../../tab/src/cases/case-words.ts';

describe('the stage of a review in the words a SENCo knows', () => {
  it('says "Review pending" for a case whose review has not started (seed)', () => {
    expect(stageWords('pending')).toBe('Review pending');
  });

  it('names each live stage after the EHC Hub step it is in', () => {
    expect(LIVE_STAGES.map(stageWords)).toEqual([
      'Review pending',
      'Arranging',
      'Contributing views',
      'Meeting',
      'Report',
      'Awaiting LA decision',
      'Decided',
      'Amending plan',
    ]);
  });

  it('has words for every stage, each different', () => {
    expect(Object.keys(STAGE_WORDS).sort()).toEqual([...STAGES].sort());
    expect(new Set(Object.values(STAGE_WORDS)).size).toBe(STAGES.length);
  });
});

describe('what is overdue, in words', () => {
  it('has words for every date the clock derives', () => {
    expect(Object.keys(DATE_KEY_WORDS).sort()).toEqual([...DATE_KEYS].sort());
  });

  it('lists the overdue steps in the clock order, as a sentence', () => {
    expect(overdueWords(['review_by'])).toBe('Review decision');
    expect(overdueWords(['review_by', 'latest_meeting'])).toBe('Review decision and review meeting');
    expect(overdueWords(['invite_by', 'advice_by', 'report_by'])).toBe(
      'Invitations, advice to invitees and report of the meeting',
    );
    expect(overdueWords([])).toBe('');
  });
});

describe('when the next action is due', () => {
  const today = plainDate('2026-11-23');
  const due = (date: string) => ({ due: plainDate(date) });

  it('says "By" a date still to come, today included', () => {
    expect(dueLine(due('2026-11-30'), today)).toBe('By 30 November 2026, in 7 days');
    expect(dueLine(due('2026-11-23'), today)).toBe('By 23 November 2026, today');
  });

  it('says "Was due" once the date has passed', () => {
    expect(dueLine(due('2026-10-05'), today)).toBe('Was due 5 October 2026, 7 weeks ago');
  });

  it('says "Recommended by" for a date from guidance, which is never overdue in law, even once passed', () => {
    expect(dueLine({ ...due('2026-08-18'), recommended: true }, today)).toBe(
      'Recommended by 18 August 2026, 3 months ago',
    );
  });

  it('names the rule behind the date, recommended ones too (SUGGESTED_TIMELINE)', () => {
    expect(dueLine({ ...due('2026-12-14'), rule: 'SUGGESTED_TIMELINE', recommended: true }, today)).toBe(
      'Recommended by 14 December 2026, in 3 weeks (SUGGESTED_TIMELINE)',
    );
    expect(dueLine({ ...due('2026-11-30'), rule: 'INVITE_NOTICE' }, today)).toBe(
      'By 30 November 2026, in 7 days (INVITE_NOTICE)',
    );
  });

  it('says nothing when the action has no date', () => {
    expect(dueLine({}, today)).toBeUndefined();
  });

  it('words a step someone else owns with its owner, and the reader’s own as it is', () => {
    expect(actionWords({ label: 'Awaiting LA decision', by: 'la', yours: false })).toBe(
      'Awaiting LA decision: for the LA',
    );
    expect(actionWords({ label: 'Submit the report', by: 'setting', yours: false })).toBe(
      'Submit the report: for the SENCo',
    );
    expect(actionWords({ label: 'Submit the report', by: 'setting', yours: true })).toBe('Submit the report');
  });
});

describe('the case’s deadline', () => {
  const today = plainDate('2026-11-23');

  it('says how far it is and the rule that sets it', () => {
    expect(deadlineNote({ date: plainDate('2027-02-15'), rule: 'PHASE_TRANSFER' }, today)).toBe(
      'in 2 months (PHASE_TRANSFER)',
    );
  });

  it('names what the date is, for its "why" button', () => {
    expect(deadlineWhat({ key: 'phase_transfer_by' })).toBe('phase transfer date');
    expect(deadlineWhat({ key: 'review_by' })).toBe('review-by date');
  });
});

describe('whose case it is and where', () => {
  it("refers to a case by its LA's code and the LA's case id", () => {
    expect(caseReference({ laCode: '999', caseId: 'NS-1026' })).toBe('LA 999, case NS-1026');
  });

  it('names the setting, or gives its URN when the server does not know the name', () => {
    expect(settingWords({ settingName: 'Fellside Academy', settingUrn: '900002' })).toBe('Fellside Academy');
    expect(settingWords({ settingUrn: '900002' })).toBe('URN 900002');
  });

  it('says preparing for adulthood is required with the NC year (PREPARING_FOR_ADULTHOOD, from Year 9)', () => {
    expect(pfaWords(10)).toBe('Preparing for adulthood required (Year 10)');
  });
});
