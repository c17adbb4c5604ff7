import { type Person, uniqueByEmail } from '../case.ts';
import type { CaseFile, Tombstone } from '../case-file.ts';
import type { Problem } from '../errors.ts';
import { gateProblems } from '../gates.ts';
import { type Effect, effectId, isUntouched, nextSeq, type Organiser } from '../outbox.ts';
import type { PlainDate } from '../plain-date.ts';
import type { LaPolicy } from '../policy.ts';
import type { Invitee, Review } from '../review.ts';
import { inviteeId, isProfessional, startReview } from '../transitions.ts';
import type {
  AbandonReview,
  AddInvitee,
  ArrangeCommand,
  RemoveInvitee,
  SaveMeeting,
} from './arrange-commands.ts';
import { invitationOf, queueUpdate, reviewIdFor } from './calendar-effects.ts';
import { mergeMeeting } from './meeting-edit.ts';

/** What an arrange command is decided with: the day, who acts (account key and mailbox) and the LA's policy. */
export interface ArrangeContext {
  readonly today: PlainDate;
  /** The actor's account key, as the review's history records it. */
  readonly by: string;
  /** The actor's mailbox, the organiser of the calendar event; undefined for an actor with none. */
  readonly organiser: Organiser | undefined;
  readonly policy: LaPolicy;
}

/** A step's own answer, before decide.ts adds the outbox and the memory of the command. */
export type Step =
  | {
      readonly ok: true;
      readonly file: CaseFile;
      readonly effects: readonly Effect[];
      readonly reviewId?: string;
      readonly inviteeId?: string;
    }
  | {
      readonly ok: false;
      readonly code: 'INVALID_INPUT' | 'WRONG_STAGE' | 'STAGE_GATE' | 'EDIT_CONFLICT';
      readonly problems: readonly Problem[];
    };

/** The arrange stage's commands (seed: "Arrange the Annual Review"). */
export function decideArrange(file: CaseFile, command: ArrangeCommand, ctx: ArrangeContext): Step {
  switch (command.type) {
    case 'startReview':
      return start(file, command.id, ctx);
    case 'saveMeeting':
      return saveMeeting(file, command);
    case 'addInvitee':
      return addInvitee(file, command);
    case 'removeInvitee':
      return removeInvitee(file, command, ctx);
    case 'markRequestInformation':
      return editable(file, (review) => {
        const found = review.invitees.find((i) => i.id === command.inviteeId);
        if (!found) return noInvitee(command.inviteeId);
        const invitees = review.invitees.map((i) =>
          i.id === command.inviteeId ? { ...i, requestInformation: command.requestInformation } : i,
        );
        // Whom advice is asked from is not in the calendar invite: no update to send.
        return { ok: true, file: { ...file, review: { ...review, invitees } }, effects: [] };
      });
    case 'sendInvitations':
      return sendInvitations(file, ctx);
    case 'abandonReview':
      return abandon(file, command, ctx);
  }
}

function start(file: CaseFile, commandId: string, ctx: ArrangeContext): Step {
  if (file.review) return wrongStage('review', 'a review of this plan is already under way');
  const reviewId = reviewIdFor(file.case, commandId);
  return { ok: true, file: startReview(file, reviewId, ctx), effects: [], reviewId };
}

/**
 * Runs `change` on a review still being arranged, or whose invitations went out and whose meeting has
 * not started the meeting stage (seed: "if you need to request advice from another team, you will need
 * to go back to the 'arrange' stage and invite them").
 */
function editable(file: CaseFile, change: (review: Review) => Step): Step {
  const review = file.review;
  if (!review) return wrongStage('review', 'start the review first');
  if (review.stage !== 'arranging' && review.stage !== 'contributing') {
    return wrongStage('stage', `the meeting and invitees cannot change at the ${review.stage} stage`);
  }
  return change(review);
}

/** A changed review, and the update to every invitee once the invitations went out. */
function changed(file: CaseFile, review: Review, extra: { inviteeId?: string } = {}): Step {
  const queued = queueUpdate(file, review);
  return { ok: true, file: queued.file, effects: queued.effects, ...extra };
}

function saveMeeting(file: CaseFile, command: SaveMeeting): Step {
  return editable(file, (review) => {
    const merged = mergeMeeting(review.meeting, command.meeting, command.seen);
    if (!merged.ok) return merged;
    if (merged.meeting === review.meeting) return { ok: true, file, effects: [] };
    return changed(file, { ...review, meeting: merged.meeting });
  });
}

function addInvitee(file: CaseFile, command: AddInvitee): Step {
  return editable(file, (review) => {
    const email = command.person.email.toLowerCase();
    if (review.invitees.some((i) => i.person.email.toLowerCase() === email)) {
      return invalid('person.email', `${email} is already invited`);
    }
    const number = (review.lastInviteeNumber ?? review.invitees.length) + 1;
    const [person] = uniqueByEmail([command.person]) as [Person];
    const invitee: Invitee = {
      id: inviteeId(number),
      person,
      requestInformation: command.requestInformation ?? isProfessional(person.role),
    };
    const next = { ...review, invitees: [...review.invitees, invitee], lastInviteeNumber: number };
    return changed(file, next, { inviteeId: invitee.id });
  });
}

function removeInvitee(file: CaseFile, command: RemoveInvitee, ctx: ArrangeContext): Step {
  return editable(file, (review) => {
    const invitee = review.invitees.find((i) => i.id === command.inviteeId);
    if (!invitee) return noInvitee(command.inviteeId);
    const reason = command.reason?.trim() ?? '';
    if (invitee.policyTeamId !== undefined && !reason) {
      return invalid(
        'reason',
        `the LA always invites ${invitee.person.name} (INVITEES): say why they are not invited this time`,
      );
    }
    if (review.adviceRequests.some((r) => r.inviteeId === invitee.id && r.state === 'submitted')) {
      return wrongStage(
        `invitees.${invitee.id}`,
        'this invitee has submitted advice: it stays part of the review',
      );
    }
    // An open request to someone no longer invited is closed: a card they still hold is refused.
    const adviceRequests = review.adviceRequests.map((r) =>
      r.inviteeId === invitee.id && r.state !== 'closed'
        ? { ...r, state: 'closed' as const, closedReason: 'No longer invited to the review' }
        : r,
    );
    const next: Review = {
      ...review,
      adviceRequests,
      invitees: review.invitees.filter((i) => i.id !== invitee.id),
      ...(invitee.policyTeamId !== undefined
        ? {
            policyTeamsRemoved: [
              ...(review.policyTeamsRemoved ?? []),
              { teamId: invitee.policyTeamId, reason, by: ctx.by, on: ctx.today },
            ],
          }
        : {}),
    };
    return changed(file, next);
  });
}

function sendInvitations(file: CaseFile, ctx: ArrangeContext): Step {
  const review = file.review;
  if (!review) return wrongStage('review', 'start the review first');
  if (review.stage !== 'arranging') return wrongStage('stage', 'the invitations have been sent');
  const problems = gateProblems(file, 'contributing', ctx.today, ctx.policy);
  // The gate names a missing meeting; `!meeting` only tells the compiler so.
  const meeting = review.meeting;
  if (problems.length > 0 || !meeting) return { ok: false, code: 'STAGE_GATE', problems };
  const organiser = ctx.organiser;
  if (!organiser) return invalid('organiser', 'the organiser needs a mailbox to send the invitation from');
  const sent: Review = {
    ...review,
    stage: 'contributing',
    invitationsSentOn: ctx.today,
    invitation: { organiser, sentOn: ctx.today, sequence: 0 },
    history: [...review.history, { from: review.stage, to: 'contributing', on: ctx.today, by: ctx.by }],
  };
  const effect: Effect = {
    id: effectId(review.id, 'invite', nextSeq(file)),
    reviewId: review.id,
    kind: 'invite',
    invitation: invitationOf(file.case, sent, meeting, organiser, 0),
  };
  return { ok: true, file: { ...file, review: sent }, effects: [effect] };
}

/** The message the cancel carries to attendees: from the reason's category, never free text. */
export const CANCEL_COMMENTS: Readonly<Record<AbandonReview['reason'], string>> = {
  'arranged-in-error': 'This annual review meeting was arranged in error and has been cancelled.',
  duplicate: 'This annual review meeting duplicated another and has been cancelled.',
  rearranging: 'This annual review meeting has been cancelled; a new invitation will follow.',
  'child-left-setting':
    'This annual review meeting has been cancelled: the review will be arranged elsewhere.',
  'plan-ceased': 'This annual review meeting has been cancelled: no review is needed.',
};

/**
 * Abandons the review: its content is deleted at once (seed: "all information will be permanently
 * deleted"), and the case returns to its previous due date (the clock runs from the last decision).
 *
 * @remarks If an invitation may exist in a calendar, a cancel goes into the outbox and a content-free
 * tombstone stays until it is sent (outbox.ts removes it). An invite no dispatcher has touched is
 * simply dropped: no event exists to cancel.
 */
function abandon(file: CaseFile, command: AbandonReview, ctx: ArrangeContext): Step {
  const review = file.review;
  if (!review) return wrongStage('review', 'no review has been started');
  const problems = gateProblems(file, 'abandoned', ctx.today, ctx.policy);
  if (problems.length > 0) return { ok: false, code: 'WRONG_STAGE', problems };
  const { review: _deleted, ...rest } = file;
  const own = (file.outbox ?? []).filter((e) => e.effect.reviewId === review.id);
  const invite = own.find((e) => e.effect.kind === 'invite');
  // Kept: an invite that a dispatcher has tried (the event may exist: its id is needed), and anything leased.
  const kept = (file.outbox ?? []).filter(
    (e) =>
      e.effect.reviewId !== review.id ||
      (e.state === 'pending' && (e.lease !== undefined || (e.effect.kind === 'invite' && !isUntouched(e)))),
  );
  const base: CaseFile = {
    ...rest,
    outbox: kept,
    abandonedReviewIds: [...(file.abandonedReviewIds ?? []), review.id],
  };
  // No event can exist to cancel: never sent, or its invite never tried or given up on.
  const invitation = review.invitation;
  const noEvent = invite !== undefined && (isUntouched(invite) || invite.state === 'failed');
  if (!invitation || !review.meeting || noEvent) return { ok: true, file: base, effects: [] };
  const tombstone: Tombstone = {
    reviewId: review.id,
    by: ctx.by,
    on: ctx.today,
    reason: command.reason,
    ...(invitation.eventId ? { eventId: invitation.eventId } : {}),
  };
  const effect: Effect = {
    id: effectId(review.id, 'cancel', nextSeq(file)),
    reviewId: review.id,
    kind: 'cancel',
    invitation: invitationOf(
      file.case,
      review,
      review.meeting,
      invitation.organiser,
      invitation.sequence + 1,
    ),
    comment: CANCEL_COMMENTS[command.reason],
  };
  return {
    ok: true,
    file: { ...base, tombstones: [...(file.tombstones ?? []), tombstone] },
    effects: [effect],
  };
}

function invalid(where: string, message: string): Step {
  return { ok: false, code: 'INVALID_INPUT', problems: [{ where, message }] };
}

function wrongStage(where: string, message: string): Step {
  return { ok: false, code: 'WRONG_STAGE', problems: [{ where, message }] };
}

function noInvitee(id: string): Step {
  return invalid('inviteeId', `no invitee ${id} on this review`);
}
