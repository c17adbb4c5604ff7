import type { Problem } from '../review/errors.ts';
import type { CardElement, ExecuteAction } from './adaptive-card.ts';

/**
 * An `Action.Execute` with its `Action.Submit` fallback carrying the same data and the verb, for
 * clients without Universal Actions (Adaptive Cards: "Universal Actions, backward compatibility");
 * teams/card-submit.ts answers the fallback with the same handler.
 */
export function executeAction(
  title: string,
  verb: string,
  data: Readonly<Record<string, string>>,
  extra: Pick<ExecuteAction, 'style' | 'associatedInputs'> = {},
): ExecuteAction {
  return {
    type: 'Action.Execute',
    title,
    verb,
    data,
    ...extra,
    fallback: { type: 'Action.Submit', title, data: { ...data, verb }, ...extra },
  };
}

/** The problems that name the input `where`, each a line in the attention colour to go right under it. */
export function problemText(problems: readonly Problem[], where: string): CardElement[] {
  return problems
    .filter((p) => p.where === where)
    .map((p) => ({
      type: 'TextBlock',
      text: p.message,
      color: 'attention',
      wrap: true,
      size: 'small',
      spacing: 'none',
    }));
}
