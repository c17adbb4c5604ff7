import { useCallback, useState } from 'react';
import type { Problem } from '../../../bot/src/review/errors.ts';
import { ApiError } from '../api/client.ts';
import type { ArrangementResponse, CommandAnswer } from '../api/types.ts';

/** A new id for one user action (command.ts): the server answers a repeat of it as the first time. */
export function newCommandId(): string {
  return crypto.randomUUID();
}

export interface CommandState {
  readonly busy: boolean;
  /** The problems of the last command, by where they are (`meeting.on`, `person.email`). */
  readonly problems: readonly Problem[];
  /** The last command's failure as a whole (its message), when it was refused. */
  readonly error?: ApiError | unknown;
  run(send: (commandId: string) => Promise<CommandAnswer>): Promise<boolean>;
}

/**
 * Runs one command at a time (a second click while one is out is ignored, the button is disabled),
 * keeps its problems for the form, and hands the answer's arrangement to `onArrangement`.
 */
export function useCommand(onArrangement: (arrangement: ArrangementResponse) => void): CommandState {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (send: (commandId: string) => Promise<CommandAnswer>) => {
      if (busy) return false;
      setBusy(true);
      try {
        const answer = await send(newCommandId());
        onArrangement(answer.arrangement);
        setProblems([]);
        setError(undefined);
        return true;
      } catch (caught) {
        setError(caught);
        setProblems(caught instanceof ApiError ? caught.problems : []);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [busy, onArrangement],
  );
  return { busy, problems, error, run };
}

/** The messages of the problems at `where`, joined for a field's validation message. */
export function problemAt(problems: readonly Problem[], where: string): string | undefined {
  const found = problems.filter((p) => p.where === where).map((p) => p.message);
  return found.length > 0 ? found.join('; ') : undefined;
}
