import type { NextAction } from '../review/next-action.ts';
import { daysBetween, formatLong, type PlainDate } from '../review/plain-date.ts';
import type { CaseSummary } from '../review/summary.ts';
import { actionWords, overdueWords, STAGE_WORDS } from '../review/words.ts';
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
  const { text: when, late } = dueWords(action, today);
  // Red for a statutory date passed only: Teams' "warning" yellow is too pale to read on a light theme.
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
        text: `Next: ${actionWords(action)}${when}`,
        ...(color ? { color } : {}),
        spacing: 'small',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: deadlineWords(summary.deadline, today),
        spacing: 'none',
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

/** "Deadline: 15 February 2027 (in 30 days), PHASE_TRANSFER": the case's earliest binding date. */
function deadlineWords(deadline: CaseSummary['deadline'], today: PlainDate): string {
  return `Deadline: ${formatLong(deadline.date)} (${relative(daysBetween(today, deadline.date))}), ${deadline.rule}`;
}

/**
 * When the next action is due, after its label, with the rule behind the date: ", by 30 November
 * 2026 (in 7 days), INVITE_NOTICE", or ", recommended by 30 November 2026 (3 days ago),
 * SUGGESTED_TIMELINE" for a date from the recommended timeline or guidance; `late` only for a
 * statutory date that has passed.
 *
 * @remarks A recommended date (UNDER_FIVE, the working timeline) is never overdue in law, so it is
 * never painted red or called late, as the tab's "Recommended by ..." (tab/src/cases/case-words.ts).
 */
function dueWords(
  action: Pick<NextAction, 'due' | 'recommended' | 'rule'>,
  today: PlainDate,
): { readonly text: string; readonly late: boolean } {
  if (!action.due) return { text: '', late: false };
  const days = daysBetween(today, action.due);
  const date = formatLong(action.due);
  const rule = action.rule ? `, ${action.rule}` : '';
  if (action.recommended) return { text: `, recommended by ${date} (${relative(days)})${rule}`, late: false };
  if (days < 0) return { text: `, by ${date} (late)${rule}`, late: true };
  return { text: `, by ${date} (${relative(days)})${rule}`, late: false };
}

/** "today", "tomorrow", "in 5 days", "yesterday", "5 days ago". */
function relative(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
