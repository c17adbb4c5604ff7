import { describe, expect, it } from 'vitest';
import { clockFor, DATE_KEYS } from '../../bot/src/review/clock.ts';
import { listingOf } from '../../bot/src/review/listing.ts';
import type { Actor } from '../../bot/src/review/permissions.ts';
import { addDays, type PlainDate } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { DEFAULT_WARNING_POLICY } from '../../bot/src/review/warning-policy.ts';
import {
  latestThreshold,
  ownWarningsOf,
  WARNED_DATES,
  type Warning,
  warningsOfListing,
  warningsOfSteps,
} from '../../bot/src/review/warnings.ts';
import { d, makeFile, makeMeeting, makeReview } from './factories.ts';

const policy = DEFAULT_WARNING_POLICY;

describe('latestThreshold', () => {
  it('is nothing before the first lead', () => {
    expect(latestThreshold(d('2026-03-31'), d('2026-03-02'), policy)).toBeUndefined();
  });

  it('reaches 4 weeks before on the 28th day before', () => {
    expect(latestThreshold(d('2026-03-31'), d('2026-03-03'), policy)).toEqual({
      threshold: 'before-28',
      on: d('2026-03-03'),
    });
  });

  it('keeps the reached threshold until the next, so a missed sweep still sends it once', () => {
    expect(latestThreshold(d('2026-03-31'), d('2026-03-20'), policy)?.threshold).toBe('before-28');
    expect(latestThreshold(d('2026-03-31'), d('2026-03-24'), policy)?.threshold).toBe('before-7');
  });

  it('warns on the day, which is still on time', () => {
    expect(latestThreshold(d('2026-03-31'), d('2026-03-31'), policy)?.threshold).toBe('on-the-day');
  });

  it('warns on the first day overdue, then weekly', () => {
    expect(latestThreshold(d('2026-03-31'), d('2026-04-01'), policy)).toEqual({
      threshold: 'overdue-0',
      on: d('2026-04-01'),
    });
    expect(latestThreshold(d('2026-03-31'), d('2026-04-07'), policy)?.threshold).toBe('overdue-0');
    expect(latestThreshold(d('2026-03-31'), d('2026-04-08'), policy)).toEqual({
      threshold: 'overdue-1',
      on: d('2026-04-08'),
    });
  });

  it('follows an LA policy of its own', () => {
    const own = { daysBefore: [14], overdueEveryDays: 3 };
    expect(latestThreshold(d('2026-03-31'), d('2026-03-30'), own)?.threshold).toBe('before-14');
    expect(latestThreshold(d('2026-03-31'), d('2026-04-04'), own)?.threshold).toBe('overdue-1');
  });
});

describe('warningsOfListing', () => {
  const file = makeFile(
    { planIssuedOn: d('2025-03-11'), child: { name: 'Amara Jones Fictional', dateOfBirth: d('2015-05-01') } },
    makeReview({ meeting: makeMeeting('2026-02-10') }),
  );
  const listing = listingOf(file, STATUTORY_DEFAULTS);

  it('names the child by first name and case id only', () => {
    const warnings = warningsOfListing(listing, d('2026-01-27'));
    expect(warnings.length).toBeGreaterThan(0);
    for (const w of warnings) {
      expect(w.childFirstName).toBe('Amara');
      expect(w.caseId).toBe('CASE-0001');
      expect(JSON.stringify(w)).not.toContain('Jones');
    }
  });

  it("sends the setting's steps to the SENCo and the LA's to the case coordinator", () => {
    const warnings = warningsOfListing(listing, d('2026-02-10'));
    const invite = warnings.find((w) => w.key === 'invite_by');
    expect(invite).toMatchObject({ actor: 'senco', rule: 'INVITE_NOTICE', overdue: true });
    const review = warningsOfListing(listing, d('2026-03-10')).find((w) => w.key === 'review_by');
    expect(review).toMatchObject({ actor: 'case-coordinator', rule: 'REVIEW_DUE', threshold: 'on-the-day' });
  });

  it('gives one dedupe key per case, date key, date and threshold', () => {
    const [w] = warningsOfListing(listing, d('2026-01-20')).filter((x) => x.key === 'invite_by');
    expect(w?.dedupeKey).toBe('860/CASE-0001/invite_by/2026-01-27/before-7');
  });

  it('warns of a step done only from a day still ahead, and not of one done from today or before', () => {
    const today = d('2026-03-02');
    const due = addDays(today, 3);
    const stepped = {
      ...listing,
      steps: [
        { key: 'invite_by', date: due, doneFrom: today },
        { key: 'advice_by', date: due, doneFrom: addDays(today, -1) },
        { key: 'report_by', date: due, doneFrom: addDays(today, 1) },
        { key: 'decision_by', date: due },
      ] as const,
    };
    expect(warningsOfListing(stepped, today).map((w) => w.key)).toEqual(['report_by', 'decision_by']);
  });

  it('has none for a case that is not live', () => {
    expect(warningsOfListing({ ...listing, live: false }, d('2026-02-10'))).toEqual([]);
  });

  it('never warns of the parent’s representations or a recommended review', () => {
    expect(WARNED_DATES.representations_end).toBeUndefined();
    expect(WARNED_DATES.recommended_review).toBeUndefined();
  });
});

describe('a school year of daily sweeps (time travel)', () => {
  const files = [
    makeFile({ caseId: 'PENDING', planIssuedOn: d('2025-01-20') }),
    makeFile(
      { caseId: 'ARRANGED', planIssuedOn: d('2025-04-01') },
      makeReview({ meeting: makeMeeting('2026-02-10') }),
    ),
    makeFile(
      {
        caseId: 'TRANSFER',
        planIssuedOn: d('2025-06-01'),
        child: { name: 'Kit Fictional', dateOfBirth: d('2015-01-10') },
        phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-01') },
      },
      makeReview({ id: 'REVIEW-T', stage: 'pending' }),
    ),
  ];
  const start = d('2025-09-01');
  const days: PlainDate[] = Array.from({ length: 365 }, (_, i) => addDays(start, i));

  it('sends every warning once, on the day its threshold is reached', () => {
    const seen = new Map<string, { day: PlainDate; warning: Warning }>();
    for (const file of files) {
      const listing = listingOf(file, STATUTORY_DEFAULTS);
      for (const day of days) {
        for (const warning of warningsOfListing(listing, day)) {
          if (seen.has(warning.dedupeKey)) continue;
          seen.set(warning.dedupeKey, { day, warning });
        }
      }
    }
    expect(seen.size).toBeGreaterThan(20);
    for (const { day, warning } of seen.values()) {
      // A daily sweep meets every threshold on its own day, so the first sight is the day reached.
      expect(day).toBe(warning.reachedOn);
    }
    const review = [...seen.values()].filter(
      (s) => s.warning.caseId === 'PENDING' && s.warning.key === 'review_by',
    );
    expect(review.map((s) => [s.day, s.warning.threshold])).toEqual([
      // 12 months starting with 20 January 2025 end on 19 January 2026 (REVIEW_DUE).
      ['2025-12-22', 'before-28'],
      ['2026-01-12', 'before-7'],
      ['2026-01-19', 'on-the-day'],
      ...Array.from({ length: 32 }, (_, n) => [addDays(d('2026-01-20'), 7 * n), `overdue-${n}`]),
    ]);
  });

  it('is what the clock says on every day: the listing and clockFor agree', () => {
    for (const file of files) {
      const listing = listingOf(file, STATUTORY_DEFAULTS);
      for (const day of days) {
        const clock = clockFor(file, day, STATUTORY_DEFAULTS);
        const steps = DATE_KEYS.flatMap((key) => {
          const due = clock.dates[key];
          return due ? [{ key, date: due.date, done: due.done }] : [];
        });
        expect(warningsOfSteps(listing, steps, day)).toEqual(warningsOfListing(listing, day));
      }
    }
  });

  it('sends nothing more after a step is done', () => {
    const done = makeFile(
      { caseId: 'ARRANGED', planIssuedOn: d('2025-04-01') },
      makeReview({ stage: 'contributing', meeting: makeMeeting('2026-02-10') }),
    );
    const keys = days.flatMap((day) =>
      warningsOfListing(listingOf(done, STATUTORY_DEFAULTS), day).map((w) => w.key),
    );
    expect(keys).not.toContain('invite_by');
  });
});

describe('ownWarningsOf', () => {
  const file = makeFile({ planIssuedOn: d('2025-03-11') });
  const listing = listingOf(file, STATUTORY_DEFAULTS);
  const today = d('2026-03-20');

  it('gives the setting’s SENCo the setting’s dates and the LA’s officer the LA’s, the sweep’s own warnings', () => {
    // Worked out in the test, not when the file is collected: a mutant that breaks it must fail a test.
    const everything = warningsOfListing(listing, today);
    const senco: Actor = {
      roles: [{ kind: 'senco', settingUrn: file.case.settingUrn, laCode: file.case.laCode }],
    };
    const officer: Actor = { roles: [{ kind: 'la-officer', laCode: file.case.laCode }] };
    const mine = ownWarningsOf(senco, listing, today);
    const theirs = ownWarningsOf(officer, listing, today);
    expect(everything.length).toBeGreaterThan(0);
    expect(mine.every((w) => w.actor === 'senco')).toBe(true);
    expect(theirs.every((w) => w.actor === 'case-coordinator')).toBe(true);
    expect([...mine, ...theirs].map((w) => w.dedupeKey).sort()).toEqual(
      everything.map((w) => w.dedupeKey).sort(),
    );
  });

  it('gives nothing to a SENCo of another setting or an officer of another LA', () => {
    expect(
      ownWarningsOf(
        { roles: [{ kind: 'senco', settingUrn: '999999', laCode: file.case.laCode }] },
        listing,
        today,
      ),
    ).toEqual([]);
    expect(ownWarningsOf({ roles: [{ kind: 'la-officer', laCode: '001' }] }, listing, today)).toEqual([]);
  });
});
