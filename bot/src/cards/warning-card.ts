import { daysBetween, formatLong, type PlainDate } from '../review/plain-date.ts';
import { RULES } from '../review/rules.ts';
import type { Warning } from '../review/warnings.ts';
import { DATE_KEY_WORDS } from '../review/words.ts';
import { type AdaptiveCard, CARD_SCHEMA, CARD_VERSION } from './adaptive-card.ts';

export interface WarningCardInput {
  readonly warning: Warning;
  /** The day it is sent (how far off the date is, in words). */
  readonly today: PlainDate;
  /** The tab's public URL: "Open the case" goes to the case there. */
  readonly tabUrl: string;
  /** How the recipient changes what they receive, worded by the caller; none for a warning no one may mute. */
  readonly howToChange?: string;
}

/** How the recipient of a warning they may mute stops them: the case page's control (tab/src/warnings). */
export const PERSONAL_HOW_TO_CHANGE =
  'To stop these messages about this case, open it and choose “Mute my warnings”. The local authority’s statutory dates are still sent.';

/**
 * The personal message to the person who must act on a date (issue 13): the child by first name
 * and case id, the date with its rule, how far off it is, and a button to the case in the tab.
 */
export function warningCard(input: WarningCardInput): AdaptiveCard {
  const { warning, today, tabUrl } = input;
  const what = capitalise(DATE_KEY_WORDS[warning.key]);
  const path = `#/cases/${encodeURIComponent(warning.laCode)}/${encodeURIComponent(warning.caseId)}`;
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      {
        type: 'TextBlock',
        text: `${warning.childFirstName} · case ${warning.caseId}`,
        style: 'heading',
        weight: 'bolder',
        wrap: true,
      },
      {
        type: 'TextBlock',
        text: `${what} by ${formatLong(warning.date)} (${RULES[warning.rule].title}): ${whenWords(warning.date, today)}.`,
        wrap: true,
        ...(warning.overdue ? { color: 'attention' as const } : {}),
      },
      ...(input.howToChange
        ? [
            {
              type: 'TextBlock' as const,
              text: input.howToChange,
              isSubtle: true,
              size: 'small' as const,
              wrap: true,
            },
          ]
        : []),
    ],
    actions: [{ type: 'Action.OpenUrl', title: 'Open the case', url: new URL(path, tabUrl).href }],
    fallbackText: warningSummary(warning, today),
  };
}

/** One line: what the notification of the warning says. */
export function warningSummary(warning: Warning, today: PlainDate): string {
  return `${warning.childFirstName} (case ${warning.caseId}): ${DATE_KEY_WORDS[warning.key]} by ${formatLong(warning.date)}, ${whenWords(warning.date, today)}`;
}

function whenWords(date: PlainDate, today: PlainDate): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'due today';
  if (days > 0) return `due in ${days} day${days === 1 ? '' : 's'}`;
  return `overdue by ${-days} day${days === -1 ? '' : 's'}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
