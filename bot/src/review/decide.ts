import type { ArrangeCommand } from './arrange/arrange-commands.ts';
import { decideArrange } from './arrange/decide-arrange.ts';
import { identityKey } from './case.ts';
import type { CaseFile } from './case-file.ts';
import { type Decided, recalled, rejected, remember } from './command.ts';
import { enqueue } from './outbox.ts';
import { type Action, type Actor, can } from './permissions.ts';
import type { PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';

/** Every command of a review; later stages add theirs here. */
export type ReviewCommand = ArrangeCommand;
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
};

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
  const by = actor.identity ? identityKey(actor.identity) : `email:${actor.email ?? 'unknown'}`;
  const mailbox = actor.identity?.objectId ?? actor.email;
  const organiser = mailbox ? { mailbox, ...(actor.email ? { email: actor.email } : {}) } : undefined;
  const step = decideArrange(file, command, { today, by, organiser, policy });
  if (!step.ok) return rejected(step.code, step.problems);
  const result = {
    command: command.type,
    ...(step.reviewId ? { reviewId: step.reviewId } : file.review ? { reviewId: file.review.id } : {}),
    ...(step.inviteeId ? { inviteeId: step.inviteeId } : {}),
    effectIds: step.effects.map((effect) => effect.id),
  };
  const next = remember(enqueue(step.file, step.effects), command.id, command.type, result);
  return { ok: true, file: next, effects: step.effects, result, repeated: false };
}
