import { describe, expect, it } from 'vitest';
import { arrangeWarnings } from '../../../bot/src/review/arrange/arrange-warnings.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import { d } from '../factories.ts';
import { apply, arranged, pendingFile, policy, TODAY } from './factories.ts';

const noHolidays = () => undefined;

describe('warnings while arranging (never blocking)', () => {
  it('names the rule when the meeting is after the latest sensible date (DECISION_DUE: the decision by the review-by date)', () => {
    // The plan was issued on 10 March 2024: reviewed by 9 March 2025, so the meeting by 9 February.
    const warnings = arrangeWarnings(arranged(), TODAY, policy, noHolidays);
    expect(warnings.filter((w) => w.rule === 'DECISION_DUE').map((w) => w.where)).toEqual(['meeting.on']);
  });

  it('says when invitations can no longer give 2 weeks’ notice (INVITE_NOTICE)', () => {
    const warnings = arrangeWarnings(arranged(), d('2025-02-20'), policy, noHolidays);
    expect(warnings.some((w) => w.rule === 'INVITE_NOTICE')).toBe(true);
  });

  it('a weekend or a bank holiday in England', () => {
    const onSaturday = apply(arranged(), { type: 'saveMeeting', meeting: { on: d('2025-02-08') } }).file;
    expect(arrangeWarnings(onSaturday, TODAY, policy, noHolidays).map((w) => w.message)).toContain(
      '8 February 2025 is a Saturday.',
    );
    const onHoliday = apply(arranged(), { type: 'saveMeeting', meeting: { on: d('2025-05-05') } }).file;
    const holidays = (date: PlainDate) => (date === '2025-05-05' ? 'Early May bank holiday' : undefined);
    expect(arrangeWarnings(onHoliday, TODAY, policy, holidays).map((w) => w.message)).toContain(
      '5 May 2025 is a bank holiday in England (Early May bank holiday).',
    );
  });

  it('a professional without request information cannot accept or allocate (seed)', () => {
    const file = apply(arranged(), {
      type: 'markRequestInformation',
      inviteeId: 'i5',
      requestInformation: false,
    }).file;
    expect(arrangeWarnings(file, TODAY, policy, noHolidays).map((w) => w.where)).toContain(
      'invitees.i5.requestInformation',
    );
  });
});

describe('rules the warnings hold', () => {
  // Monday 3 February 2025: before the latest sensible date (9 February) and 4 weeks after TODAY.
  const wellPlaced = () => apply(arranged(), { type: 'saveMeeting', meeting: { on: d('2025-02-03') } }).file;

  it('a meeting on a weekday, in time, with every professional asked for information, has no warning', () => {
    expect(arrangeWarnings(wellPlaced(), TODAY, policy, noHolidays)).toEqual([]);
  });

  it('before a review is started, or a meeting set, there is nothing to warn of', () => {
    expect(arrangeWarnings(pendingFile(), TODAY, policy, noHolidays)).toEqual([]);
    const started = apply(pendingFile(), { type: 'startReview' }).file;
    expect(arrangeWarnings(started, TODAY, policy, noHolidays)).toEqual([]);
  });

  it('INVITE_NOTICE: warned at the meeting date while arranging, not once the invitations have gone out', () => {
    const late = d('2025-01-21');
    expect(arrangeWarnings(wellPlaced(), late, policy, noHolidays)).toEqual([
      {
        where: 'meeting.on',
        rule: 'INVITE_NOTICE',
        message: expect.stringContaining('20 January 2025'),
      },
    ]);
    const invited = apply(wellPlaced(), { type: 'sendInvitations' }).file;
    expect(arrangeWarnings(invited, late, policy, noHolidays)).toEqual([]);
  });

  it('a Sunday is named as a Sunday, at the meeting date', () => {
    const onSunday = apply(arranged(), { type: 'saveMeeting', meeting: { on: d('2025-02-09') } }).file;
    expect(arrangeWarnings(onSunday, TODAY, policy, noHolidays)).toEqual([
      { where: 'meeting.on', message: '9 February 2025 is a Sunday.' },
    ]);
  });

  it('a bank holiday is warned of at the meeting date', () => {
    const holidays = (date: PlainDate) => (date === '2025-02-03' ? 'A bank holiday' : undefined);
    expect(arrangeWarnings(wellPlaced(), TODAY, policy, holidays)).toEqual([
      { where: 'meeting.on', message: '3 February 2025 is a bank holiday in England (A bank holiday).' },
    ]);
  });

  it('a parent not asked for information is no warning; a professional not asked is, under ADVICE_CIRCULATED', () => {
    const parentNotAsked = apply(wellPlaced(), {
      type: 'markRequestInformation',
      inviteeId: 'i1',
      requestInformation: false,
    }).file;
    expect(arrangeWarnings(parentNotAsked, TODAY, policy, noHolidays)).toEqual([]);
    const professionalNotAsked = apply(parentNotAsked, {
      type: 'markRequestInformation',
      inviteeId: 'i4',
      requestInformation: false,
    }).file;
    expect(arrangeWarnings(professionalNotAsked, TODAY, policy, noHolidays)).toEqual([
      {
        where: 'invitees.i4.requestInformation',
        rule: 'ADVICE_CIRCULATED',
        message: expect.stringContaining('Community Paediatrics'),
      },
    ]);
  });
});
