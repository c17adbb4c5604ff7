import { describe, expect, it } from 'vitest';
import { type AdaptiveCard, cardBytes, TEAMS_CARD_LIMIT_BYTES } from '../../bot/src/cards/adaptive-card.ts';
import { CARD_REVIEW_LIMIT, liveReviewsCard } from '../../bot/src/cards/live-reviews-card.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { cardSchemaErrors } from './card-schema.ts';
import { makeSummary } from './factories.ts';

const today = plainDate('2026-11-23');

function textOf(card: unknown): string {
  return JSON.stringify(card);
}

/** The "Next: ..." line of the card's first review. */
function nextLine(card: AdaptiveCard): { text?: string; color?: string } | undefined {
  const item = card.body.find((element) => element.type === 'Container') as
    | { items: { type: string; text?: string; color?: string }[] }
    | undefined;
  return item?.items.find((element) => element.type === 'TextBlock' && element.text?.startsWith('Next:'));
}

describe('the live reviews card', () => {
  it('is a valid Adaptive Card 1.5 with no reviews, one, and more than it shows', () => {
    for (const count of [0, 1, 30]) {
      const card = liveReviewsCard({
        summaries: Array.from({ length: count }, (_, i) => makeSummary(i)),
        today,
        tabUrl: 'http://localhost:3978/',
      });
      expect(card.version).toBe('1.5');
      expect(cardSchemaErrors(card)).toEqual([]);
    }
  });

  it('says so when there are no live reviews', () => {
    expect(textOf(liveReviewsCard({ summaries: [], today }))).toContain('You have no live reviews.');
  });

  it('lists each review with the child, the stage, the next action and its due date', () => {
    const card = liveReviewsCard({
      summaries: [makeSummary(1, { childName: 'Leo Whitfield', stage: 'contributing' })],
      today,
    });
    const text = textOf(card);
    expect(text).toContain('Leo Whitfield');
    expect(text).toContain('Contributing views');
    expect(text).toContain('Next: Start the review, by 20 December 2026 (in 27 days)');
  });

  it('says how soon the next action is due', () => {
    const dueOn = (due: string) =>
      textOf(
        liveReviewsCard({
          summaries: [
            makeSummary(1, {
              nextAction: { label: 'Submit the report', by: 'setting', yours: true, due: plainDate(due) },
            }),
          ],
          today,
        }),
      );
    expect(dueOn('2026-11-23')).toContain('by 23 November 2026 (today)');
    expect(dueOn('2026-11-24')).toContain('by 24 November 2026 (tomorrow)');
    expect(dueOn('2026-11-22')).toContain('by 22 November 2026 (late)');
  });

  it('marks an overdue review, and a next action whose date has passed as late', () => {
    const card = liveReviewsCard({
      summaries: [
        makeSummary(1, {
          overdue: ['review_by', 'latest_meeting'],
          nextAction: { label: 'Start the review', by: 'setting', yours: true, due: plainDate('2026-08-18') },
        }),
      ],
      today,
    });
    const text = textOf(card);
    expect(text).toContain('⚠ Overdue: Review decision and review meeting');
    expect(text).toContain('by 18 August 2026 (late)');
    expect(text).toContain('1 live review, 1 overdue');
  });

  it('paints a statutory next action whose date has passed red', () => {
    const card = liveReviewsCard({
      summaries: [
        makeSummary(1, {
          nextAction: {
            label: 'Submit the report',
            by: 'setting',
            yours: true,
            due: plainDate('2026-11-20'),
            rule: 'REPORT_DUE',
          },
        }),
      ],
      today,
    });
    expect(nextLine(card)).toEqual(
      expect.objectContaining({
        text: 'Next: Submit the report, by 20 November 2026 (late), REPORT_DUE',
        color: 'attention',
      }),
    );
  });

  it('shows a recommended date (timeline or guidance) as "recommended by", in the normal colour, never late', () => {
    const recommended = (due: string) =>
      liveReviewsCard({
        summaries: [
          makeSummary(1, {
            nextAction: {
              label: 'Start the review',
              by: 'setting',
              yours: true,
              due: plainDate(due),
              rule: 'SUGGESTED_TIMELINE',
              recommended: true,
            },
          }),
        ],
        today,
      });
    const passed = recommended('2026-08-18');
    expect(cardSchemaErrors(passed)).toEqual([]);
    expect(nextLine(passed)).toEqual({
      type: 'TextBlock',
      text: 'Next: Start the review, recommended by 18 August 2026 (97 days ago), SUGGESTED_TIMELINE',
      spacing: 'small',
      wrap: true,
    });
    expect(textOf(passed)).not.toContain('late');
    expect(nextLine(recommended('2026-11-22'))?.text).toBe(
      'Next: Start the review, recommended by 22 November 2026 (yesterday), SUGGESTED_TIMELINE',
    );
    expect(nextLine(recommended('2026-12-20'))?.text).toBe(
      'Next: Start the review, recommended by 20 December 2026 (in 27 days), SUGGESTED_TIMELINE',
    );
  });

  it('words a step someone else owns with its owner, as the tab does (actionWords)', () => {
    const card = liveReviewsCard({
      summaries: [
        makeSummary(1, {
          nextAction: { label: 'Awaiting LA decision', by: 'la', yours: false, due: plainDate('2026-11-30') },
        }),
      ],
      today,
    });
    expect(textOf(card)).toContain('Next: Awaiting LA decision: for the LA, by 30 November 2026 (in 7 days)');
  });

  it('shows each case’s deadline with its rule: a phase transfer before its review-by date', () => {
    const card = liveReviewsCard({
      summaries: [
        makeSummary(1, {
          deadline: {
            key: 'phase_transfer_by',
            date: plainDate('2027-02-15'),
            rule: 'PHASE_TRANSFER',
            explanation:
              'Complete the review and issue the plan amended to name the new setting by this date.',
          },
        }),
      ],
      today,
    });
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(textOf(card)).toContain('Deadline: 15 February 2027 (in 84 days), PHASE_TRANSFER');
  });

  it(`shows the ${CARD_REVIEW_LIMIT} most urgent in the order given and says how many more`, () => {
    const summaries = Array.from({ length: 23 }, (_, i) => makeSummary(i));
    const text = textOf(liveReviewsCard({ summaries, today }));
    expect(text).toContain('Child 9 Fictional');
    expect(text).not.toContain('Child 10 Fictional');
    expect(text).toContain('13 more reviews in the EHC Review Hub tab');
    expect(text.indexOf('Child 0 Fictional')).toBeLessThan(text.indexOf('Child 9 Fictional'));
  });

  it('stays under the 28 KB Teams limit with 450 cases and the longest names', () => {
    const long = 'Ä'.repeat(200);
    const summaries = Array.from({ length: 450 }, (_, i) =>
      makeSummary(i, {
        childName: `${long} ${i}`,
        settingName: long,
        caseId: `${'C'.repeat(60)}${i}`,
        overdue: ['review_by', 'latest_meeting', 'invite_by', 'advice_by', 'report_by', 'decision_by'],
        nextAction: {
          label: 'Circulate the advice and progress to the meeting',
          by: 'setting',
          yours: true,
          due: today,
        },
      }),
    );
    const card = liveReviewsCard({ summaries, today, tabUrl: 'http://localhost:3978/' });
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
  });

  it('offers the tab when its address is known', () => {
    const card = liveReviewsCard({ summaries: [], today, tabUrl: 'http://localhost:3978/' });
    expect(card.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the EHC Review Hub', url: 'http://localhost:3978/' },
    ]);
    expect(liveReviewsCard({ summaries: [], today }).actions).toBeUndefined();
  });
});

describe('the card schema check itself', () => {
  it('rejects a card the schema does not allow', () => {
    expect(
      cardSchemaErrors({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock' }] }),
    ).not.toEqual([]);
  });
});
