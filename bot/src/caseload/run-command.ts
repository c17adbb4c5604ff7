import { type CaseRef, caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import type { CommandResult, Decided } from '../review/command.ts';
import type { AdviceDocument } from '../review/contribute/advice.ts';
import { decide, type ReviewCommand } from '../review/decide.ts';
import { ReviewError } from '../review/errors.ts';
import { londonDate } from '../review/plain-date.ts';
import type { LaPolicy } from '../review/policy.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { Reader } from './caseload.ts';

export interface CommandDeps {
  readonly store: Pick<CaseStore, 'update'>;
  readonly audit: AuditLog;
  readonly policyFor: (laCode: string) => LaPolicy;
  readonly now: () => Date;
  /** Told when a command put effects in an outbox: the dispatcher sends them soon (jobs/). */
  readonly effectsQueued?: () => void;
}

export interface CommandAnswer {
  readonly result: CommandResult;
  /** The file as written (or as it was, for a repeat). */
  readonly file: CaseFile;
  readonly repeated: boolean;
}

/**
 * Applies `command` to the case as it is now, the writes the API and the bot share.
 *
 * @remarks The command is decided inside the store's retrying `update`, on the current document, not
 * on the copy the client loaded: a concurrent change to something else is kept, and one to the same
 * thing is the domain's EDIT_CONFLICT naming it (arrange/meeting-edit.ts). The outbox goes in the same
 * ETag write. Each applied command is audited (no personal data: the action, the command id, counts);
 * a repeat was audited the first time.
 */
export async function runCommand(
  writer: Reader,
  ref: CaseRef,
  command: ReviewCommand,
  deps: CommandDeps,
  /** The advice document the command is about, as written just before (run-advice-command.ts). */
  advice?: AdviceDocument,
): Promise<CommandAnswer> {
  let decided: Decided | undefined;
  const today = londonDate(deps.now());
  const stored = await deps.store.update(ref, (file) => {
    decided = decide(file, command, writer.actor, today, deps.policyFor(file.case.laCode), advice);
    return decided.ok ? decided.file : file;
  });
  if (!stored || !decided) throw new ReviewError('CASE_NOT_FOUND');
  if (!decided.ok) throw new ReviewError(decided.code, decided.problems);
  const outcome = decided;
  if (!outcome.repeated) {
    try {
      await deps.audit.record({
        at: deps.now().toISOString(),
        actor: writer.accountKey,
        action: `review.${command.type}`,
        caseKey: caseKey(ref),
        detail: {
          via: writer.via,
          commandId: command.id,
          effects: outcome.effects.length,
          ...(command.type === 'abandonReview' ? { reason: command.reason } : {}),
        },
      });
    } catch (error) {
      // The change is written; a retry with the same id is a repeat and changes nothing.
      throw new ReviewError('AUDIT_UNAVAILABLE', [], undefined, { cause: error });
    }
    if (outcome.effects.length > 0) deps.effectsQueued?.();
  }
  return { result: outcome.result, file: stored.file, repeated: outcome.repeated };
}
