import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChannelLink, digestFor, inLink } from '../../bot/src/review/digest.ts';
import { listingOf } from '../../bot/src/review/listing.ts';
import { addDays } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { anyCaseFile } from './arbitraries.ts';
import { d, makeFile, makeMeeting, makeReview } from './factories.ts';

const SETTINGS = ['100001', '100002', '100003'];
const LAS = ['860', '999'];
const LINKS: ChannelLink[] = [
  ...SETTINGS.map((settingUrn) => ({ kind: 'setting' as const, settingUrn })),
  ...LAS.map((laCode) => ({ kind: 'la' as const, laCode })),
];

describe('digestFor', () => {
  const files = [
    makeFile({
      caseId: 'A',
      settingUrn: '100001',
      planIssuedOn: d('2025-01-20'),
      child: { name: 'Amara Jones', dateOfBirth: d('2015-05-01') },
    }),
    makeFile(
      { caseId: 'B', settingUrn: '100001', planIssuedOn: d('2025-04-01') },
      makeReview({ meeting: makeMeeting('2026-02-10') }),
    ),
    makeFile({ caseId: 'C', settingUrn: '100002', planIssuedOn: d('2025-02-01') }),
  ];
  const listings = files.map((file) => listingOf(file, STATUTORY_DEFAULTS));

  it('groups by overdue, due this week and due in the next 4 weeks, earliest first', () => {
    const digest = digestFor({ kind: 'setting', settingUrn: '100001' }, listings, d('2026-01-15'));
    const rows = (group: keyof typeof digest) => digest[group].map((r) => `${r.caseId} ${r.key} ${r.date}`);
    expect(rows('overdue')).toEqual(['A latest_meeting 2025-12-22']);
    expect(rows('thisWeek')).toEqual(['A review_by 2026-01-19']);
    // B's latest meeting (3 March) is beyond the 4 weeks; C is another setting's.
    expect(rows('nextFourWeeks')).toEqual(['B invite_by 2026-01-27', 'B advice_by 2026-01-27']);
  });

  it('puts each day in its group: overdue before today, this week to the 6th day after, then to the 28th', () => {
    const today = d('2026-03-02');
    const on = (days: number) => addDays(today, days);
    const listing = {
      ...listingOf(files[0] as (typeof files)[number], STATUTORY_DEFAULTS),
      steps: [
        { key: 'review_by', date: on(29) },
        { key: 'latest_meeting', date: on(28) },
        { key: 'invite_by', date: on(7) },
        { key: 'advice_by', date: on(6) },
        { key: 'report_by', date: on(0) },
        { key: 'decision_by', date: on(-1) },
      ] as const,
    };
    const digest = digestFor({ kind: 'setting', settingUrn: '100001' }, [listing], today);
    const keys = (group: keyof typeof digest) => digest[group].map((r) => r.key);
    expect(keys('overdue')).toEqual(['decision_by']);
    expect(keys('thisWeek')).toEqual(['report_by', 'advice_by']);
    expect(keys('nextFourWeeks')).toEqual(['invite_by', 'latest_meeting']);
  });

  it('leaves out a step done from today or before, and keeps one done only from a day still ahead', () => {
    const today = d('2026-03-02');
    const listing = {
      ...listingOf(files[0] as (typeof files)[number], STATUTORY_DEFAULTS),
      steps: [
        { key: 'invite_by', date: addDays(today, 3), doneFrom: today },
        { key: 'advice_by', date: addDays(today, 3), doneFrom: addDays(today, -1) },
        { key: 'report_by', date: addDays(today, 3), doneFrom: addDays(today, 1) },
        { key: 'decision_by', date: addDays(today, 4) },
      ] as const,
    };
    const digest = digestFor({ kind: 'setting', settingUrn: '100001' }, [listing], today);
    expect(digest.thisWeek.map((r) => r.key)).toEqual(['report_by', 'decision_by']);
  });

  it('orders each group by date, then by case id, whatever order the listings come in', () => {
    const today = d('2026-03-02');
    const listing = (caseId: string, days: number) => ({
      ...listingOf(files[0] as (typeof files)[number], STATUTORY_DEFAULTS),
      caseId,
      steps: [{ key: 'review_by', date: addDays(today, days) }] as const,
    });
    const listings = [listing('B', 2), listing('C', 1), listing('A', 2), listing('D', -3), listing('E', -5)];
    const digest = digestFor({ kind: 'setting', settingUrn: '100001' }, listings, today);
    expect(digest.thisWeek.map((r) => r.caseId)).toEqual(['C', 'A', 'B']);
    expect(digest.overdue.map((r) => r.caseId)).toEqual(['E', 'D']);
  });

  it('names the child by first name only', () => {
    const digest = digestFor({ kind: 'la', laCode: '860' }, listings, d('2026-01-15'));
    expect(JSON.stringify(digest)).not.toContain('Jones');
    expect(digest.thisWeek[0]?.childFirstName).toBe('Amara');
  });

  it('shows in a channel only the cases of its link, and every due one of them (every row checked)', () => {
    const placed = fc.record({
      file: anyCaseFile,
      settingUrn: fc.constantFrom(...SETTINGS),
      laCode: fc.constantFrom(...LAS),
    });
    fc.assert(
      fc.property(fc.array(placed, { minLength: 1, maxLength: 12 }), fc.nat(11), (cases, pick) => {
        const listings = cases.map(({ file, settingUrn, laCode }, i) =>
          listingOf(
            { ...file, case: { ...file.case, caseId: `C${i}`, settingUrn, laCode } },
            STATUTORY_DEFAULTS,
          ),
        );
        // A day near one case's dates, so that digests have rows.
        const chosen = listings[pick % listings.length];
        const today = chosen?.steps[0]?.date ?? chosen?.nextDue ?? d('2026-01-01');
        for (const link of LINKS) {
          const digest = digestFor(link, listings, today);
          const rows = [...digest.overdue, ...digest.thisWeek, ...digest.nextFourWeeks];
          for (const row of rows) {
            const listing = listings.find((l) => l.caseId === row.caseId);
            expect(listing && inLink(link, listing) && listing.live).toBe(true);
          }
          const expected = listings
            .filter((l) => l.live && inLink(link, l))
            .flatMap((l) =>
              l.steps
                .filter(
                  (s) => (s.doneFrom === undefined || s.doneFrom > today) && s.date <= addDays(today, 28),
                )
                .map((s) => `${l.caseId}/${s.key}`),
            );
          expect(rows.map((r) => `${r.caseId}/${r.key}`).sort()).toEqual(expected.sort());
        }
      }),
      { numRuns: 200 },
    );
  });
});
