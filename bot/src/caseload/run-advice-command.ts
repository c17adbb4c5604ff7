import type { CaseRef } from '../review/case.ts';
import { type AdviceDocument, adviceKey } from '../review/contribute/advice.ts';
import { type AdviceCommand, decide } from '../review/decide.ts';
import { isReviewError, ReviewError } from '../review/errors.ts';
import { londonDate } from '../review/plain-date.ts';
import type { AdviceStore } from '../store/advice-store.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { Reader } from './caseload.ts';
import { type CommandAnswer, type CommandDeps, runCommand } from './run-command.ts';

export interface AdviceCommandDeps extends CommandDeps {
  readonly store: Pick<CaseStore, 'get' | 'update'>;
  readonly advice: AdviceStore;
}

/** How many times a save or submit is tried when someone else wrote the same advice at the same time. */
const ATTEMPTS = 4;

/**
 * Saves or submits one piece of advice: its own document first, then the case file's index, each
 * guarded by its ETag.
 *
 * @remarks The order is what makes a crash safe. The document is written with the command's id in it
 * (`lastCommandId`); the case file then records the index and remembers the command. A crash between
 * the two leaves a document the index does not yet call submitted, which nobody but its writer reads
 * (permissions.ts `mayReadAdvice`); the client's retry with the same id finds its own write in the
 * document and only completes the index (contribute/decide-contribute.ts). A repeat after both writes
 * is answered from the case file's memory and writes nothing. Two professionals submitting at once
 * write two documents, and their index entries meet in the case file's retrying update, so both land.
 */
export async function runAdviceCommand(
  writer: Reader,
  ref: CaseRef,
  command: AdviceCommand,
  deps: AdviceCommandDeps,
): Promise<CommandAnswer & { readonly advice?: AdviceDocument }> {
  for (let attempt = 1; ; attempt += 1) {
    const stored = await deps.store.get(ref);
    if (!stored) throw new ReviewError('CASE_NOT_FOUND');
    const reviewId = stored.file.review?.id;
    const current = reviewId ? await deps.advice.get(ref, reviewId, adviceKey(command.requestId)) : undefined;
    const today = londonDate(deps.now());
    const policy = deps.policyFor(stored.file.case.laCode);
    const decided = decide(stored.file, command, writer.actor, today, policy, current?.advice);
    if (!decided.ok) throw new ReviewError(decided.code, decided.problems);
    if (decided.repeated) {
      return { result: decided.result, file: stored.file, repeated: true };
    }
    const advice = decided.advice;
    if (advice && advice !== current?.advice) {
      try {
        await deps.advice.put(advice, current?.etag);
      } catch (error) {
        if (isReviewError(error) && error.code === 'STALE_WRITE' && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
    const answer = await runCommand(writer, ref, command, deps, advice);
    return { ...answer, ...(advice ? { advice } : {}) };
  }
}
