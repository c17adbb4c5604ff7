import type { Digest, DigestRow } from '../review/digest.ts';
import { formatLong, type PlainDate } from '../review/plain-date.ts';
import { RULES } from '../review/rules.ts';
import { DATE_KEY_WORDS } from '../review/words.ts';
import {
  type AdaptiveCard,
  CARD_SCHEMA,
  CARD_VERSION,
  type CardElement,
  type Container,
} from './adaptive-card.ts';

/**
 * Rows a digest card shows per group: a channel digest must stay under Teams' 28 KB card limit
 * whatever the caseload (a SENCo with 450 plans); the rest are in the tab.
 */
export const DIGEST_GROUP_LIMIT = 15;

export interface DigestCardInput {
  readonly digest: Digest;
  readonly today: PlainDate;
  /** What the channel is linked to, as people call it ("Harbour Primary", "Northshire SEND team"). */
  readonly linkName: string;
  /** The tab's public URL: each row's "Open" goes to the case there. */
  readonly tabUrl: string;
  /** How someone changes what they receive (the digest must say: issue 13); {@link DIGEST_HOW_TO_CHANGE} by default. */
  readonly howToChange?: string;
}

/**
 * What every digest says about changing what one receives (issue 13: "each digest says how to change
 * what one receives").
 *
 * @remarks The words follow the rules: the channel's link is changed on its tab's configuration page
 * by whoever may link it (permissions.ts `mayLinkChannel`); a person mutes a case for themself on the
 * case's page, which never silences this digest nor the LA's statutory dates (review/mutes.ts).
 */
export const DIGEST_HOW_TO_CHANGE =
  'This digest comes once a day. To change which cases this channel gets, the setting’s SENCo or an LA officer opens the EHC Review Hub tab’s settings in this channel. To stop your own messages about a case, open the case in the tab and choose “Mute my warnings”: the dates the local authority must act on, and this digest, are still sent.';

const GROUPS = [
  { key: 'overdue', title: 'Overdue' },
  { key: 'thisWeek', title: 'Due this week' },
  { key: 'nextFourWeeks', title: 'Due in the next 4 weeks' },
] as const;

/**
 * The daily digest posted in a linked channel: one card, not one post per review (issue 13).
 *
 * @remarks A row names the child by first name and case id, nothing more: a channel can hold people
 * who do not work on every review.
 */
export function digestCard(input: DigestCardInput): AdaptiveCard {
  const { digest, today, linkName, tabUrl } = input;
  const total = digest.overdue.length + digest.thisWeek.length + digest.nextFourWeeks.length;
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `Review deadlines for ${linkName}`,
      style: 'heading',
      size: 'large',
      weight: 'bolder',
      wrap: true,
    },
    {
      type: 'TextBlock',
      text: `${digest.overdue.length} overdue, ${digest.thisWeek.length} due this week, ${digest.nextFourWeeks.length} in the next 4 weeks. Today is ${formatLong(today)}.`,
      isSubtle: true,
      spacing: 'none',
      wrap: true,
    },
  ];
  if (total === 0) body.push({ type: 'TextBlock', text: 'Nothing is due in the next 4 weeks.', wrap: true });
  for (const group of GROUPS) {
    const rows = digest[group.key];
    if (rows.length === 0) continue;
    body.push({
      type: 'TextBlock',
      text: `${group.title} (${rows.length})`,
      weight: 'bolder',
      spacing: 'large',
      ...(group.key === 'overdue' ? { color: 'attention' as const } : {}),
      wrap: true,
    });
    body.push(...rows.slice(0, DIGEST_GROUP_LIMIT).map((row) => rowItem(row, tabUrl)));
    if (rows.length > DIGEST_GROUP_LIMIT) {
      body.push({
        type: 'TextBlock',
        text: `And ${rows.length - DIGEST_GROUP_LIMIT} more in the EHC Review Hub tab.`,
        isSubtle: true,
        wrap: true,
      });
    }
  }
  body.push({
    type: 'TextBlock',
    text: input.howToChange ?? DIGEST_HOW_TO_CHANGE,
    isSubtle: true,
    size: 'small',
    spacing: 'large',
    wrap: true,
  });
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    fallbackText: `Review deadlines for ${linkName}: ${digest.overdue.length} overdue, ${digest.thisWeek.length} due this week, ${digest.nextFourWeeks.length} in the next 4 weeks.`,
  };
}

function rowItem(row: DigestRow, tabUrl: string): Container {
  const path = `#/cases/${encodeURIComponent(row.laCode)}/${encodeURIComponent(row.caseId)}`;
  return {
    type: 'Container',
    separator: true,
    items: [
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: [
              {
                type: 'TextBlock',
                text: `${row.childFirstName} · case ${row.caseId}`,
                weight: 'bolder',
                wrap: true,
              },
              {
                type: 'TextBlock',
                text: `${capitalise(DATE_KEY_WORDS[row.key])} by ${formatLong(row.date)} (${RULES[row.rule].title})`,
                spacing: 'none',
                wrap: true,
              },
            ],
          },
          {
            type: 'Column',
            width: 'auto',
            items: [
              {
                type: 'ActionSet',
                actions: [{ type: 'Action.OpenUrl', title: 'Open', url: new URL(path, tabUrl).href }],
              },
            ],
          },
        ],
      },
    ],
  };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
