import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { clockFor } from '../../bot/src/review/clock.ts';
import { isCurrentListing, listingOf, summaryOn, UNDATED } from '../../bot/src/review/listing.ts';
import { attainsAgeOn, ncYearReachedOn } from '../../bot/src/review/nc-year.ts';
import { addDays, type PlainDate } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { RECOMMENDATIONS } from '../../bot/src/review/review.ts';
import { summariseWithClock } from '../../bot/src/review/summary.ts';
import { anyCaseFile, anyDate, anyPolicy } from './arbitraries.ts';
import { makeFile, makeMeeting, makeReview } from './factories.ts';

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/**
 * Any case file, also with what `anyCaseFile` leaves out and the next action reads: a decision
 * (its outcome and notice), advice ready or not for the meeting, a transfer already named in the plan.
 */
const anyListedFile: fc.Arbitrary<CaseFile> = fc
  .record({
    file: anyCaseFile,
    decision: maybe(fc.record({ outcome: fc.constantFrom(...RECOMMENDATIONS), notifiedOn: anyDate })),
    adviceReady: fc.boolean(),
    namedInPlanOn: maybe(anyDate),
  })
  .map(({ file, decision, adviceReady, namedInPlanOn }) => {
    const transfer = file.case.phaseTransfer;
    const withCase =
      transfer && namedInPlanOn ? { ...file.case, phaseTransfer: { ...transfer, namedInPlanOn } } : file.case;
    if (!file.review) return { case: withCase };
    const advice = adviceReady
      ? [
          {
            id: 'ADVICE-1',
            author: { name: 'A Professional', email: 'pro@example.org', role: 'health' as const },
            state: 'submitted' as const,
            outcomes: [],
            newOutcomes: [],
            newNeeds: [],
            attachments: [],
          },
        ]
      : [];
    const review = {
      ...file.review,
      advice,
      ...(decision ? { decision: { ...decision, decidedBy: 'officer', reason: 'a reason' } } : {}),
    };
    return { case: withCase, review };
  });

/** Days where the answer changes, and a day either side, as well as any day at all. */
function daysAround(file: CaseFile): fc.Arbitrary<PlainDate> {
  const { dates } = clockFor(file, file.case.child.dateOfBirth);
  const edges = [
    file.review?.meeting?.on,
    attainsAgeOn(file.case.child.dateOfBirth, 5),
    ncYearReachedOn(file.case.child, 9),
    ...Object.values(dates).map((due) => due?.date),
  ].filter((date): date is PlainDate => date !== undefined);
  return fc.oneof(
    anyDate,
    fc
      .record({ edge: fc.constantFrom(...edges), offset: fc.integer({ min: -2, max: 2 }) })
      .map(({ edge, offset }) => addDays(edge, offset)),
  );
}

describe('a stored listing read on any day is the summary of its case on that day', () => {
  it('summaryOn(listingOf(file, policy), today) equals summariseWithClock(file, today, policy)', () => {
    fc.assert(
      fc.property(
        anyListedFile.chain((file) =>
          fc.tuple(fc.constant(file), fc.array(daysAround(file), { minLength: 1, maxLength: 8 })),
        ),
        anyPolicy,
        ([file, days], policy) => {
          const listing = listingOf(file, policy);
          for (const today of days) {
            expect(summaryOn(listing, today, 'Harbour Primary School')).toEqual(
              summariseWithClock(file, today, policy, 'Harbour Primary School').summary,
            );
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('survives a trip through JSON, as the store keeps it', () => {
    fc.assert(
      fc.property(anyListedFile, anyDate, (file, today) => {
        const stored = JSON.parse(JSON.stringify(listingOf(file, STATUTORY_DEFAULTS)));
        expect(summaryOn(stored, today)).toEqual(summariseWithClock(file, today, STATUTORY_DEFAULTS).summary);
      }),
    );
  });

  it('nextDue is on or before every date the summary shows as due, on any day', () => {
    fc.assert(
      fc.property(anyListedFile, anyDate, (file, today) => {
        const { nextDue } = listingOf(file, STATUTORY_DEFAULTS);
        const { summary, clock } = summariseWithClock(file, today, STATUTORY_DEFAULTS);
        if (summary.nextAction.due) expect(nextDue <= summary.nextAction.due).toBe(true);
        for (const key of summary.overdue) expect(nextDue <= (clock.dates[key]?.date ?? UNDATED)).toBe(true);
      }),
    );
  });
});

describe('a listing is current only for its version and policy', () => {
  it('is stale for another policy’s durations, not for another list of teams always invited', () => {
    const listing = listingOf(
      makeFile({}, makeReview({ meeting: makeMeeting('2025-03-03') })),
      STATUTORY_DEFAULTS,
    );
    expect(isCurrentListing(listing, STATUTORY_DEFAULTS)).toBe(true);
    expect(isCurrentListing(listing, { ...STATUTORY_DEFAULTS, inviteNoticeWeeks: 3 })).toBe(false);
    expect(
      isCurrentListing(listing, {
        ...STATUTORY_DEFAULTS,
        alwaysInvite: [
          { id: 'ds', name: 'Disability Service', email: 'ds@example.org', role: 'disability-service' },
        ],
      }),
    ).toBe(true);
    expect(isCurrentListing(undefined, STATUTORY_DEFAULTS)).toBe(false);
  });

  it('has few phases: the meeting day splits "Hold the meeting" from "Take the register"', () => {
    const file = makeFile({}, makeReview({ stage: 'meeting', meeting: makeMeeting('2025-03-03') }));
    const { phases } = listingOf(file, STATUTORY_DEFAULTS);
    expect(phases.map((p) => [p.from, p.nextAction.label])).toEqual([
      [undefined, 'Hold the meeting'],
      ['2025-03-03', 'Take the register'],
    ]);
  });
});
