import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { DEMO_LA, DEMO_POLICY, DEMO_SETTINGS } from '../../bot/src/demo/northshire.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { clockFor } from '../../bot/src/review/clock.ts';
import { gateProblems } from '../../bot/src/review/gates.ts';
import { ageOn } from '../../bot/src/review/nc-year.ts';
import {
  addDays,
  addMonthsClamped,
  fromEpochDay,
  type PlainDate,
  plainDate,
  toEpochDay,
} from '../../bot/src/review/plain-date.ts';
import { LIVE_STAGES } from '../../bot/src/review/review.ts';
import { stageOf, summarise } from '../../bot/src/review/summary.ts';

const TODAY = plainDate('2026-11-23');

/** Any day from 2024 to 2032, leap days included. */
const anyDay = fc
  .integer({ min: toEpochDay(plainDate('2024-01-01')), max: toEpochDay(plainDate('2032-12-31')) })
  .map((epochDay) => fromEpochDay(epochDay));

/** The clock situations the demo promises, each found in the demo of `today`. */
function situations(files: readonly CaseFile[], today: PlainDate): Record<string, boolean> {
  const clocks = files.map((file) => clockFor(file, today, DEMO_POLICY));
  const summaries = files.map((file) => summarise(file, today, DEMO_POLICY));
  const aYearAhead = addMonthsClamped(today, 12);
  return {
    'an overdue review': clocks.some((clock) => clock.overdue.includes('review_by')),
    'a step due within two weeks': summaries.some((summary) => summary.dueSoon),
    'a child under 5': files.some((file) => ageOn(file.case.child.dateOfBirth, today) < 5),
    'a recommended under-5 review': clocks.some((clock) => clock.dates.recommended_review !== undefined),
    'Year 9 or above': clocks.some((clock) => clock.pfaRequired),
    'a phase transfer due within the year': clocks.some((clock) => {
      const by = clock.dates.phase_transfer_by?.date;
      return by !== undefined && by >= today && by <= aYearAhead;
    }),
    'an amendment in progress': files.some((file) => stageOf(file) === 'amending'),
    'a late step of a review under way': clocks.some(
      (clock, i) => clock.overdue.length > 0 && files[i]?.review,
    ),
  };
}

/**
 * Every stage change in a review's history passes its gate on the day it happened, judged with the
 * review as it stands now (content only grows after a step).
 */
function gateFailures(file: CaseFile): string[] {
  const review = file.review;
  if (!review) return [];
  return review.history
    .filter((change) => change.from !== 'pending')
    .flatMap((change) =>
      gateProblems(
        { ...file, review: { ...review, stage: change.from } },
        change.to,
        change.on,
        DEMO_POLICY,
      ).map(
        (problem) =>
          `${file.case.caseId} ${change.from}->${change.to} on ${change.on}: ${problem.where} ${problem.message}`,
      ),
    );
}

describe('the demo data', () => {
  const files = demoCaseFiles(TODAY);

  it('has 30 cases of one fictional LA at two fictional settings', () => {
    expect(files).toHaveLength(30);
    expect(new Set(files.map((f) => f.case.laCode))).toEqual(new Set([DEMO_LA.code]));
    expect(new Set(files.map((f) => f.case.settingUrn))).toEqual(
      new Set([DEMO_SETTINGS.harbour.urn, DEMO_SETTINGS.fellside.urn]),
    );
    expect(new Set(files.map((f) => f.case.caseId)).size).toBe(30);
  });

  it('covers every live stage', () => {
    expect(new Set(files.map(stageOf))).toEqual(new Set(LIVE_STAGES));
  });

  it('shows every clock situation it promises', () => {
    const found = situations(files, TODAY);
    expect(Object.entries(found).filter(([, present]) => !present)).toEqual([]);
  });

  it('has reviews whose every stage change passed its gate on the day it was made', () => {
    expect(files.flatMap(gateFailures)).toEqual([]);
  });

  it('has outcomes with provision, the people of the last review, a coordinator, invitees and advice', () => {
    for (const file of files) {
      expect(file.case.outcomes.length).toBeGreaterThan(0);
      expect(file.case.outcomes.every((o) => o.provision.length > 0)).toBe(true);
      expect(file.case.people.some((p) => p.role === 'parent')).toBe(true);
      expect(file.case.coordinator).toBeDefined();
    }
    const reviews = files.flatMap((f) => (f.review ? [f.review] : []));
    expect(reviews.every((r) => r.invitees.length >= 5)).toBe(true);
    expect(reviews.some((r) => r.advice.some((a) => a.state === 'submitted'))).toBe(true);
  });

  it('uses only reserved example addresses', () => {
    const emails = JSON.stringify(files).match(/[\w.+-]+@[\w.-]+/g) ?? [];
    expect(emails.length).toBeGreaterThan(0);
    expect(emails.filter((email) => !email.endsWith('.example'))).toEqual([]);
  });

  it('is the same for the same day', () => {
    expect(demoCaseFiles(TODAY)).toEqual(files);
  });

  it('is dated from the day it is built: a week later, the same situations a week later', () => {
    const later = demoCaseFiles(addDays(TODAY, 7));
    expect(later[0]?.case.lastReviewDecisionOn).toBe(
      addDays(files[0]?.case.lastReviewDecisionOn ?? TODAY, 7),
    );
  });
});

describe('the demo data on any day', () => {
  it('builds, every clock computes, every gate held and every situation is there', () => {
    fc.assert(
      fc.property(anyDay, (today) => {
        const files = demoCaseFiles(today);
        for (const file of files) expect(clockFor(file, today, DEMO_POLICY).dates.review_by).toBeDefined();
        expect(new Set(files.map(stageOf))).toEqual(new Set(LIVE_STAGES));
        expect(files.flatMap(gateFailures)).toEqual([]);
        const found = situations(files, today);
        expect(Object.entries(found).filter(([, present]) => !present)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
