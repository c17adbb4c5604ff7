import { daysBetween, formatLong, isBefore, type PlainDate } from '../review/plain-date.ts';
import type { CaseSummary } from '../review/summary.ts';
import { overdueWords, STAGE_WORDS } from '../review/words.ts';
import {
  type AdaptiveCard,
  CARD_SCHEMA,
  CARD_VERSION,
  type CardElement,
  type Container,
  type TextColor,
} from './adaptive-card.ts';

/**
 * How many reviews the card lists. Ten keep it readable in a chat and far under Teams' 28 KB limit
 * whatever the names; the tab lists them all.
 */
export const CARD_REVIEW_LIMIT = 10;

export interface LiveReviewsCardInput {
  /** Most urgent first (`byUrgency`). */
  readonly summaries: readonly CaseSummary[];
  readonly today: PlainDate;
  /** Where the tab is, for the "Open" button; no button without it. */
  readonly tabUrl?: string;
}

/**
 * The answer to "reviews": the user's live reviews, most urgent first, each with its stage, its next
 * action and when that is due, overdue ones marked.
 */
export function liveReviewsCard(input: LiveReviewsCardInput): AdaptiveCard {
  const { summaries, today, tabUrl } = input;
  const shown = summaries.slice(0, CARD_REVIEW_LIMIT);
  const more = summaries.length - shown.length;
  const overdue = summaries.filter((summary) => summary.overdue.length > 0).length;
  const heading: CardElement[] = [
    {
      type: 'TextBlock',
      text: 'Your live reviews',
      style: 'heading',
      size: 'large',
      weight: 'bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: `${count(summaries.length, 'live review')}, ${overdue} overdue. Today is ${formatLong(today)}.`,
      isSubtle: true,
      spacing: 'none',
      wrap: true,
    },
  ];
  const footer: CardElement[] =
    summaries.length === 0
      ? [{ type: 'TextBlock', text: 'You have no live reviews.', wrap: true }]
      : more > 0
        ? [
            {
              type: 'TextBlock',
              text: `The ${CARD_REVIEW_LIMIT} most urgent are shown; ${count(more, 'more review')} in the EHC Review Hub tab.`,
              wrap: true,
              spacing: 'medium',
            },
          ]
        : [];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [...heading, ...shown.map((summary) => reviewItem(summary, today)), ...footer],
    ...(tabUrl
      ? { actions: [{ type: 'Action.OpenUrl', title: 'Open the EHC Review Hub', url: tabUrl }] }
      : {}),
    fallbackText: `${count(summaries.length, 'live review')}, ${overdue} overdue. Open the EHC Review Hub tab to see them.`,
    speak: `You have ${count(summaries.length, 'live review')}, ${overdue} overdue.`,
  };
}

function reviewItem(summary: CaseSummary, today: PlainDate): Container {
  const action = summary.nextAction;
  const late = action.due !== undefined && isBefore(action.due, today);
  const when = action.due ? `, by ${formatLong(action.due)} (${relative(action.due, today)})` : '';
  // Red for late only: Teams' "warning" yellow is too pale to read on a light theme.
  const color: TextColor | undefined = late ? 'attention' : undefined;
  const where = [summary.settingName, `case ${summary.laCode}/${summary.caseId}`].filter(Boolean).join(' · ');
  return {
    type: 'Container',
    separator: true,
    spacing: 'medium',
    items: [
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              { type: 'TextBlock', text: summary.childName, weight: 'bolder', wrap: true, maxLines: 2 },
            ],
          },
          {
            type: 'Column',
            width: 'auto',
            items: [{ type: 'TextBlock', text: STAGE_WORDS[summary.stage], isSubtle: true, wrap: true }],
          },
        ],
      },
      ...(summary.overdue.length > 0
        ? [
            {
              type: 'TextBlock' as const,
              text: `⚠ Overdue: ${overdueWords(summary.overdue)}`,
              color: 'attention' as const,
              weight: 'bolder' as const,
              spacing: 'small' as const,
              wrap: true,
            },
          ]
        : []),
      {
        type: 'TextBlock',
        text: `Next: ${action.label}${when}`,
        ...(color ? { color } : {}),
        spacing: 'small',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: where,
        isSubtle: true,
        size: 'small',
        spacing: 'none',
        wrap: true,
        maxLines: 2,
      },
    ],
  };
}

/** "late", "today", "tomorrow", "in 5 days". */
function relative(due: PlainDate, today: PlainDate): string {
  const days = daysBetween(today, due);
  if (days < 0) return 'late';
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
