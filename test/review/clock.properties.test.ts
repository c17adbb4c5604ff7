import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clockFor, DATE_KEYS } from '../../bot/src/review/clock.ts';
import { addDays, daysBetween } from '../../bot/src/review/plain-date.ts';
import { RULES } from '../../bot/src/review/rules.ts';
import { anyCaseFile, anyDate, anyPolicy } from './arbitraries.ts';
import { makeFile, makeMeeting, makeReview } from './factories.ts';

describe('the clock, for any dates from 2000 to 2100', () => {
  it('latest_meeting leaves exactly 4 weeks for the decision before review_by (DECISION_DUE)', () => {
    fc.assert(
      fc.property(anyDate, fc.option(anyDate, { nil: undefined }), anyDate, (issued, decided, today) => {
        const { dates } = clockFor(makeFile({ planIssuedOn: issued, lastReviewDecisionOn: decided }), today);
        expect(dates.review_by && dates.latest_meeting).toBeDefined();
        expect(addDays(dates.latest_meeting?.date ?? issued, 28)).toBe(dates.review_by?.date);
      }),
    );
  });

  it('invitations and advice are due at least 2 weeks before the meeting (INVITE_NOTICE, ADVICE_CIRCULATED)', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (meeting, today) => {
        const { dates } = clockFor(makeFile({}, makeReview({ meeting: makeMeeting(meeting) })), today);
        const latest = addDays(meeting, -14);
        expect(dates.invite_by && dates.invite_by.date <= latest).toBe(true);
        expect(dates.advice_by && dates.advice_by.date <= latest).toBe(true);
      }),
    );
  });

  it('the final plan is due at most 12 weeks after a meeting whose decision came on time (AMEND_FINAL)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 28 }), (meeting, noticeAfter) => {
        const review = makeReview({
          stage: 'amending',
          meeting: makeMeeting(meeting),
          amendment: { noticeOn: addDays(meeting, noticeAfter) },
        });
        const { dates } = clockFor(makeFile({}, review), meeting);
        return dates.final_plan_by !== undefined && daysBetween(meeting, dates.final_plan_by.date) <= 84;
      }),
    );
  });

  it('never throws for a valid case file, policy and day', () => {
    fc.assert(
      fc.property(anyCaseFile, anyDate, anyPolicy, (file, today, policy) => {
        clockFor(file, today, policy);
      }),
    );
  });

  it('lists as overdue only dates already passed whose step is not done, in DATE_KEYS order', () => {
    fc.assert(
      fc.property(anyCaseFile, anyDate, anyPolicy, (file, today, policy) => {
        const { dates, overdue } = clockFor(file, today, policy);
        for (const key of overdue) {
          const due = dates[key];
          expect(due).toBeDefined();
          expect(due && due.date < today).toBe(true);
          expect(due?.done).toBe(false);
          expect(due?.recommended).toBe(false);
        }
        expect(overdue).not.toContain('representations_end');
        expect(overdue).not.toContain('recommended_review');
        expect(overdue).toEqual(DATE_KEYS.filter((key) => overdue.includes(key)));
      }),
    );
  });

  it('lists every passed date whose step is not done, but for the two that are never overdue', () => {
    fc.assert(
      fc.property(anyCaseFile, anyDate, (file, today) => {
        const { dates, overdue } = clockFor(file, today);
        const expected = DATE_KEYS.filter((key) => {
          const due = dates[key];
          return (
            due &&
            !due.done &&
            due.date < today &&
            key !== 'representations_end' &&
            key !== 'recommended_review'
          );
        });
        expect(overdue).toEqual(expected);
      }),
    );
  });

  it('files every date under its own key, with a known rule and a one-line explanation', () => {
    fc.assert(
      fc.property(anyCaseFile, anyDate, anyPolicy, (file, today, policy) => {
        const { dates } = clockFor(file, today, policy);
        expect(dates.review_by).toBeDefined();
        expect(dates.latest_meeting).toBeDefined();
        for (const [key, due] of Object.entries(dates)) {
          expect(due.key).toBe(key);
          expect(Object.keys(RULES)).toContain(due.rule);
          expect(due.explanation).toMatch(/^[A-Z][^\n]*\.$/);
          expect(due.recommended).toBe(key === 'recommended_review');
        }
      }),
    );
  });
});
