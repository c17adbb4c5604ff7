import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import type { Identity } from '../review/case.ts';
import { adviceCardActions } from './advice-card-actions.ts';
import { allocationCardActions } from './allocation-card-actions.ts';
import type { AnswerDeps, ConversationType } from './answer.ts';
import { arrangeCardActions } from './arrange-card-actions.ts';

/**
 * One Universal Action (`Action.Execute`) a card sent, as its handler sees it: no botbuilder types,
 * validated by the invoke router before any handler runs.
 */
export interface CardAction {
  /** The card's `verb`, the key of {@link CardActionTable}. */
  readonly verb: string;
  /** The card's `data` merged with its inputs, as Teams sends it (`value.action.data`); `{}` when none. */
  readonly data: Readonly<Record<string, unknown>>;
  /**
   * `manual` when the user pressed the button, `automatic` when Teams refreshes the card on its own
   * (`refresh.action`); an automatic refresh must only return a card, never change anything.
   */
  readonly trigger: 'manual' | 'automatic';
  /** The Teams user, as for a message (review-bot.ts `identityOf`); none when Teams did not say. */
  readonly identity?: Identity;
  readonly conversationType?: ConversationType;
  /** The Teams user id (`29:...`), for a card refreshed for that user (`refresh.userIds`). */
  readonly userId?: string;
}

/**
 * What a card action answers: the card that replaces the one pressed, or a short message Teams shows
 * under it. A failure the user can act on is thrown as a ReviewError from the catalogue
 * (review/errors.ts): the router turns it into the card's error response (`application/vnd.microsoft.error`)
 * with the status of its kind.
 */
export type CardActionResult =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'message'; readonly text: string };

export type CardActionHandler = (action: CardAction) => Promise<CardActionResult>;

/**
 * Verbs are `<area>.<action>` in lower camel case (`arrange.saveDraft`), so one stage's verbs cannot
 * collide with another's and a verb says where its handler lives.
 */
export type CardVerb = `${string}.${string}`;

/** Every `Action.Execute` verb the bot answers, and its handler. */
export type CardActionTable = Readonly<Record<CardVerb, CardActionHandler>>;

/**
 * The card actions the bot answers. **Register a stage's verbs here**: build them in the stage's own
 * file (e.g. `arrangeCardActions(deps)` returning a `CardActionTable`) and spread them in below. A verb
 * not in this table answers the card with UNKNOWN_CARD_ACTION (invoke-router.ts), never a 501.
 *
 * @remarks One table rather than a chain of `if (verb === ...)`, so that the router, its validation
 * and its error responses are written once, and a test can list every verb the bot answers.
 */
export function cardActionTable(deps: AnswerDeps): CardActionTable {
  return {
    ...(deps.arrange ? arrangeCardActions(deps, deps.arrange) : {}),
    ...(deps.advice ? adviceCardActions(deps, deps.advice) : {}),
    ...(deps.allocation ? allocationCardActions(deps, deps.allocation) : {}),
  };
}
