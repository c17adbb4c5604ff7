import fc from 'fast-check';
import { TRANSFER_KINDS } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { fromEpochDay, toEpochDay } from '../../bot/src/review/plain-date.ts';
import type { LaPolicy } from '../../bot/src/review/policy.ts';
import { STAGES } from '../../bot/src/review/review.ts';
import { d, makeChild, makeFile, makeMeeting, makeReview } from './factories.ts';

/** Any date from 1 January 2000 to 31 December 2100. */
export const anyDate = fc
  .integer({ min: toEpochDay(d('2000-01-01')), max: toEpochDay(d('2100-12-31')) })
  .map(fromEpochDay);

/** A policy anywhere in the ranges an LA could configure. */
export const anyPolicy: fc.Arbitrary<LaPolicy> = fc.record({
  reviewMonths: fc.integer({ min: 1, max: 24 }),
  underFiveMonths: fc.integer({ min: 3, max: 6 }),
  inviteNoticeWeeks: fc.integer({ min: 1, max: 8 }),
  adviceWeeks: fc.integer({ min: 1, max: 8 }),
  reportWeeks: fc.integer({ min: 1, max: 8 }),
  decisionWeeks: fc.integer({ min: 1, max: 8 }),
  representationDays: fc.integer({ min: 1, max: 30 }),
  finalPlanWeeks: fc.integer({ min: 1, max: 16 }),
  post16TransferMonths: fc.integer({ min: 1, max: 12 }),
  alwaysInvite: fc.constant([]),
});

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Any case file the store could hold: any dates, any stage, with or without each optional part. */
export const anyCaseFile: fc.Arbitrary<CaseFile> = fc
  .record({
    dateOfBirth: anyDate,
    ncYear: maybe(
      fc.record({
        year: fc.integer({ min: -2, max: 14 }),
        academicYearStart: fc.integer({ min: 2000, max: 2100 }),
      }),
    ),
    planIssuedOn: anyDate,
    lastReviewDecisionOn: maybe(anyDate),
    phaseTransfer: maybe(fc.record({ kind: fc.constantFrom(...TRANSFER_KINDS), on: anyDate })),
    review: maybe(
      fc.record({
        stage: fc.constantFrom(...STAGES),
        meetingOn: maybe(anyDate),
        amendment: maybe(fc.record({ noticeOn: anyDate, finalIssuedOn: maybe(anyDate) })),
      }),
    ),
  })
  .map(({ dateOfBirth, ncYear, planIssuedOn, lastReviewDecisionOn, phaseTransfer, review }) =>
    makeFile(
      { child: makeChild({ dateOfBirth, ncYear }), planIssuedOn, lastReviewDecisionOn, phaseTransfer },
      review &&
        makeReview({
          stage: review.stage,
          meeting: review.meetingOn && makeMeeting(review.meetingOn),
          amendment: review.amendment,
        }),
    ),
  );
