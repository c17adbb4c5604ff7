import type { Person } from '../case.ts';
import type { CaseFile } from '../case-file.ts';
import type { ErrorCode, Problem } from '../errors.ts';
import { gateProblems } from '../gates.ts';
import { type Actor, can, mayAllocate, mayAnswer } from '../permissions.ts';
import type { PlainDate } from '../plain-date.ts';
import type { LaPolicy } from '../policy.ts';
import type { AdviceRequest, Invitee, Review } from '../review.ts';
import { type AdviceDocument, adviceKey, adviceProblems } from './advice.ts';
import { authorOf, indexed } from './advice-author.ts';
import { attachDocument } from './attach-document.ts';
import type {
  AllocateRequest,
  ContributeCommand,
  DeclineRequest,
  SaveAdvice,
  SubmitAdvice,
} from './contribute-commands.ts';
import { recordViews } from './record-views.ts';

/** What a contribute command is decided with. */
export interface ContributeContext {
  readonly today: PlainDate;
  /** The actor's account key, as the history and a draft's owner record it. */
  readonly by: string;
  readonly actor: Actor;
  readonly policy: LaPolicy;
  /** The advice document the command is about, as stored now (advice commands only). */
  readonly advice?: AdviceDocument;
}

export type ContributeStep =
  | {
      readonly ok: true;
      readonly file: CaseFile;
      /** The advice document to write, for an advice command. */
      readonly advice?: AdviceDocument;
      readonly requestId?: string;
    }
  | { readonly ok: false; readonly code: ErrorCode; readonly problems: readonly Problem[] };

/** The words a late card or form meets once the review has moved to the meeting (DESIGN.md section 2). */
export const NO_MORE_ADVICE =
  'the review has moved to the meeting stage: no more advice is accepted. Documents can still be attached.';

export const ONLY_INVITEES =
  'only invitees can be asked for information: if you need to request advice from another team, go back to arrange and invite them';

export function decideContribute(
  file: CaseFile,
  command: ContributeCommand,
  ctx: ContributeContext,
): ContributeStep {
  const review = file.review;
  if (!review) return fail('WRONG_STAGE', 'review', 'no review has been started');
  if (command.type === 'recordViews') return recordViews(file, review, command, ctx);
  if (command.type === 'attachDocument') return attachDocument(file, review, command, ctx);
  if (review.stage !== 'contributing') {
    const after = review.stage !== 'arranging';
    return fail(
      'WRONG_STAGE',
      'stage',
      after ? NO_MORE_ADVICE : 'send the invitations first: advice is requested with them',
    );
  }
  switch (command.type) {
    case 'requestAdvice':
      return requestAdvice(file, review, command.inviteeId, ctx);
    case 'closeRequest':
      return withRequest(file, review, command.requestId, (request) => {
        const reason = command.reason.trim();
        if (!reason) return fail('INVALID_INPUT', 'reason', 'say why the request is closed');
        if (request.state === 'submitted') {
          return fail('WRONG_STAGE', 'requestId', 'the advice has been submitted: nothing to close');
        }
        return { ok: true, request: { ...request, state: 'closed', closedReason: reason } };
      });
    case 'acceptRequest':
      return withRequest(file, review, command.requestId, (request) => {
        if (!answerable(ctx.actor, request, file)) return notAllowed();
        if (request.state !== 'requested') return notOpen(request);
        return { ok: true, request: { ...request, state: 'accepted' } };
      });
    case 'declineRequest':
      return decline(file, review, command, ctx);
    case 'allocateRequest':
      return allocate(file, review, command, ctx);
    case 'saveAdvice':
    case 'submitAdvice':
      return adviceStep(file, review, command, ctx);
    case 'progressToMeeting':
      return progress(file, review, ctx);
  }
}

/** The allocator answers for a team; otherwise whoever is asked (permissions.ts). */
function answerable(actor: Actor, request: AdviceRequest, file: CaseFile): boolean {
  return mayAllocate(actor, request, file) || mayAnswer(actor, request, file) === 'self';
}

/**
 * On "Confirm and send invitations" every invitee marked "request information" is asked; a team's
 * request reaches the allocators the LA's directory names for its mailbox (permissions.ts).
 */
export function requestsOnSending(file: CaseFile, today: PlainDate): CaseFile {
  const review = file.review;
  if (!review) return file;
  let requests = review.adviceRequests;
  for (const invitee of review.invitees) {
    if (!invitee.requestInformation || requests.some((r) => r.inviteeId === invitee.id)) continue;
    requests = [...requests, newRequest(requests, invitee, today)];
  }
  return { ...file, review: { ...review, adviceRequests: requests } };
}

function newRequest(requests: readonly AdviceRequest[], invitee: Invitee, today: PlainDate): AdviceRequest {
  return { id: `r${requests.length + 1}`, inviteeId: invitee.id, state: 'requested', requestedOn: today };
}

function requestAdvice(
  file: CaseFile,
  review: Review,
  inviteeId: string,
  ctx: ContributeContext,
): ContributeStep {
  const invitee = review.invitees.find((i) => i.id === inviteeId);
  if (!invitee) return fail('INVALID_INPUT', 'inviteeId', ONLY_INVITEES);
  const existing = review.adviceRequests.find((r) => r.inviteeId === inviteeId);
  if (!existing) {
    const request = newRequest(review.adviceRequests, invitee, ctx.today);
    const invitees = review.invitees.map((i) =>
      i.id === inviteeId ? { ...i, requestInformation: true } : i,
    );
    const next = { ...review, invitees, adviceRequests: [...review.adviceRequests, request] };
    return { ok: true, file: { ...file, review: next }, requestId: request.id };
  }
  if (existing.state === 'submitted') {
    return fail('WRONG_STAGE', 'inviteeId', `${invitee.person.name} has submitted their advice`);
  }
  const { closedReason: _closed, declinedReason: _declined, declinedOn: _on, ...rest } = existing;
  const resent: AdviceRequest = {
    ...rest,
    state: existing.state === 'accepted' ? 'accepted' : 'requested',
    resentOn: ctx.today,
  };
  return { ok: true, file: replaceRequest(file, review, resent), requestId: existing.id };
}

function decline(
  file: CaseFile,
  review: Review,
  command: DeclineRequest,
  ctx: ContributeContext,
): ContributeStep {
  return withRequest(file, review, command.requestId, (request) => {
    if (!answerable(ctx.actor, request, file)) return notAllowed();
    if (request.state !== 'requested' && request.state !== 'accepted') return notOpen(request);
    const reason = command.reason.trim();
    if (!reason) return fail('INVALID_INPUT', 'reason', 'say why the request is declined');
    return {
      ok: true,
      request: { ...request, state: 'declined', declinedReason: reason, declinedOn: ctx.today },
    };
  });
}

function allocate(
  file: CaseFile,
  review: Review,
  command: AllocateRequest,
  ctx: ContributeContext,
): ContributeStep {
  return withRequest(file, review, command.requestId, (request) => {
    if (!mayAllocate(ctx.actor, request, file)) return notAllowed();
    if (request.state !== 'requested' && request.state !== 'accepted') return notOpen(request);
    const name = command.professional.name.trim();
    const email = command.professional.email.trim().toLowerCase();
    const problems: Problem[] = [];
    if (!name) problems.push({ where: 'professional.name', message: 'name the professional' });
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
      problems.push({ where: 'professional.email', message: 'give the professional’s email address' });
    }
    if (problems.length > 0) return { ok: false, code: 'INVALID_INPUT', problems };
    const team = review.invitees.find((i) => i.id === request.inviteeId)?.person;
    const allocatedTo: Person = {
      name,
      email,
      role: team?.role ?? 'other-professional',
      ...(team?.organisation ? { organisation: team.organisation } : { organisation: team?.name ?? '' }),
    };
    return { ok: true, request: { ...request, state: 'accepted', allocatedTo, allocatedOn: ctx.today } };
  });
}

function adviceStep(
  file: CaseFile,
  review: Review,
  command: SaveAdvice | SubmitAdvice,
  ctx: ContributeContext,
): ContributeStep {
  const key = adviceKey(command.requestId);
  const current = ctx.advice;
  if (current && current.lastCommandId === command.id) {
    // The document was written by this very command before a crash: only the index is left to do.
    return { ok: true, file: indexed(file, review, current), advice: current };
  }
  const who = authorOf(file, review, command.requestId, ctx);
  if (!who.ok) return who;
  if (current?.state === 'submitted') {
    return fail('WRONG_STAGE', 'advice', 'this advice has been submitted: it can no longer change');
  }
  if (current && current.writtenBy !== ctx.by) {
    return fail(
      'EDIT_CONFLICT',
      'advice',
      'someone else is writing this advice on the author’s behalf: ask them, or the SENCo',
    );
  }
  const submit = command.type === 'submitAdvice';
  const problems = adviceProblems(command.content, file.case.outcomes, submit);
  if (problems.length > 0) return { ok: false, code: 'INVALID_INPUT', problems };
  const document: AdviceDocument = {
    key,
    laCode: file.case.laCode,
    caseId: file.case.caseId,
    reviewId: review.id,
    ...(command.requestId ? { requestId: command.requestId } : {}),
    author: who.author,
    ...(who.recordedBy ? { recordedBy: who.recordedBy } : {}),
    writtenBy: ctx.by,
    state: submit ? 'submitted' : 'draft',
    content: command.content,
    attachments: current?.attachments ?? [],
    savedOn: ctx.today,
    ...(submit ? { submittedOn: ctx.today } : {}),
    lastCommandId: command.id,
  };
  return { ok: true, file: indexed(file, review, document), advice: document };
}

function progress(file: CaseFile, review: Review, ctx: ContributeContext): ContributeStep {
  if (!can(ctx.actor, 'review.progress', file)) return notAllowed();
  const problems = gateProblems(file, 'meeting', ctx.today, ctx.policy);
  if (problems.length > 0) return { ok: false, code: 'STAGE_GATE', problems };
  const next: Review = {
    ...review,
    stage: 'meeting',
    progressedToMeetingOn: ctx.today,
    history: [...review.history, { from: review.stage, to: 'meeting', on: ctx.today, by: ctx.by }],
  };
  return { ok: true, file: { ...file, review: next } };
}

type RequestChange =
  | { ok: true; request: AdviceRequest }
  | { ok: false; code: ErrorCode; problems: readonly Problem[] };

function withRequest(
  file: CaseFile,
  review: Review,
  requestId: string,
  change: (request: AdviceRequest) => RequestChange,
): ContributeStep {
  const request = review.adviceRequests.find((r) => r.id === requestId);
  if (!request) return fail('INVALID_INPUT', 'requestId', `no advice request ${requestId} on this review`);
  const changed = change(request);
  if (!changed.ok) return changed;
  return { ok: true, file: replaceRequest(file, review, changed.request), requestId };
}

function replaceRequest(file: CaseFile, review: Review, request: AdviceRequest): CaseFile {
  const adviceRequests = review.adviceRequests.map((r) => (r.id === request.id ? request : r));
  return { ...file, review: { ...review, adviceRequests } };
}

function notOpen(request: AdviceRequest): { ok: false; code: ErrorCode; problems: Problem[] } {
  return {
    ok: false,
    code: 'WRONG_STAGE',
    problems: [{ where: 'requestId', message: `this request is ${request.state}, no longer open` }],
  };
}

function notAllowed(): { ok: false; code: ErrorCode; problems: Problem[] } {
  return { ok: false, code: 'NOT_ALLOWED', problems: [] };
}

function fail(
  code: ErrorCode,
  where: string,
  message: string,
): { ok: false; code: ErrorCode; problems: Problem[] } {
  return { ok: false, code, problems: [{ where, message }] };
}
