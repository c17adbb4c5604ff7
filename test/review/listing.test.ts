import { describe, expect, it } from 'vitest';
import {
  isCurrentListing,
  LISTING_VERSION,
  listingOf,
  policyStamp,
  summaryOn,
  UNDATED,
} from '../../bot/src/review/listing.ts';
import type { Actor } from '../../bot/src/review/permissions.ts';
import type { PlainDate } from '../../bot/src/review/plain-date.ts';
import { type LaPolicy, STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { summariseWithClock } from '../../bot/src/review/summary.ts';
import { d, makeFile, makeMeeting, makeReview } from './factories.ts';

const DURATIONS = [
  'reviewMonths',
  'underFiveMonths',
  'inviteNoticeWeeks',
  'adviceWeeks',
  'reportWeeks',
  'decisionWeeks',
  'representationDays',
  'finalPlanWeeks',
  'post16TransferMonths',
] as const satisfies readonly (keyof LaPolicy)[];

describe('a stored listing is used only while it is current', () => {
  const listing = listingOf(
    makeFile({}, makeReview({ meeting: makeMeeting('2025-03-03') })),
    STATUTORY_DEFAULTS,
  );

  it.each(DURATIONS)('an LA changing %s makes every listing of the old durations stale', (key) => {
    const changed = { ...STATUTORY_DEFAULTS, [key]: STATUTORY_DEFAULTS[key] + 1 };
    expect(policyStamp(changed)).not.toBe(policyStamp(STATUTORY_DEFAULTS));
    expect(isCurrentListing(listing, changed)).toBe(false);
  });

  it('the durations are kept apart: moving a week from one to another is another policy', () => {
    const moved = { ...STATUTORY_DEFAULTS, reportWeeks: 3, adviceWeeks: 1 };
    expect(policyStamp(moved)).not.toBe(policyStamp(STATUTORY_DEFAULTS));
  });

  it('the durations are kept apart digit by digit: 1 and 26 months are not 12 and 6', () => {
    const shifted = { ...STATUTORY_DEFAULTS, reviewMonths: 1, underFiveMonths: 26 };
    expect(policyStamp(shifted)).not.toBe(policyStamp(STATUTORY_DEFAULTS));
    expect(isCurrentListing(listing, shifted)).toBe(false);
  });

  it('a listing written by another version of the listing is stale', () => {
    expect(
      isCurrentListing({ ...listing, version: (LISTING_VERSION + 1) as never }, STATUTORY_DEFAULTS),
    ).toBe(false);
  });
});

describe('what a listing stores of a case', () => {
  it('its place, stage, whether it is live, and the earliest day anything falls due', () => {
    const file = makeFile({}, makeReview({ stage: 'contributing', meeting: makeMeeting('2025-03-03') }));
    const listing = listingOf(file, STATUTORY_DEFAULTS);
    expect(listing).toMatchObject({
      version: LISTING_VERSION,
      laCode: '860',
      caseId: 'CASE-0001',
      childName: 'Sam Fictional',
      settingUrn: '100001',
      stage: 'contributing',
      live: true,
    });
    const dates = listing.steps.map((step) => step.date).sort();
    expect(listing.nextDue <= (dates[0] ?? UNDATED)).toBe(true);
    expect(listing.nextDue).not.toBe(UNDATED);
  });

  it('a step done for good is not stored; one done from a day on is stored with that day', () => {
    const file = makeFile({}, makeReview({ stage: 'meeting', meeting: makeMeeting('2025-03-03') }));
    const { steps } = listingOf(file, STATUTORY_DEFAULTS);
    // Invitations sent and advice collected (the stage is past them): only the steps still open.
    expect(steps.map((s) => s.key)).toEqual(['review_by', 'latest_meeting', 'report_by', 'decision_by']);
    expect(steps.find((s) => s.key === 'invite_by')).toBeUndefined();
    expect(steps.find((s) => s.key === 'latest_meeting')).toEqual({
      key: 'latest_meeting',
      date: expect.any(String),
      doneFrom: d('2025-03-03'),
    });
  });
});

describe('a listing changes its next action on the days the clock does', () => {
  /** The listing read on `day` is the clock's summary of the file on that day. */
  function readOn(file: ReturnType<typeof makeFile>, day: string) {
    const summary = summaryOn(listingOf(file, STATUTORY_DEFAULTS), d(day));
    expect(summary).toStrictEqual(summariseWithClock(file, d(day), STATUTORY_DEFAULTS).summary);
    return summary.nextAction.label;
  }

  it('a meeting held on a day of its own turns "Hold the meeting" into "Take the register" that day', () => {
    const file = makeFile({}, makeReview({ stage: 'meeting', meeting: makeMeeting('2025-02-24') }));
    expect(readOn(file, '2025-02-23')).toBe('Hold the meeting');
    expect(readOn(file, '2025-02-24')).toBe('Take the register');
  });

  it('the day after the invitations were due, the meeting set is too soon and a later date is asked for', () => {
    const file = makeFile({}, makeReview({ stage: 'arranging', meeting: makeMeeting('2025-03-03') }));
    const inviteBy = listingOf(file, STATUTORY_DEFAULTS).steps.find((s) => s.key === 'invite_by')?.date;
    expect(inviteBy).toBe(d('2025-02-17'));
    expect(readOn(file, '2025-02-17')).toBe('Send the invitations');
    expect(readOn(file, '2025-02-18')).toBe('Choose a later meeting date');
  });

  it('a listing is stored as it is computed: a trip through JSON changes nothing of it', () => {
    for (const review of [
      undefined,
      makeReview({ stage: 'meeting', meeting: makeMeeting('2025-03-03') }),
      makeReview({ stage: 'arranging', meeting: makeMeeting('2025-03-03') }),
    ]) {
      const listing = listingOf(makeFile({}, review), STATUTORY_DEFAULTS);
      expect(JSON.parse(JSON.stringify(listing))).toStrictEqual(listing);
    }
  });
});

describe('the summary a reader sees of a listed case', () => {
  const file = makeFile({}, makeReview({ stage: 'meeting', meeting: makeMeeting('2025-03-03') }));
  const listing = listingOf(file, STATUTORY_DEFAULTS);
  const senco: Actor = {
    email: 's@school.example',
    roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }],
  };
  const officer: Actor = { email: 'o@la.example', roles: [{ kind: 'la-officer', laCode: '860' }] };

  it('the setting’s step is the SENCo’s own, not the LA officer’s, and counts in their due soon only', () => {
    const forSenco = summaryOn(listing, d('2025-03-03'), 'Harbour Primary', senco);
    const forOfficer = summaryOn(listing, d('2025-03-03'), 'Harbour Primary', officer);
    expect(forSenco.nextAction).toMatchObject({ label: 'Take the register', yours: true });
    expect(forOfficer.nextAction).toMatchObject({ label: 'Take the register', yours: false });
    expect(forOfficer.dueSoon).toBe(false);
    expect(forSenco.settingName).toBe('Harbour Primary');
    expect(summaryOn(listing, d('2025-03-03')).settingName).toBeUndefined();
    expect(summaryOn(listing, d('2025-03-03'))).toStrictEqual(
      summariseWithClock(file, d('2025-03-03'), STATUTORY_DEFAULTS).summary,
    );
  });

  it('the LA’s step is the LA officer’s own, not the SENCo’s, and counts in the officer’s due soon', () => {
    const submitted = listingOf(
      makeFile({}, makeReview({ stage: 'submitted', meeting: makeMeeting('2025-03-03') })),
      STATUTORY_DEFAULTS,
    );
    const due = summaryOn(submitted, d('2025-03-03')).nextAction.due;
    expect(due).toBeDefined();
    const forOfficer = summaryOn(submitted, due as PlainDate, undefined, officer);
    const forSenco = summaryOn(submitted, due as PlainDate, undefined, senco);
    expect(forOfficer.nextAction).toMatchObject({ by: 'la', yours: true });
    expect(forSenco.nextAction).toMatchObject({ by: 'la', yours: false });
    expect(forOfficer.dueSoon).toBe(true);
    expect(forSenco.dueSoon).toBe(false);
  });
});
