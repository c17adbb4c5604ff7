import { useCallback, useState } from 'react';
import type { Problem } from '../../../bot/src/review/errors.ts';
import { ApiError } from '../api/client.ts';
import type { ArrangementResponse, CommandAnswer } from '../api/types.ts';

/** A new id for one user action (command.ts): the server answers a repeat of it as the first time. */
export function newCommandId(): string {
  return crypto.randomUUID();
}

/** One stage command in flight at a time, and what its last try left for the form. */
export interface StageCommand<Answer> {
  readonly busy: boolean;
  /** The problems of the last command, by where they are (`meeting.on`, `outcomes.o1.commentary`). */
  readonly problems: readonly Problem[];
  /** The last command's failure as a whole (its message), when it was refused. */
  readonly error?: ApiError | unknown;
  run(send: (commandId: string) => Promise<Answer>): Promise<boolean>;
}

export type CommandState = StageCommand<CommandAnswer>;

/**
 * Runs one command of a stage at a time (a second click while one is out is ignored, the button is
 * disabled), keeps its problems for the form, and hands the server's answer to `onAnswer`.
 */
export function useStageCommand<Answer>(onAnswer: (answer: Answer) => void): StageCommand<Answer> {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (send: (commandId: string) => Promise<Answer>) => {
      if (busy) return false;
      setBusy(true);
      try {
        onAnswer(await send(newCommandId()));
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
    [busy, onAnswer],
  );
  return { busy, problems, error, run };
}

/** The arrange stage's commands: the answer's arrangement goes to `onArrangement`. */
export function useCommand(onArrangement: (arrangement: ArrangementResponse) => void): CommandState {
  return useStageCommand(
    useCallback((answer: CommandAnswer) => onArrangement(answer.arrangement), [onArrangement]),
  );
}

/** The messages of the problems at `where`, joined for a field's validation message. */
export function problemAt(problems: readonly Problem[], where: string): string | undefined {
  const found = problems.filter((p) => p.where === where).map((p) => p.message);
  return found.length > 0 ? found.join('; ') : undefined;
}
