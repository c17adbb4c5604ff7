import type { CaseFile } from '../case-file.ts';
import { type Actor, isPerson } from '../permissions.ts';
import type { Review } from '../review.ts';
import type { RecordViews } from './contribute-commands.ts';
import type { ContributeContext, ContributeStep } from './decide-contribute.ts';

/**
 * The child's or the parents' views, by them or recorded on their behalf, saying whose they are
 * (seed: "if not, the SENCo is able to complete on their behalf"); allowed until the report is sent.
 */
export function recordViews(
  file: CaseFile,
  review: Review,
  command: RecordViews,
  ctx: ContributeContext,
): ContributeStep {
  if (!['contributing', 'meeting', 'report'].includes(review.stage)) {
    return refuse('WRONG_STAGE', 'stage', `views cannot change at the ${review.stage} stage`);
  }
  // Who may record views at all (`views.record`) is checked before this runs (decide.ts COMMAND_ACTIONS).
  const text = command.text.trim();
  if (!text) return refuse('INVALID_INPUT', 'text', 'write the views');
  const own = isOwnView(ctx.actor, file, review, command.whose);
  const onBehalfOf = command.onBehalfOf?.trim();
  if (!own && !onBehalfOf) {
    return refuse('INVALID_INPUT', 'onBehalfOf', 'say whose views you are recording (their name)');
  }
  const view = {
    text,
    recordedBy: ctx.by,
    ...(!own && onBehalfOf ? { onBehalfOf } : {}),
    updatedOn: ctx.today,
  };
  return {
    ok: true,
    file: { ...file, review: { ...review, views: { ...review.views, [command.whose]: view } } },
  };
}

/** A parent records their own views; a young person their own (as the child's views). */
function isOwnView(actor: Actor, file: CaseFile, review: Review, whose: 'child' | 'parent'): boolean {
  const role = whose === 'parent' ? 'parent' : 'young-person';
  const people = [...file.case.people, ...review.invitees.map((i) => i.person)];
  return people.some((p) => p.role === role && isPerson(actor, p));
}

function refuse(code: 'WRONG_STAGE' | 'INVALID_INPUT', where: string, message: string): ContributeStep {
  return { ok: false, code, problems: [{ where, message }] };
}
