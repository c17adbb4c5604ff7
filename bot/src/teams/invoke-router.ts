import * as z from 'zod';
import { STATUS_OF_KIND } from '../api/http-errors.ts';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptive-card.ts';
import type { Identity } from '../review/case.ts';
import { type ErrorCode, isReviewError, type Problem, ReviewError } from '../review/errors.ts';
import { describeError, type Log } from '../server/log.ts';
import type { ConversationType } from './answer.ts';
import type { CardAction, CardActionResult, CardActionTable, CardVerb } from './card-actions.ts';

/** An invoke activity as the router needs it (review-bot.ts maps botbuilder's activity to this). */
export interface Invoke {
  /** The activity's `name`: `adaptiveCard/action`, `task/fetch`, `composeExtension/query`, ... */
  readonly name: string;
  readonly value: unknown;
  readonly identity?: Identity;
  readonly conversationType?: ConversationType;
  /** The Teams user id (`from.id`, `29:...`): what a card's `refresh.userIds` names. */
  readonly userId?: string;
}

/** The HTTP answer to an invoke: Teams reads the body, so every invoke gets one (botbuilder's `InvokeResponse`). */
export interface InvokeAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** The three response types of Universal Actions (`adaptiveCard/action`). */
export const UNIVERSAL_ACTION_ERROR = 'application/vnd.microsoft.error';
export const UNIVERSAL_ACTION_MESSAGE = 'application/vnd.microsoft.activity.message';

export const CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** What `Action.Execute` sends as the invoke's value (Universal Actions for Adaptive Cards). */
const CardActionValueSchema = z.object({
  action: z.object({
    type: z.literal('Action.Execute', { error: 'must be "Action.Execute"' }),
    verb: z.string({ error: 'required: the action’s verb' }).min(1).max(100),
    data: z.record(z.string(), z.unknown(), { error: 'must be an object' }).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

/**
 * The deliberate answer to every invoke: `adaptiveCard/action` goes to the handler its verb names in
 * `table`; an unknown verb, a malformed action or a handler's ReviewError is a 200 whose body is a
 * Universal Actions error, which Teams shows on the card. Other invokes the bot has no feature for
 * get the answer their kind expects (a message in a task module or a message extension) or 400
 * INVOKE_NOT_SUPPORTED, never botbuilder's 501.
 *
 * @remarks An invoke must be answered within Teams' 5 s or the user sees a generic failure, and
 * Teams shows nothing of a 4xx/5xx HTTP status; a 200 carrying an error is what the card can show
 * ("Universal Actions: response format", Microsoft Learn). A handler's unexpected failure is logged
 * (without the action's data, which can hold what the user typed) and answered as INTERNAL_ERROR,
 * so no apology message is sent into the chat for a button press.
 */
export async function answerInvoke(invoke: Invoke, table: CardActionTable, log: Log): Promise<InvokeAnswer> {
  if (invoke.name === CARD_ACTION_INVOKE) return answerCardAction(invoke, table, log);
  if (invoke.name === 'task/fetch' || invoke.name === 'task/submit') {
    return { status: 200, body: { task: { type: 'message', value: notSupportedMessage() } } };
  }
  if (invoke.name.startsWith('composeExtension/')) {
    return { status: 200, body: { composeExtension: { type: 'message', text: notSupportedMessage() } } };
  }
  return {
    status: 400,
    body: {
      error: {
        code: 'INVOKE_NOT_SUPPORTED',
        message: notSupportedMessage(),
        problems: [{ where: 'name', message: 'an invoke this bot does not answer' }],
      },
    },
  };
}

async function answerCardAction(invoke: Invoke, table: CardActionTable, log: Log): Promise<InvokeAnswer> {
  const parsed = CardActionValueSchema.safeParse(invoke.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      where: ['value', ...issue.path].join('.'),
      message: issue.message,
    }));
    return cardError(new ReviewError('INVALID_INPUT', problems));
  }
  const { verb, data } = parsed.data.action;
  const outcome = await runCardAction(
    {
      verb,
      data: data ?? {},
      trigger: parsed.data.trigger ?? 'manual',
      ...(invoke.identity ? { identity: invoke.identity } : {}),
      ...(invoke.conversationType ? { conversationType: invoke.conversationType } : {}),
      ...(invoke.userId ? { userId: invoke.userId } : {}),
    },
    table,
    log,
  );
  if ('error' in outcome) return cardError(outcome.error);
  if ('failed' in outcome) {
    return cardErrorBody(
      500,
      'INTERNAL_ERROR',
      'Something went wrong on the server. Try again in a moment.',
      [],
    );
  }
  const result = outcome.result;
  if (result.kind === 'card') {
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result.card } };
  }
  return { status: 200, body: { statusCode: 200, type: UNIVERSAL_ACTION_MESSAGE, value: result.text } };
}

/** What running a card action gave: the handler's result, a ReviewError, or an unexpected failure. */
export type CardActionOutcome =
  | { readonly result: CardActionResult }
  | { readonly error: ReviewError }
  | { readonly failed: true };

/**
 * One card action run through the table, whichever way it came (an `Action.Execute` invoke, or its
 * `Action.Submit` fallback as a message: card-submit.ts): the verb's handler, or UNKNOWN_CARD_ACTION;
 * a handler's ReviewError comes back as the error, an unexpected failure is logged (without the
 * action's data) and comes back as INTERNAL_ERROR.
 */
export async function runCardAction(
  action: CardAction,
  table: CardActionTable,
  log: Log,
): Promise<CardActionOutcome> {
  const handler = Object.hasOwn(table, action.verb) ? table[action.verb as CardVerb] : undefined;
  if (handler === undefined) {
    return {
      error: new ReviewError('UNKNOWN_CARD_ACTION', [
        { where: 'value.action.verb', message: 'not a verb of this bot' },
      ]),
    };
  }
  try {
    return { result: await handler(action) };
  } catch (error) {
    if (isReviewError(error)) return { error };
    log.error('card action failed', { verb: action.verb, code: 'INTERNAL_ERROR', ...describeError(error) });
    return { failed: true };
  }
}

function cardError(error: ReviewError): InvokeAnswer {
  return cardErrorBody(STATUS_OF_KIND[error.kind], error.code, error.message, error.problems);
}

function cardErrorBody(
  statusCode: number,
  code: ErrorCode | 'INTERNAL_ERROR',
  message: string,
  problems: readonly Problem[],
): InvokeAnswer {
  return {
    status: 200,
    body: { statusCode, type: UNIVERSAL_ACTION_ERROR, value: { code, message, problems } },
  };
}

function notSupportedMessage(): string {
  return new ReviewError('INVOKE_NOT_SUPPORTED').message;
}
