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
import { type LaPolicy, STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
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
    expect(steps.find((s) => s.key === 'invite_by')).toBeUndefined();
    expect(steps.find((s) => s.key === 'latest_meeting')).toEqual({
      key: 'latest_meeting',
      date: expect.any(String),
      doneFrom: d('2025-03-03'),
    });
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
  });
});
