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
