import { describe, expect, it } from 'vitest';
import { arrangeWarnings } from '../../../bot/src/review/arrange/arrange-warnings.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import { d } from '../factories.ts';
import { apply, arranged, policy, TODAY } from './factories.ts';

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
