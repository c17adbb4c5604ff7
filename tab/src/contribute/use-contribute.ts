import { useCallback } from 'react';
import type { ContributeAnswer, ContributionResponse } from '../api/types.ts';
import { type StageCommand, useStageCommand } from '../arrange/use-command.ts';

export type ContributeCommand = StageCommand<ContributeAnswer>;

/**
 * The contribute stage's commands (arrange/use-command.ts `useStageCommand`): the page as the server
 * now shows it goes to `onContribution`, the problems to the form's fields.
 */
export function useContribute(onContribution: (next: ContributionResponse) => void): ContributeCommand {
  return useStageCommand(
    useCallback((answer: ContributeAnswer) => onContribution(answer.contribution), [onContribution]),
  );
}
