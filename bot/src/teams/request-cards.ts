import { liveCases } from '../caseload/caseload.ts';
import { accountKey, actorOf, type DirectoryUser } from '../identity/user-directory.ts';
import type { CaseRef } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { isReviewError } from '../review/errors.ts';
import { mayAllocate, mayAnswer } from '../review/permissions.ts';
import { londonDate } from '../review/plain-date.ts';
import type { AdviceRequest } from '../review/review.ts';
import { type AdviceCardDeps, adviceCardFor } from './advice-card-actions.ts';
import { allocationCardFor } from './allocation-card-actions.ts';
import type { AnswerDeps, Reply } from './answer.ts';
import { readForCard } from './arrange-card-actions.ts';

/**
 * Cards sent in one reply at most: a professional asked on many reviews sees the first few and is
 * told how many more there are, so one message stays readable on a phone.
 */
export const MAX_REQUEST_CARDS = 5;

export const NO_OPEN_REQUESTS =
  'Nobody is waiting for advice from you just now. When a SENCo asks you, send **requests** again.';

/**
 * "requests": the user's open requests for advice (seed: "Contribute Views"), each as its advice card
 * with their draft filled in, so a professional can answer in this chat.
 *
 * @remarks Only requests the user is asked themself (or allocated by their team), and those to a team
 * they allocate for that no professional has been named for: its allocation card while it waits,
 * the advice card once they accepted it for the team. A SENCo who could record advice on someone's
 * behalf does that in the tab. The cases are found among the user's own
 * live cases (an audited list read), and each case read for its card is audited too. The bot also
 * sends each request's card by itself, into the chat kept from the person's install
 * (jobs/advice-card-sender.ts); this is how someone who installed the app later, or lost the card,
 * finds it again.
 */
export async function answerRequests(
  user: DirectoryUser,
  deps: AnswerDeps,
  advice: AdviceCardDeps,
): Promise<Reply> {
  const reader = { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'bot' as const };
  const today = londonDate(deps.caseload.now());
  try {
    const summaries = await liveCases(reader, today, deps.caseload);
    const open: { ref: CaseRef; file: CaseFile; request: AdviceRequest; allocates: boolean }[] = [];
    for (const summary of summaries) {
      if (summary.stage !== 'contributing') continue;
      const ref = { laCode: summary.laCode, caseId: summary.caseId };
      const file = await readForCard(reader, ref, deps);
      for (const request of file.review?.adviceRequests ?? []) {
        const live = request.state === 'requested' || request.state === 'accepted';
        const allocates = !request.allocatedTo && mayAllocate(reader.actor, request, file);
        if (live && (allocates || mayAnswer(reader.actor, request, file) === 'self'))
          open.push({ ref, file, request, allocates });
      }
    }
    if (open.length === 0) return { kind: 'text', text: NO_OPEN_REQUESTS };
    const shown = open.slice(0, MAX_REQUEST_CARDS);
    const cards = [];
    for (const { ref, file, request, allocates } of shown) {
      cards.push(
        allocates
          ? await allocationCardFor(reader, file, ref, request, {
              today,
              policy: deps.caseload.policyFor,
              advice,
            })
          : await adviceCardFor(reader, file, ref, request.id, advice),
      );
    }
    const more = open.length - shown.length;
    return {
      kind: 'cards',
      text:
        `You have ${open.length} open request${open.length === 1 ? '' : 's'} for advice.` +
        (more > 0 ? ` Here are the first ${shown.length}; answer them to see the rest.` : ''),
      cards,
    };
  } catch (error) {
    if (isReviewError(error) && error.code === 'AUDIT_UNAVAILABLE')
      return { kind: 'text', text: error.message };
    throw error;
  }
}
