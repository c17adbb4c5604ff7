import { describe, expect, it } from 'vitest';
import { cardBytes, TEAMS_CARD_LIMIT_BYTES } from '../../bot/src/cards/adaptive-card.ts';
import { DIGEST_GROUP_LIMIT, DIGEST_HOW_TO_CHANGE, digestCard } from '../../bot/src/cards/digest-card.ts';
import type { Digest, DigestRow } from '../../bot/src/review/digest.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { cardSchemaErrors } from './card-schema.ts';

const today = plainDate('2026-01-15');
const tabUrl = 'http://localhost:3978/';

function row(i: number, date = '2026-01-19'): DigestRow {
  return {
    laCode: '999',
    caseId: `NS/${i}`,
    childFirstName: `Child${i}`,
    key: 'review_by',
    date: plainDate(date),
    rule: 'REVIEW_DUE',
    actor: 'case-coordinator',
  };
}

const empty: Digest = { overdue: [], thisWeek: [], nextFourWeeks: [] };

describe('the digest card', () => {
  it('is a valid Adaptive Card 1.5, empty or full, and under Teams’ size limit', () => {
    const full: Digest = {
      overdue: Array.from({ length: 40 }, (_, i) => row(i, '2026-01-02')),
      thisWeek: Array.from({ length: 40 }, (_, i) => row(100 + i)),
      nextFourWeeks: Array.from({ length: 40 }, (_, i) => row(200 + i, '2026-02-01')),
    };
    for (const digest of [empty, full]) {
      const card = digestCard({
        digest,
        today,
        linkName: 'Harbour Primary',
        tabUrl,
        howToChange: 'Ask your SENCo.',
      });
      expect(cardSchemaErrors(card)).toEqual([]);
      expect(cardBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    }
  });

  it('groups the rows, each with the first name, the case id, the date with its rule and an Open button', () => {
    const card = digestCard({
      digest: { ...empty, thisWeek: [row(7)] },
      today,
      linkName: 'Harbour Primary',
      tabUrl,
    });
    const text = JSON.stringify(card);
    expect(text).toContain('Due this week (1)');
    expect(text).not.toContain('Overdue (');
    expect(text).toContain('Child7 · case NS/7');
    expect(text).toContain('Review decision by 19 January 2026 (Annual review due)');
    expect(text).toContain('"url":"http://localhost:3978/#/cases/999/NS%2F7"');
  });

  it(`shows at most ${DIGEST_GROUP_LIMIT} rows a group and says how many more`, () => {
    const digest = {
      ...empty,
      overdue: Array.from({ length: DIGEST_GROUP_LIMIT + 3 }, (_, i) => row(i, '2026-01-02')),
    };
    const text = JSON.stringify(digestCard({ digest, today, linkName: 'Harbour Primary', tabUrl }));
    expect(text).toContain('And 3 more in the EHC Review Hub tab.');
    expect(text.match(/"title":"Open"/g)).toHaveLength(DIGEST_GROUP_LIMIT);
  });

  it('says how to change what one receives: the channel’s link, one’s own mute, and what a mute leaves on', () => {
    const text = JSON.stringify(digestCard({ digest: empty, today, linkName: 'Harbour Primary', tabUrl }));
    expect(text).toContain(JSON.stringify(DIGEST_HOW_TO_CHANGE).slice(1, -1));
    expect(DIGEST_HOW_TO_CHANGE).toMatch(/SENCo or an LA officer/);
    expect(DIGEST_HOW_TO_CHANGE).toMatch(/Mute my warnings/);
    expect(DIGEST_HOW_TO_CHANGE).toMatch(/this digest, are still sent/);
  });
});
