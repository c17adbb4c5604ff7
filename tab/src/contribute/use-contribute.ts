import { useCallback, useState } from 'react';
import type { Problem } from '../../../bot/src/review/errors.ts';
import { ApiError } from '../api/client.ts';
import type { ContributeAnswer, ContributionResponse } from '../api/types.ts';
import { newCommandId } from '../arrange/use-command.ts';

export interface ContributeCommand {
  readonly busy: boolean;
  /** The problems of the last command, by where they are (`outcomes.o1.commentary`). */
  readonly problems: readonly Problem[];
  readonly error?: unknown;
  run(send: (commandId: string) => Promise<ContributeAnswer>): Promise<boolean>;
}

/**
 * Runs one contribute command at a time, keeps its problems for the form's fields, and hands the
 * page as the server now shows it to `onContribution` (arrange/use-command.ts does the same for
 * arrange).
 */
export function useContribute(onContribution: (next: ContributionResponse) => void): ContributeCommand {
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<readonly Problem[]>([]);
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (send: (commandId: string) => Promise<ContributeAnswer>) => {
      if (busy) return false;
      setBusy(true);
      try {
        const answer = await send(newCommandId());
        onContribution(answer.contribution);
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
    [busy, onContribution],
  );
  return { busy, problems, error, run };
}
