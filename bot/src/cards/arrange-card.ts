import type { Arrangement } from '../review/arrange/arrangement.ts';
import type { CaseRef } from '../review/case.ts';
import type { Problem } from '../review/errors.ts';
import { formatLong, type PlainDate } from '../review/plain-date.ts';
import { RULES } from '../review/rules.ts';
import {
  type AdaptiveCard,
  CARD_SCHEMA,
  CARD_VERSION,
  type CardElement,
  type CardInput,
} from './adaptive-card.ts';

/** The verbs of the arrange card, registered in teams/arrange-card-actions.ts. */
export const ARRANGE_VERBS = { saveDraft: 'arrange.saveDraft', confirm: 'arrange.confirm' } as const;

/** The card's input ids: the same paths the domain's problems name, so an error lands beside its input. */
export const ARRANGE_INPUTS = {
  on: 'meeting.on',
  startTime: 'meeting.startTime',
  endTime: 'meeting.endTime',
  venue: 'meeting.venue',
  online: 'meeting.online',
} as const;

export interface ArrangeCardInput {
  readonly ref: CaseRef;
  /** The first name only, as the invitation names the child. */
  readonly childFirstName: string;
  readonly arrangement: Arrangement;
  /** A new id for the card's next action (command.ts): a second press of the same card repeats it. */
  readonly commandId: string;
  /** The values as the user typed them, when the card comes back with problems. */
  readonly typed?: Readonly<Record<string, string>>;
  readonly problems?: readonly Problem[];
  /** One line at the top: what just happened. */
  readonly notice?: string;
}

/**
 * The arrange card (Adaptive Card 1.5): date, start and end time, venue and Teams meeting, with
 * "Save in draft" and "Confirm and send invitations" as `Action.Execute`. The tab has the full page
 * (invitees, reasons); the card is for the meeting and the confirm.
 *
 * @remarks Errors come back in the invoke response as the same card with each problem under the input
 * it names, as the tab shows them. It names the child by first name only, like the invitation.
 */
export function arrangeCard(input: ArrangeCardInput): AdaptiveCard {
  const { arrangement, problems = [], typed = {} } = input;
  const meeting = arrangement.meeting;
  const value = (field: keyof typeof ARRANGE_INPUTS, stored: string | undefined) =>
    typed[ARRANGE_INPUTS[field]] ?? stored;
  const sent = arrangement.stage !== 'arranging';
  const body: CardElement[] = [
    {
      type: 'TextBlock',
      text: `Arrange ${input.childFirstName}'s annual review`,
      weight: 'bolder',
      size: 'medium',
      wrap: true,
      style: 'heading',
    },
  ];
  if (input.notice) body.push({ type: 'TextBlock', text: input.notice, color: 'good', wrap: true });
  body.push({ type: 'FactSet', facts: dateFacts(arrangement) });
  const fields: [keyof typeof ARRANGE_INPUTS, CardInput][] = [
    [
      'on',
      {
        type: 'Input.Date',
        id: ARRANGE_INPUTS.on,
        label: 'Date of the meeting',
        isRequired: true,
        errorMessage: 'Choose the date',
        ...opt('value', value('on', meeting?.on)),
      },
    ],
    [
      'startTime',
      {
        type: 'Input.Time',
        id: ARRANGE_INPUTS.startTime,
        label: 'Start time',
        isRequired: true,
        errorMessage: 'Give the start time',
        ...opt('value', value('startTime', meeting?.startTime)),
      },
    ],
    [
      'endTime',
      {
        type: 'Input.Time',
        id: ARRANGE_INPUTS.endTime,
        label: 'End time',
        isRequired: true,
        errorMessage: 'Give the end time',
        ...opt('value', value('endTime', meeting?.endTime)),
      },
    ],
    [
      'venue',
      {
        type: 'Input.Text',
        id: ARRANGE_INPUTS.venue,
        label: 'Venue',
        maxLength: 200,
        ...opt('value', value('venue', meeting?.venue)),
      },
    ],
    [
      'online',
      {
        type: 'Input.Toggle',
        id: ARRANGE_INPUTS.online,
        title: 'Teams meeting',
        valueOn: 'true',
        valueOff: 'false',
        value: value('online', meeting ? String(meeting.online) : 'true') ?? 'true',
      },
    ],
  ];
  for (const [, element] of fields) {
    body.push(element);
    for (const problem of problems.filter((p) => p.where === element.id)) {
      body.push({
        type: 'TextBlock',
        text: problem.message,
        color: 'attention',
        wrap: true,
        spacing: 'none',
      });
    }
  }
  const elsewhere = problems.filter((p) => !Object.values(ARRANGE_INPUTS).includes(p.where as never));
  const blocking = sent ? [] : arrangement.sendProblems;
  const notes = [...elsewhere, ...blocking.filter((p) => !elsewhere.some((e) => e.message === p.message))];
  if (notes.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: notes.slice(0, 8).map((p) => ({ type: 'TextBlock', text: p.message, wrap: true })),
    });
  }
  for (const warning of arrangement.warnings.slice(0, 5)) {
    const rule = warning.rule ? ` (${RULES[warning.rule].title})` : '';
    body.push({
      type: 'TextBlock',
      text: `${warning.message}${rule}`,
      color: 'warning',
      wrap: true,
      size: 'small',
    });
  }
  body.push({
    type: 'TextBlock',
    text: `${arrangement.invitees.length} invited: ${arrangement.invitees
      .slice(0, 6)
      .map((i) => i.name)
      .join(', ')}${arrangement.invitees.length > 6 ? ', ...' : ''}. Change invitees in the tab.`,
    wrap: true,
    isSubtle: true,
    size: 'small',
  });
  const data = { laCode: input.ref.laCode, caseId: input.ref.caseId, commandId: input.commandId };
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    body,
    actions: [
      {
        type: 'Action.Execute',
        title: sent ? 'Save and update invitees' : 'Save in draft',
        verb: ARRANGE_VERBS.saveDraft,
        data,
        associatedInputs: 'auto',
      },
      ...(sent
        ? []
        : [
            {
              type: 'Action.Execute' as const,
              title: 'Confirm and send invitations',
              verb: ARRANGE_VERBS.confirm,
              data,
              style: 'positive' as const,
              associatedInputs: 'auto' as const,
            },
          ]),
    ],
    fallbackText: `Arrange ${input.childFirstName}'s annual review in EHC Review Hub.`,
  };
}

function dateFacts(arrangement: Arrangement): { title: string; value: string }[] {
  const facts: { title: string; value: string }[] = [];
  const add = (title: string, date: PlainDate | undefined) => {
    if (date) facts.push({ title, value: formatLong(date) });
  };
  add('Review by', arrangement.dates.reviewBy?.date);
  add('Latest sensible meeting', arrangement.dates.latestMeeting?.date);
  add('Invite by (2 weeks’ notice)', arrangement.dates.inviteBy?.date);
  if (arrangement.invitation) add('Invitations sent', arrangement.invitation.sentOn);
  return facts;
}

function opt<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
