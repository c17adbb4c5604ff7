import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import {
  ALLOCATION_INPUTS,
  ALLOCATION_VERBS,
  type AllocationInputId,
  type AllocationOutcome,
  allocationCard,
  allocationReceiptCard,
} from '../cards/allocation-card.ts';
import type { Reader } from '../caseload/caseload.ts';
import { runCommand } from '../caseload/run-command.ts';
import type { CaseRef } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { clockFor } from '../review/clock.ts';
import type { ContributeCommand } from '../review/contribute/contribute-commands.ts';
import { isReviewError, type Problem, ReviewError } from '../review/errors.ts';
import { mayAllocate } from '../review/permissions.ts';
import { londonDate, type PlainDate } from '../review/plain-date.ts';
import type { LaPolicy } from '../review/policy.ts';
import type { AdviceRequest } from '../review/review.ts';
import { type AdviceCardDeps, adviceCardFor } from './advice-card-actions.ts';
import type { AnswerDeps } from './answer.ts';
import { readForCard } from './arrange-card-actions.ts';
import type { CardAction, CardActionResult, CardActionTable } from './card-actions.ts';
import { cardCaller } from './card-caller.ts';

/** What the allocation card needs besides the bot's own dependencies. */
export interface AllocationCardDeps {
  /** Accepting for the team turns the card into the advice card, with the allocator's own draft. */
  readonly advice: AdviceCardDeps;
  /** Told when an allocation queued the named professional's card (the outbox dispatcher's kick). */
  readonly effectsQueued?: () => void;
}

const CARD_ID = /^[A-Za-z0-9_-]{8,48}$/;

/** The card's `data` with its inputs, as Teams sends them: every value a string. */
const AllocationActionSchema = z.looseObject({
  laCode: z.string().regex(/^\d{3}$/),
  caseId: z.string().min(1).max(64),
  requestId: z.string().regex(/^r\d{1,4}$/),
  cardId: z.string().regex(CARD_ID).optional(),
  [ALLOCATION_INPUTS.reason]: z.string().max(1_000).optional(),
  [ALLOCATION_INPUTS.name]: z.string().max(200).optional(),
  [ALLOCATION_INPUTS.email]: z.string().max(320).optional(),
});
type AllocationActionData = z.output<typeof AllocationActionSchema>;

type Press = 'accept' | 'decline' | 'allocate';

/**
 * The allocation card's verbs (cards/allocation-card.ts), answered in the invoke response: accept
 * for the team (the card becomes the advice card, for the allocator to answer), decline with a
 * reason, allocate a named professional (the domain's allocateRequest queues the request's card to
 * them), and Teams' automatic refresh of the receipt.
 *
 * @remarks Only an allocator of the team asked may press them (permissions.ts `mayAllocate`);
 * anyone else is refused with NOT_ALLOWED, which Teams shows on the card. Each press's command id is
 * the card's own (`<cardId>-decline`), so the same invoke delivered twice changes nothing twice; a
 * press refused for its input is not remembered, so the corrected press goes through. Bad input
 * comes back as the same card with what was typed and the problem under its input; a press on a
 * request no longer open gets the domain's words as a message.
 */
export function allocationCardActions(deps: AnswerDeps, allocation: AllocationCardDeps): CardActionTable {
  return {
    [ALLOCATION_VERBS.accept]: (action) => handle(action, 'accept'),
    [ALLOCATION_VERBS.decline]: (action) => handle(action, 'decline'),
    [ALLOCATION_VERBS.allocate]: (action) => handle(action, 'allocate'),
    [ALLOCATION_VERBS.refresh]: (action) => handle(action, 'refresh'),
  };

  async function handle(action: CardAction, what: Press | 'refresh'): Promise<CardActionResult> {
    const caller = await cardCaller(action, AllocationActionSchema, deps);
    if ('refused' in caller) return caller.refused;
    const { reader, data, ref } = caller;
    const file = await readForCard(reader, ref, deps);
    const request = allocatable(reader, file, data.requestId);
    const current = () => card(allocationCardFor(reader, file, ref, request, cardDeps(action)));
    if (what === 'refresh' || action.trigger === 'automatic') return current();
    if (!data.cardId) {
      throw new ReviewError('INVALID_INPUT', [{ where: 'cardId', message: 'required: the card’s id' }]);
    }
    // Accepted for the team already (this card or another): the allocator answers it, as they chose.
    if (what === 'accept' && request.state === 'accepted' && !request.allocatedTo) return current();
    const commands = {
      ...deps.caseload,
      ...(allocation.effectsQueued ? { effectsQueued: allocation.effectsQueued } : {}),
    };
    try {
      const answer = await runCommand(reader, ref, commandOf(what, data, data.cardId), commands);
      const after = allocatable(reader, answer.file, data.requestId);
      return card(allocationCardFor(reader, answer.file, ref, after, cardDeps(action)));
    } catch (error) {
      if (!isReviewError(error) || error.problems.length === 0 || error.kind === 'not-found') throw error;
      if (error.code !== 'INVALID_INPUT')
        return { kind: 'message', text: error.problems.map((p) => p.message).join(' ') };
      // The form again, even for a request accepted for the team: it is what was pressed.
      return {
        kind: 'card',
        card: allocationForm(file, ref, request, {
          ...cardDeps(action),
          cardId: data.cardId,
          typed: typedValues(data),
          problems: error.problems,
        }),
      };
    }
  }

  function cardDeps(action: CardAction): AllocationCardOptions {
    return {
      today: londonDate(deps.caseload.now()),
      policy: deps.caseload.policyFor,
      advice: allocation.advice,
      userIds: action.userId ? [action.userId] : [],
    };
  }
}

async function card(made: Promise<AdaptiveCard>): Promise<CardActionResult> {
  return { kind: 'card', card: await made };
}

/** The request of the card, if the reader allocates for its team; NOT_ALLOWED otherwise. */
function allocatable(reader: Reader, file: CaseFile, requestId: string): AdviceRequest {
  const request = file.review?.adviceRequests.find((r) => r.id === requestId);
  if (!request || !mayAllocate(reader.actor, request, file)) throw new ReviewError('NOT_ALLOWED');
  return request;
}

function commandOf(what: Press, data: AllocationActionData, cardId: string): ContributeCommand {
  const id = `${cardId}-${what}`;
  const requestId = data.requestId;
  if (what === 'accept') return { id, type: 'acceptRequest', requestId };
  if (what === 'decline') return { id, type: 'declineRequest', requestId, reason: data.reason ?? '' };
  return {
    id,
    type: 'allocateRequest',
    requestId,
    professional: {
      name: data[ALLOCATION_INPUTS.name] ?? '',
      email: data[ALLOCATION_INPUTS.email] ?? '',
    },
  };
}

function typedValues(data: AllocationActionData): Partial<Record<AllocationInputId, string>> {
  const values = data as Record<string, unknown>;
  return Object.fromEntries(
    Object.values(ALLOCATION_INPUTS).flatMap((id) =>
      typeof values[id] === 'string' ? [[id, values[id] as string]] : [],
    ),
  );
}

export interface AllocationCardOptions {
  readonly today: PlainDate;
  readonly policy: (laCode: string) => LaPolicy;
  readonly advice: AdviceCardDeps;
  /** Who the receipt is refreshed for: the Teams user who pressed (at most 60). */
  readonly userIds?: readonly string[];
  readonly cardId?: string;
  readonly typed?: Readonly<Partial<Record<AllocationInputId, string>>>;
  readonly problems?: readonly Problem[];
}

/**
 * The card a team's allocator sees for `request` as it stands: the allocation card while it waits
 * for the team; the advice card once they accepted it for the team (they answer it); a receipt once
 * allocated, declined, closed or answered. The sender (jobs/advice-card-sender.ts) and the
 * "requests" chat command send it too.
 */
export async function allocationCardFor(
  reader: Reader,
  file: CaseFile,
  ref: CaseRef,
  request: AdviceRequest,
  options: AllocationCardOptions,
): Promise<AdaptiveCard> {
  const outcome = outcomeOf(request);
  if (outcome) {
    return allocationReceiptCard({
      ...about(file, ref, request),
      outcome,
      userIds: options.userIds ?? [],
    });
  }
  if (request.state === 'accepted') return adviceCardFor(reader, file, ref, request.id, options.advice);
  return allocationForm(file, ref, request, options);
}

/** The allocation card itself (accept, allocate, decline), with what was typed and its problems. */
function allocationForm(
  file: CaseFile,
  ref: CaseRef,
  request: AdviceRequest,
  options: AllocationCardOptions,
): AdaptiveCard {
  const review = file.review;
  const adviceBy = clockFor(file, options.today, options.policy(ref.laCode)).dates.advice_by;
  return allocationCard({
    ...about(file, ref, request),
    ...(review?.meeting ? { meetingOn: review.meeting.on } : {}),
    ...(adviceBy ? { adviceBy } : {}),
    cardId: options.cardId ?? randomUUID().replace(/-/g, ''),
    ...(options.typed ? { typed: options.typed } : {}),
    ...(options.problems ? { problems: options.problems } : {}),
  });
}

/** What both cards say the request is about: the review (child's first name, case id) and the team. */
function about(file: CaseFile, ref: CaseRef, request: AdviceRequest) {
  const team = file.review?.invitees.find((i) => i.id === request.inviteeId)?.person.name;
  return {
    subject: { laCode: ref.laCode, caseId: ref.caseId, requestId: request.id },
    childFirstName: file.case.child.name.trim().split(/\s+/)[0] ?? 'the child',
    teamName: team ?? 'Your team',
  };
}

/** How the request was answered, for its receipt; none while the team still has it to answer. */
function outcomeOf(request: AdviceRequest): AllocationOutcome | undefined {
  if (request.allocatedTo) {
    return {
      kind: 'allocated',
      name: request.allocatedTo.name,
      ...(request.allocatedOn ? { on: request.allocatedOn } : {}),
    };
  }
  if (request.state === 'declined') {
    return {
      kind: 'declined',
      reason: request.declinedReason ?? '',
      ...(request.declinedOn ? { on: request.declinedOn } : {}),
    };
  }
  if (request.state === 'closed') return { kind: 'closed' };
  if (request.state === 'submitted') return { kind: 'submitted' };
  return undefined;
}
