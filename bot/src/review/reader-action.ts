import type { CaseFile } from './case-file.ts';
import type { Clock } from './clock.ts';
import type { NextAction } from './next-action.ts';
import { type Actor, isPerson, relationsTo } from './permissions.ts';
import type { AdviceRequest, Review } from './review.ts';

/** Who owns a step: the setting (its SENCo), the LA (its case coordinator), or an invitee (their advice). */
export type StepOwner = NextAction['by'] | 'invitee';

/** The next action on a case as one reader sees it. */
export interface ReaderAction extends Omit<NextAction, 'by'> {
  readonly by: StepOwner;
  /** The reader owes this step: only then does it count in their "due soon". */
  readonly yours: boolean;
}

/**
 * The case's next action worded for `reader`: their own step, or the step of whoever owns it.
 *
 * @remarks The SENCo runs the review and the LA decides (permissions.ts): a step of the other side is
 * shown with its owner and never counts in the reader's "due soon". An invitee (an educational
 * psychologist, health, social care) or a parent runs no step of the review: they see what they owe
 * (their advice, by `advice_by`), or that nothing is asked of them yet, never the SENCo's steps.
 * Without a reader (the clock command, tests of the case itself) the step reads as its owner's.
 */
export function actionFor(
  reader: Actor | undefined,
  file: CaseFile,
  clock: Clock,
  action: NextAction,
): ReaderAction {
  if (!reader) return { ...action, yours: true };
  const relations = relationsTo(reader, file);
  const runs = {
    setting: relations.includes('senco'),
    la: relations.includes('la-officer') || relations.includes('coordinator'),
  };
  if (runs[action.by]) return { ...action, yours: true };
  if (runs.setting || runs.la) return { ...action, yours: false };
  const request = file.review ? openRequestOf(reader, file.review) : undefined;
  if (!request) return { label: 'Nothing for you yet', by: 'invitee', yours: true };
  const adviceBy = clock.dates.advice_by;
  return {
    label: request.state === 'requested' ? 'Answer the advice request' : 'Submit your advice',
    by: 'invitee',
    yours: true,
    ...(adviceBy ? { due: adviceBy.date, rule: adviceBy.rule } : {}),
  };
}

/** The reader's advice request still to answer or submit, sent to them or allocated to them by a team. */
function openRequestOf(reader: Actor, review: Review): AdviceRequest | undefined {
  return review.adviceRequests.find((request) => {
    if (request.state !== 'requested' && request.state !== 'accepted') return false;
    const invitee = review.invitees.find((candidate) => candidate.id === request.inviteeId);
    // Stryker disable next-line OptionalChaining: removing an invitee closes their requests (removeInvitee), so an open request always has its invitee
    const to = request.allocatedTo ?? invitee?.person;
    return to !== undefined && isPerson(reader, to);
  });
}
