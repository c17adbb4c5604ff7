import { describe, expect, it } from 'vitest';
import { DeadlineSweep, nextRunAt, SWEEP_LEASE } from '../../bot/src/jobs/deadline-sweep.ts';
import { listingOf } from '../../bot/src/review/listing.ts';
import { addDays, type PlainDate } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { DEFAULT_WARNING_POLICY, type WarningPolicy } from '../../bot/src/review/warning-policy.ts';
import { warningsOfListing } from '../../bot/src/review/warnings.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { CosmosCaseStore } from '../../bot/src/store/cosmos-case-store.ts';
import { CosmosNotices } from '../../bot/src/store/cosmos-notices.ts';
import { CosmosDueListings } from '../../bot/src/store/due-listings.ts';
import { CosmosLaConfig } from '../../bot/src/store/la-config.ts';
import { d, makeFile, makeMeeting, makeReview } from '../review/factories.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();

/** The demo LA's cases over a school year: one pending, one arranged, one closed (not live). */
const FILES = [
  makeFile({ caseId: 'HP-001', planIssuedOn: d('2025-01-20') }),
  makeFile(
    { caseId: 'HP-002', planIssuedOn: d('2025-04-01') },
    makeReview({ meeting: makeMeeting('2026-02-10') }),
  ),
  makeFile({ caseId: 'HP-003', planIssuedOn: d('2025-05-05') }, makeReview({ id: 'R-3', stage: 'closed' })),
];

/** A London morning at 07:00 (06:00 UTC in summer time, 07:00 in winter). */
function morningOf(day: PlainDate): Date {
  const winter = new Date(`${day}T07:00:00.000Z`);
  return new Date(winter.getTime() - (isSummerTime(winter) ? 3_600_000 : 0));
}

function isSummerTime(instant: Date): boolean {
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    hourCycle: 'h23',
  });
  return hour.format(instant) !== String(instant.getUTCHours()).padStart(2, '0');
}

async function bench() {
  const store = new CosmosCaseStore(cosmos.db);
  for (const file of FILES) await store.create(file);
  const notices = await CosmosNotices.open(cosmos.db.database);
  const laConfig = await CosmosLaConfig.open(cosmos.db.database);
  let now = new Date('2025-09-01T06:00:00.000Z');
  const clock = { now: () => now, set: (to: Date) => (now = to) };
  const sweeper = (holder: string) =>
    new DeadlineSweep({
      listings: new CosmosDueListings(cosmos.db.cases),
      notices,
      holder,
      now: clock.now,
      warningPolicies: () => laConfig.warningPolicies(),
      log: memoryLog(),
    });
  return { notices, clock, sweeper, store, laConfig };
}

/** What the sweep should record on `day` for the live FILES under `policy`, by dedupe key. */
function expectedOn(day: PlainDate, policy: WarningPolicy): string[] {
  return FILES.flatMap((file) =>
    warningsOfListing(listingOf(file, STATUTORY_DEFAULTS), day, policy).map((w) => w.dedupeKey),
  ).sort();
}

async function recordedKeys(notices: CosmosNotices): Promise<string[]> {
  const cases = await Promise.all(FILES.map((file) => notices.ofCase('860', file.case.caseId)));
  return cases.flatMap((found) => found.map((n) => n.warning.dedupeKey)).sort();
}

describe('the deadline sweep', () => {
  it('over a school year records every warning once, on the day it is due, through a restart', async () => {
    const { notices, clock, sweeper } = await bench();
    const start = d('2025-09-01');
    const days = Array.from({ length: 365 }, (_, i) => addDays(start, i));
    const expected = new Map<string, PlainDate>();
    for (const file of FILES) {
      const listing = listingOf(file, STATUTORY_DEFAULTS);
      for (const day of days) {
        for (const w of warningsOfListing(listing, day))
          if (!expected.has(w.dedupeKey)) expected.set(w.dedupeKey, day);
      }
    }
    let instance = sweeper('instance-a');
    let recorded = 0;
    for (const [i, day] of days.entries()) {
      if (i === 180) instance = sweeper('instance-b'); // a restart mid-year, under another name
      clock.set(morningOf(day));
      const report = await instance.runOnce();
      expect(report.swept).toBe(true);
      if (report.swept) {
        expect(report.day).toBe(day);
        recorded += report.recorded;
      }
      if (i === 120)
        expect((await instance.runOnce()).swept && (await instance.runOnce())).toMatchObject({ recorded: 0 });
    }
    const stored = [...(await notices.ofCase('860', 'HP-001')), ...(await notices.ofCase('860', 'HP-002'))];
    expect(await notices.ofCase('860', 'HP-003')).toEqual([]);
    expect(recorded).toBe(expected.size);
    expect(stored).toHaveLength(expected.size);
    for (const notice of stored) {
      expect(expected.get(notice.warning.dedupeKey)).toBe(notice.warning.reachedOn);
      expect(new Date(notice.recordedAt).getTime()).toBe(morningOf(notice.warning.reachedOn).getTime());
    }
  }, 120_000);

  it('records nothing when a second sweeper holds no lease', async () => {
    const { notices, clock, sweeper } = await bench();
    clock.set(morningOf(d('2026-01-19')));
    const until = new Date(clock.now().getTime() + 60_000).toISOString();
    expect(await notices.acquireLease(SWEEP_LEASE, 'instance-a', clock.now().toISOString(), until)).toBe(
      true,
    );
    expect(await sweeper('instance-b').runOnce()).toEqual({ swept: false, reason: 'lease-held' });
    expect(await notices.ofCase('860', 'HP-001')).toEqual([]);
    // Once the lease has run out, the other sweeper takes it.
    clock.set(new Date(clock.now().getTime() + 61_000));
    expect(await sweeper('instance-b').runOnce()).toMatchObject({ swept: true });
    const sent = (await notices.ofCase('860', 'HP-001')).map(
      (n) => `${n.warning.key} ${n.warning.threshold}`,
    );
    expect(sent.sort()).toEqual(['latest_meeting overdue-3', 'review_by on-the-day']);
  });

  it('of two sweepers racing for the lease lets one record', async () => {
    const { notices, clock, sweeper } = await bench();
    clock.set(morningOf(d('2026-01-19')));
    const reports = await Promise.all([sweeper('instance-a').runOnce(), sweeper('instance-b').runOnce()]);
    const recorded = reports.reduce((sum, r) => sum + (r.swept ? r.recorded : 0), 0);
    expect(recorded).toBe(
      (await notices.ofCase('860', 'HP-001')).length + (await notices.ofCase('860', 'HP-002')).length,
    );
    expect(recorded).toBeGreaterThan(0);
  });

  it('reads only the cases with something due within the horizon', async () => {
    const { clock, sweeper, store } = await bench();
    // Plans made in November: nothing due within four weeks of 22 December.
    const later = (i: number) => makeFile({ caseId: `LATER-${i}`, planIssuedOn: d('2025-11-01') });
    expect(listingOf(later(0), STATUTORY_DEFAULTS).nextDue > '2026-01-19').toBe(true);
    for (let i = 0; i < 20; i += 1) await store.create(later(i));
    clock.set(morningOf(d('2025-12-22')));
    const due = FILES.map((f) => listingOf(f, STATUTORY_DEFAULTS)).filter(
      (l) => l.live && l.nextDue <= '2026-01-19',
    );
    expect(await sweeper('instance-a').runOnce()).toMatchObject({ swept: true, cases: due.length });
  });
});

describe('the deadline sweep, when an LA chose when to warn', () => {
  // On 5 December 2025 HP-001's review is due in 45 days, its latest sensible meeting in 17, and
  // HP-002's invitations in 53.
  const day = d('2025-12-05');
  const eightWeeks: WarningPolicy = { daysBefore: [56, 14], overdueEveryDays: 14 };

  it('warns as the LA chose, and reads as far ahead as its longest lead', async () => {
    const { notices, clock, sweeper, laConfig } = await bench();
    await laConfig.setWarningPolicy('860', eightWeeks, '2025-11-01T09:00:00.000Z');
    clock.set(morningOf(day));
    const report = await sweeper('instance-a').runOnce();
    const expected = expectedOn(day, eightWeeks);
    expect(expected).not.toEqual(expectedOn(day, DEFAULT_WARNING_POLICY));
    expect(expected.some((key) => key.includes('/invite_by/') && key.endsWith('/before-56'))).toBe(true);
    expect(await recordedKeys(notices)).toEqual(expected);
    // HP-002 is read only because this LA looks 56 days ahead, not 28.
    const dueWithin = (days: number) =>
      FILES.map((f) => listingOf(f, STATUTORY_DEFAULTS)).filter(
        (l) => l.live && l.nextDue <= addDays(day, days),
      ).length;
    expect(dueWithin(56)).toBeGreaterThan(dueWithin(28));
    expect(report).toMatchObject({ swept: true, cases: dueWithin(56), recorded: expected.length });
  });

  it('an LA that chose nothing keeps the default, beside one that chose', async () => {
    const { notices, clock, sweeper, laConfig } = await bench();
    await laConfig.setWarningPolicy('999', eightWeeks, '2025-11-01T09:00:00.000Z');
    clock.set(morningOf(day));
    await sweeper('instance-a').runOnce();
    expect(await recordedKeys(notices)).toEqual(expectedOn(day, DEFAULT_WARNING_POLICY));
  });

  it('a change applies from the next sweep, and nothing recorded before is recorded again', async () => {
    const { notices, clock, sweeper, laConfig } = await bench();
    clock.set(morningOf(day));
    await sweeper('instance-a').runOnce();
    const before = await recordedKeys(notices);
    expect(before).toEqual(expectedOn(day, DEFAULT_WARNING_POLICY));
    await laConfig.setWarningPolicy('860', eightWeeks, clock.now().toISOString());
    const next = addDays(day, 1);
    clock.set(morningOf(next));
    const report = await sweeper('instance-a').runOnce();
    const now = new Set(expectedOn(next, eightWeeks));
    expect(await recordedKeys(notices)).toEqual([...new Set([...before, ...now])].sort());
    expect(report).toMatchObject({ recorded: [...now].filter((key) => !before.includes(key)).length });
  });
});

describe('nextRunAt (Europe/London)', () => {
  it('is today at the time when it is still ahead, else tomorrow', () => {
    expect(nextRunAt(new Date('2026-01-10T05:00:00Z'), '06:30').toISOString()).toBe(
      '2026-01-10T06:30:00.000Z',
    );
    expect(nextRunAt(new Date('2026-01-10T07:00:00Z'), '06:30').toISOString()).toBe(
      '2026-01-11T06:30:00.000Z',
    );
  });

  it('keeps London wall-clock time in summer', () => {
    expect(nextRunAt(new Date('2026-06-10T03:00:00Z'), '06:30').toISOString()).toBe(
      '2026-06-10T05:30:00.000Z',
    );
  });

  it('goes through the clock changes', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST; 01:30 does not exist that day.
    expect(nextRunAt(new Date('2026-03-28T23:00:00Z'), '01:30').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    // 25 October 2026: 01:30 happens twice; the first is BST.
    expect(nextRunAt(new Date('2026-10-24T23:30:00Z'), '01:30').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('refuses a time that is not HH:MM', () => {
    expect(() => nextRunAt(new Date(), '7am')).toThrow(/HH:MM/);
  });
});
