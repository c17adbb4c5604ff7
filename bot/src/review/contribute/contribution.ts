import type { CaseFile } from '../case-file.ts';
import type { Problem } from '../errors.ts';
import { gateProblems } from '../gates.ts';
import { type Actor, can, mayAllocate, mayAnswer } from '../permissions.ts';
import { addDays, formatLong, isAfter, type PlainDate } from '../plain-date.ts';
import type { LaPolicy } from '../policy.ts';
import type { AdviceIndexEntry, RequestState } from '../review.ts';
import type { AdviceDocument } from './advice.ts';

/** One advice request as the contribute page and the bot show it. */
export interface RequestView {
  readonly id: string;
  readonly inviteeId: string;
  /** Who is asked: the invitee, or the team with the professional it allocated. */
  readonly to: string;
  readonly allocatedTo?: string;
  readonly state: RequestState;
  readonly requestedOn: PlainDate;
  readonly reason?: string;
  /** What the reader may do with it: answer it (as its contributor, or on their behalf), allocate it. */
  readonly yours?: 'answer' | 'record' | 'allocate';
  /** Set when the reader is the one asked (or allocated), whatever the request's state: their receipt. */
  readonly asked?: true;
}

/** The contribute stage as one reader sees it. */
export interface Contribution {
  readonly stage: string;
  /** The current plan's outcomes, which advice is given against (id, area of need, wording). */
  readonly outcomes: readonly { readonly id: string; readonly area: string; readonly text: string }[];
  /** Whether the reader runs the requests (the SENCo): close one, send one again, record views. */
  readonly canRequest: boolean;
  readonly requests: readonly RequestView[];
  /** Who has given advice and its state: never a draft's content. */
  readonly index: readonly AdviceIndexEntry[];
  /** The advice this reader may read (permissions.ts `mayReadAdvice`): others' submitted, their own drafts. */
  readonly advice: readonly AdviceDocument[];
  readonly views: CaseFile['case']['views'];
  /** ADVICE_CIRCULATED: the day advice should be circulated by, 2 weeks before the meeting. */
  readonly adviceCirculatedBy?: PlainDate;
  /** What stops "Progress to meeting"; empty when it is enabled. */
  readonly gate: readonly Problem[];
  readonly canProgress: boolean;
  readonly warnings: readonly Problem[];
}

/**
 * The contribute page: requests, advice, views and the gate to the meeting (seed: "once you have
 * received all the information requested or closed down requests for information the 'Progress to
 * meeting' button will be active").
 */
export function contributionOf(
  file: CaseFile,
  readable: readonly AdviceDocument[],
  actor: Actor,
  today: PlainDate,
  policy: LaPolicy,
): Contribution {
  const review = file.review;
  const outcomes = file.case.outcomes.map(({ id, area, text }) => ({ id, area, text }));
  const canRequest = can(actor, 'advice.request', file);
  if (!review) {
    return {
      stage: 'pending',
      outcomes,
      canRequest,
      requests: [],
      index: [],
      advice: [],
      views: file.case.views,
      gate: [{ where: 'review', message: 'no review has been started' }],
      canProgress: false,
      warnings: [],
    };
  }
  const requests = review.adviceRequests.map((request): RequestView => {
    const invitee = review.invitees.find((i) => i.id === request.inviteeId);
    const how = mayAnswer(actor, request, file);
    const open = request.state === 'requested' || request.state === 'accepted';
    const yours = !open
      ? undefined
      : mayAllocate(actor, request, file) && !request.allocatedTo
        ? 'allocate'
        : how === 'self'
          ? 'answer'
          : how === 'behalf'
            ? 'record'
            : undefined;
    const reason = request.closedReason ?? request.declinedReason;
    return {
      id: request.id,
      inviteeId: request.inviteeId,
      to: invitee?.person.name ?? 'a removed invitee',
      ...(request.allocatedTo ? { allocatedTo: request.allocatedTo.name } : {}),
      state: request.state,
      requestedOn: request.requestedOn,
      ...(reason ? { reason } : {}),
      ...(yours ? { yours } : {}),
      ...(how === 'self' ? { asked: true as const } : {}),
    };
  });
  const circulateBy = review.meeting ? addDays(review.meeting.on, -7 * policy.adviceWeeks) : undefined;
  const gate = review.stage === 'contributing' ? gateProblems(file, 'meeting', today, policy) : [];
  const warnings: Problem[] = [];
  if (review.stage === 'contributing' && circulateBy && isAfter(today, circulateBy)) {
    warnings.push({
      where: 'progressToMeeting',
      message: `Advice should have been circulated by ${formatLong(circulateBy)}, ${policy.adviceWeeks} weeks before the meeting (ADVICE_CIRCULATED): progress to the meeting as soon as you can.`,
    });
  }
  return {
    stage: review.stage,
    outcomes,
    canRequest,
    requests,
    index: review.advice,
    advice: readable,
    views: review.views,
    ...(circulateBy ? { adviceCirculatedBy: circulateBy } : {}),
    gate,
    canProgress: review.stage === 'contributing' && gate.length === 0 && can(actor, 'review.progress', file),
    warnings,
  };
}
