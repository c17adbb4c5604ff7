import type { CaseFile } from './case-file.ts';
import type { AdviceDocument } from './contribute/advice.ts';
import type { ErrorCode, Problem } from './errors.ts';
import type { Effect } from './outbox.ts';

/**
 * The shape every step of a review shares (DESIGN.md section 4; STYLE.md "the shape of a step"): a
 * command with a client-made id, decided purely against the case file, giving the new file and the
 * effects to perform, or the problems.
 *
 * @remarks The id is made by the client (the tab, a card, an integrator) once per user action, so a
 * double click, a retried request or a card submitted twice carries the same id: the file remembers the
 * last {@link REMEMBERED_COMMANDS} ids with their answers, and a repeat changes nothing and answers as
 * the first did.
 */
export const COMMAND_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const COMMAND_ID_RULE =
  'must be 8 to 64 letters, digits, - or _ (a UUID will do), new for each action';

/**
 * How many recent command ids a file remembers. A client retries within seconds or minutes; 50 covers
 * every retry of a busy review's day, and keeps the document small.
 */
export const REMEMBERED_COMMANDS = 50;

/** What a command answered: enough for a client to carry on (the ids it made), nothing else. */
export interface CommandResult {
  readonly command: string;
  readonly reviewId?: string;
  readonly inviteeId?: string;
  readonly requestId?: string;
  /** The effects the command put in the outbox (outbox.ts). */
  readonly effectIds: readonly string[];
}

export interface RememberedCommand {
  readonly id: string;
  readonly type: string;
  readonly result: CommandResult;
}

/** A command was applied (or was a repeat of one that was): the file to write and what it answered. */
export interface Accepted {
  readonly ok: true;
  /** The new file, its outbox and memory of the command included: the one document to write. */
  readonly file: CaseFile;
  readonly effects: readonly Effect[];
  readonly result: CommandResult;
  /** True when the id had been seen: `file` is the file unchanged, `result` the first answer. */
  readonly repeated: boolean;
  /** The advice document to write (before the file), for a command on advice. */
  readonly advice?: AdviceDocument;
}

export interface Rejected {
  readonly ok: false;
  readonly code: ErrorCode;
  readonly problems: readonly Problem[];
}

export type Decided = Accepted | Rejected;

export function rejected(code: ErrorCode, problems: readonly Problem[] = []): Rejected {
  return { ok: false, code, problems };
}

/** The first answer to command `id`, if this file remembers it. */
export function recalled(file: CaseFile, id: string): RememberedCommand | undefined {
  return file.recentCommands?.find((command) => command.id === id);
}

/** The file remembering command `id` and its answer, forgetting the oldest beyond the bound. */
export function remember(file: CaseFile, id: string, type: string, result: CommandResult): CaseFile {
  const recent = [...(file.recentCommands ?? []), { id, type, result }];
  return { ...file, recentCommands: recent.slice(-REMEMBERED_COMMANDS) };
}
