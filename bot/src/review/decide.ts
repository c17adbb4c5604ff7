import type { ArrangeCommand } from './arrange/arrange-commands.ts';
import { decideArrange } from './arrange/decide-arrange.ts';
import type { CaseFile } from './case-file.ts';
import { type Decided, recalled, rejected, remember } from './command.ts';
import type { AdviceDocument } from './contribute/advice.ts';
import type { ContributeCommand } from './contribute/contribute-commands.ts';
import { decideContribute, requestsOnSending } from './contribute/decide-contribute.ts';
import { newRequestIds, requestCardEffects } from './contribute/request-card-effects.ts';
import { enqueue, nextSeq } from './outbox.ts';
import { type Action, type Actor, actorKey, can } from './permissions.ts';
import type { PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';

/** Every command of a review; later stages add theirs here. */
export type ReviewCommand = ArrangeCommand | ContributeCommand;
export type CommandType = ReviewCommand['type'];

/** The permission each command needs (permissions.ts). */
export const COMMAND_ACTIONS: Readonly<Record<CommandType, Action>> = {
  startReview: 'review.start',
  saveMeeting: 'review.arrange',
  addInvitee: 'review.arrange',
  removeInvitee: 'review.arrange',
  markRequestInformation: 'review.arrange',
  sendInvitations: 'review.arrange',
  abandonReview: 'review.abandon',
  requestAdvice: 'advice.request',
  closeRequest: 'advice.request',
  // Accepting and declining are checked request by request (permissions.ts mayAnswer, mayAllocate).
  acceptRequest: 'advice.submit',
  declineRequest: 'advice.submit',
  allocateRequest: 'advice.allocate',
  saveAdvice: 'advice.submit',
  submitAdvice: 'advice.submit',
  attachDocument: 'advice.submit',
  recordViews: 'views.record',
  progressToMeeting: 'review.progress',
};

/** The commands whose subject is one advice document (contribute/advice.ts) as well as the case file. */
export type AdviceCommand = Extract<
  ReviewCommand,
  { type: 'saveAdvice' | 'submitAdvice' | 'attachDocument' }
>;
export function isAdviceCommand(command: ReviewCommand): command is AdviceCommand {
  return (
    command.type === 'saveAdvice' || command.type === 'submitAdvice' || command.type === 'attachDocument'
  );
}

/**
 * Decides `command` against `file`: the new file (its outbox and the memory of the command included)
 * with the effects to perform, or the problems.
 *
 * @remarks Pure, and so safe to run again on a reloaded document when a write loses an ETag race
 * (store `update`). A repeated id answers as the first time and changes nothing; an id reused for a
 * different command is refused. An actor who may not read the case gets CASE_NOT_FOUND, as a read
 * would (permissions.ts); one who may read it but not do this gets NOT_ALLOWED.
 */
export function decide(
  file: CaseFile,
  command: ReviewCommand,
  actor: Actor,
  today: PlainDate,
  policy: LaPolicy,
  advice?: AdviceDocument,
): Decided {
  if (!can(actor, 'case.read', file)) return rejected('CASE_NOT_FOUND');
  const earlier = recalled(file, command.id);
  if (earlier) {
    if (earlier.type !== command.type) {
      return rejected('INVALID_INPUT', [
        {
          where: 'id',
          message: `this id was already used for ${earlier.type}: make a new id for each action`,
        },
      ]);
    }
    return { ok: true, file, effects: [], result: earlier.result, repeated: true };
  }
  if (!can(actor, COMMAND_ACTIONS[command.type], file)) return rejected('NOT_ALLOWED');
  const by = actorKey(actor);
  if (isContributeCommand(command)) {
    const step = decideContribute(file, command, {
      today,
      by,
      actor,
      policy,
      ...(advice ? { advice } : {}),
    });
    if (!step.ok) return rejected(step.code, step.problems);
    // A request made, sent again or allocated to a named professional: its card goes to who is asked.
    const asks = command.type === 'requestAdvice' || command.type === 'allocateRequest';
    const effects =
      asks && step.requestId ? requestCardEffects(step.file, [step.requestId], nextSeq(step.file)) : [];
    const result = {
      command: command.type,
      ...(file.review ? { reviewId: file.review.id } : {}),
      ...(step.requestId ? { requestId: step.requestId } : {}),
      effectIds: effects.map((effect) => effect.id),
    };
    const next = remember(enqueue(step.file, effects), command.id, command.type, result);
    return {
      ok: true,
      file: next,
      effects,
      result,
      repeated: false,
      ...(step.advice ? { advice: step.advice } : {}),
    };
  }
  const mailbox = actor.identity?.objectId ?? actor.email;
  const organiser = mailbox ? { mailbox, ...(actor.email ? { email: actor.email } : {}) } : undefined;
  const step = decideArrange(file, command, { today, by, organiser, policy });
  if (!step.ok) return rejected(step.code, step.problems);
  // "Everyone who has been invited will automatically be transferred through to 'contribute views'":
  // each invitee marked "request information" is asked as the invitations go out.
  const arranged = command.type === 'sendInvitations' ? requestsOnSending(step.file, today) : step.file;
  // Each request made as the invitations go out sends its card, after the calendar's own effects.
  const cards = requestCardEffects(
    arranged,
    newRequestIds(step.file, arranged),
    nextSeq(file) + step.effects.length,
  );
  const effects = [...step.effects, ...cards];
  const result = {
    command: command.type,
    ...(step.reviewId ? { reviewId: step.reviewId } : file.review ? { reviewId: file.review.id } : {}),
    ...(step.inviteeId ? { inviteeId: step.inviteeId } : {}),
    effectIds: effects.map((effect) => effect.id),
  };
  const next = remember(enqueue(arranged, effects), command.id, command.type, result);
  return { ok: true, file: next, effects, result, repeated: false };
}

const CONTRIBUTE_TYPES: ReadonlySet<string> = new Set<ContributeCommand['type']>([
  'requestAdvice',
  'closeRequest',
  'acceptRequest',
  'declineRequest',
  'allocateRequest',
  'saveAdvice',
  'submitAdvice',
  'attachDocument',
  'recordViews',
  'progressToMeeting',
]);

function isContributeCommand(command: ReviewCommand): command is ContributeCommand {
  return CONTRIBUTE_TYPES.has(command.type);
}
