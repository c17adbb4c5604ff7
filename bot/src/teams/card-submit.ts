import * as z from 'zod';
import type { Identity } from '../review/case.ts';
import type { Log } from '../server/log.ts';
import type { ConversationType } from './answer.ts';
import type { CardActionResult, CardActionTable } from './card-actions.ts';
import { runCardAction } from './invoke-router.ts';

/**
 * An `Action.Submit` pressed on a card (the fallback of an `Action.Execute`, for a client without
 * Universal Actions): Teams posts a `message` activity with no text whose `value` is the action's
 * `data` merged with the card's inputs; the verb travels in `data.verb` (cards/advice-card.ts).
 */
export interface CardSubmit {
  readonly value: unknown;
  readonly identity?: Identity;
  readonly conversationType?: ConversationType;
  readonly userId?: string;
}

const SubmitValueSchema = z.looseObject({ verb: z.string().min(1).max(100) });

/** A message that is a card's submit rather than something typed: a `value` carrying a verb, and no text. */
export function isCardSubmit(text: string | undefined, value: unknown): boolean {
  return !text?.trim() && SubmitValueSchema.safeParse(value).success;
}

/**
 * A card's submit answered by the same handler as its `Action.Execute` (one path: the same checks,
 * the same permission rules, the same command ids, so a repeated submit is stored once): the card
 * that replaces the one pressed, or a message. A ReviewError's words come back as a message, since
 * there is no card error response outside an invoke.
 *
 * @remarks No automatic refresh comes this way (only Universal Actions refresh), so `trigger` is
 * always `manual`.
 */
export async function answerCardSubmit(
  submit: CardSubmit,
  table: CardActionTable,
  log: Log,
): Promise<CardActionResult> {
  const parsed = SubmitValueSchema.parse(submit.value);
  const { verb, ...data } = parsed;
  const outcome = await runCardAction(
    {
      verb,
      data,
      trigger: 'manual',
      ...(submit.identity ? { identity: submit.identity } : {}),
      ...(submit.conversationType ? { conversationType: submit.conversationType } : {}),
      ...(submit.userId ? { userId: submit.userId } : {}),
    },
    table,
    log,
  );
  if ('result' in outcome) return outcome.result;
  if ('error' in outcome) {
    const { error } = outcome;
    const details = error.problems.map((p) => `${p.where}: ${p.message}`).join('; ');
    return { kind: 'message', text: details ? `${error.message} (${details})` : error.message };
  }
  return { kind: 'message', text: 'Something went wrong on the server. Try again in a moment.' };
}
