import type { Problem } from '../review/errors.ts';
import { formatLong, type PlainDate } from '../review/plain-date.ts';
import type { RuleId } from '../review/rules.ts';
import { type AdaptiveCard, CARD_SCHEMA, CARD_VERSION, type CardElement } from './adaptive-card.ts';
import { MAX_REFRESH_USERS } from './advice-card.ts';
import { executeAction, problemText } from './card-parts.ts';

/** The verbs of the allocation card (teams/card-actions.ts): `<area>.<action>`. */
export const ALLOCATION_VERBS = {
  accept: 'allocation.accept',
  decline: 'allocation.decline',
  allocate: 'allocation.allocate',
  refresh: 'allocation.refresh',
} as const;

/**
 * The card's input ids: the same `where` the domain's problems name (decide-contribute.ts), so each
 * problem is shown under its own input.
 */
export const ALLOCATION_INPUTS = {
  reason: 'reason',
  name: 'professional.name',
  email: 'professional.email',
} as const;
export type AllocationInputId = (typeof ALLOCATION_INPUTS)[keyof typeof ALLOCATION_INPUTS];

/** What the allocation card is about: enough for the bot to find the request again, nothing personal. */
export interface AllocationSubject {
  readonly laCode: string;
  readonly caseId: string;
  readonly requestId: string;
}

/** ADVICE_CIRCULATED's date for this review, with the clock's words for why (review/clock.ts). */
export interface AdviceBy {
  readonly date: PlainDate;
  readonly rule: RuleId;
  readonly explanation: string;
}

export interface AllocationCardInput {
  readonly subject: AllocationSubject;
  /** The child's first name only: a card can be seen over a shoulder and in notifications. */
  readonly childFirstName: string;
  /** The team's name as invited (e.g. the Disability Service). */
  readonly teamName: string;
  readonly meetingOn?: PlainDate;
  readonly adviceBy?: AdviceBy;
  /**
   * Made once per card sent: each action's command id is derived from it (`<cardId>-allocate`), so the
   * same press delivered twice changes nothing twice.
   */
  readonly cardId: string;
  /** What was typed, put back when the card comes back with problems. */
  readonly typed?: Readonly<Partial<Record<AllocationInputId, string>>>;
  /** The problems of the last press, each under the input it names. */
  readonly problems?: readonly Problem[];
}

/**
 * The card a team's allocator gets for a request to the team's mailbox (issue 9; seed: the team
 * "will allocate a named professional"): accept it for the team and answer it themself, decline it
 * with a reason, or allocate a named professional, who then gets the request.
 *
 * @remarks No input is `isRequired`: Teams checks every input of the card on any press, so a required
 * reason would stop "Allocate". The bot checks each action's own inputs and answers with the card
 * again, the problem under its input. The LA's directory lists no professionals by team, so the
 * professional is named by name and address rather than chosen from a list.
 */
export function allocationCard(input: AllocationCardInput): AdaptiveCard {
  const problems = input.problems ?? [];
  const data = {
    laCode: input.subject.laCode,
    caseId: input.subject.caseId,
    requestId: input.subject.requestId,
    cardId: input.cardId,
  };
  const typed = input.typed ?? {};
  const text = (
    id: AllocationInputId,
    label: string,
    maxLength: number,
    extra: { placeholder?: string } = {},
  ) => [
    {
      type: 'Input.Text' as const,
      id,
      label,
      maxLength,
      ...extra,
      ...(typed[id] ? { value: typed[id] } : {}),
    },
    ...problemText(problems, id),
  ];
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `${input.teamName} is asked for advice`,
      style: 'heading',
      size: 'medium',
      weight: 'bolder',
      wrap: true,
    },
    { type: 'FactSet', facts: facts(input) },
    ...(input.adviceBy
      ? [{ type: 'TextBlock' as const, text: input.adviceBy.explanation, wrap: true, size: 'small' as const }]
      : []),
    ...(problems.length > 0
      ? [
          {
            type: 'TextBlock' as const,
            text: 'Nothing was changed: see below.',
            color: 'attention' as const,
            wrap: true,
          },
        ]
      : []),
    ...problemsElsewhere(problems),
    heading('Answer it yourself'),
    {
      type: 'ActionSet',
      actions: [
        executeAction('Accept for the team', ALLOCATION_VERBS.accept, data, {
          style: 'positive',
          associatedInputs: 'none',
        }),
      ],
    },
    heading('Allocate a named professional'),
    {
      type: 'TextBlock',
      text: 'Their name shows on the review, and the request goes to them.',
      wrap: true,
      size: 'small',
      isSubtle: true,
    },
    ...text(ALLOCATION_INPUTS.name, 'The professional’s name', 200),
    ...text(ALLOCATION_INPUTS.email, 'Their email address', 320, { placeholder: 'name@example.org' }),
    { type: 'ActionSet', actions: [executeAction('Allocate', ALLOCATION_VERBS.allocate, data)] },
    heading('Decline'),
    ...text(ALLOCATION_INPUTS.reason, 'Why the team declines (required to decline)', 1_000),
    {
      type: 'ActionSet',
      actions: [executeAction('Decline', ALLOCATION_VERBS.decline, data, { style: 'destructive' })],
    },
  ];
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    fallbackText: 'Your team is asked for advice for an annual review. Open EHC Review Hub to answer it.',
  };
}

function facts(input: AllocationCardInput): { title: string; value: string }[] {
  return [
    { title: 'Review', value: `${input.childFirstName}’s annual review (case ${input.subject.caseId})` },
    { title: 'Team', value: input.teamName },
    ...(input.meetingOn ? [{ title: 'Meeting', value: formatLong(input.meetingOn) }] : []),
    ...(input.adviceBy
      ? [{ title: 'Advice by', value: `${formatLong(input.adviceBy.date)} (${input.adviceBy.rule})` }]
      : []),
  ];
}

/** How a team's request stands once answered, as the receipt says it. */
export type AllocationOutcome =
  | { readonly kind: 'allocated'; readonly name: string; readonly on?: PlainDate }
  | { readonly kind: 'declined'; readonly reason: string; readonly on?: PlainDate }
  | { readonly kind: 'closed' }
  | { readonly kind: 'submitted' };

/**
 * The read-only receipt the allocation card becomes after an action, for the person who pressed it:
 * Teams refreshes it for `userIds` (at most 60), so it follows the request as it stands.
 */
export function allocationReceiptCard(input: {
  readonly subject: AllocationSubject;
  readonly childFirstName: string;
  readonly teamName: string;
  readonly outcome: AllocationOutcome;
  readonly userIds: readonly string[];
}): AdaptiveCard {
  const line = receiptLine(input.outcome);
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body: [
      {
        type: 'TextBlock',
        text: `${input.teamName}: ${input.childFirstName}’s annual review`,
        style: 'heading',
        weight: 'bolder',
        wrap: true,
      },
      { type: 'TextBlock', text: line, wrap: true },
      {
        type: 'TextBlock',
        text: `Case ${input.subject.caseId}. The SENCo sees this on the review.`,
        wrap: true,
        isSubtle: true,
        size: 'small',
      },
    ],
    refresh: {
      action: {
        type: 'Action.Execute',
        title: 'Refresh',
        verb: ALLOCATION_VERBS.refresh,
        data: { ...input.subject },
      },
      userIds: input.userIds.slice(0, MAX_REFRESH_USERS),
    },
    fallbackText: line,
  };
}

function receiptLine(outcome: AllocationOutcome): string {
  const on = (date: PlainDate | undefined) => (date ? ` on ${formatLong(date)}` : '');
  switch (outcome.kind) {
    case 'allocated':
      return `Allocated to ${outcome.name}${on(outcome.on)}.`;
    case 'declined':
      return `Declined${on(outcome.on)}: ${outcome.reason}`;
    case 'closed':
      return 'The SENCo closed this request: nothing more is needed from the team.';
    case 'submitted':
      return 'The team’s advice has been submitted.';
  }
}

function heading(text: string): CardElement {
  return { type: 'TextBlock', text, weight: 'bolder', separator: true, wrap: true };
}

const INPUT_IDS: readonly string[] = Object.values(ALLOCATION_INPUTS);

/** Problems that name no input of the card (the request no longer open), shown at the top. */
function problemsElsewhere(problems: readonly Problem[]): CardElement[] {
  return problems
    .filter((p) => !INPUT_IDS.includes(p.where))
    .map((p) => ({ type: 'TextBlock', text: p.message, color: 'attention', wrap: true, size: 'small' }));
}
