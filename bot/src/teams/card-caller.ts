import type * as z from 'zod';
import type { Reader } from '../caseload/caseload.ts';
import { accountKey, actorOf } from '../identity/user-directory.ts';
import type { CaseRef } from '../review/case.ts';
import { ReviewError } from '../review/errors.ts';
import type { AnswerDeps } from './answer.ts';
import { PRIVATE_CHAT_ONLY_REPLY } from './answer.ts';
import type { CardAction, CardActionResult } from './card-actions.ts';

/** Who pressed a case card's button, and what the card sent, checked. */
export interface CardCaller<D> {
  readonly reader: Reader;
  readonly data: D;
  readonly ref: CaseRef;
}

/**
 * The first steps every case card's action takes: the user known to the directory (UNKNOWN_USER
 * otherwise), a personal chat (a case card names a child, so elsewhere the answer is a message), and
 * the card's data checked by `schema` (INVALID_INPUT naming each field of `data`).
 */
export async function cardCaller<S extends z.ZodType<{ readonly laCode: string; readonly caseId: string }>>(
  action: CardAction,
  schema: S,
  deps: Pick<AnswerDeps, 'directory'>,
): Promise<CardCaller<z.output<S>> | { readonly refused: CardActionResult }> {
  const user = action.identity ? await deps.directory.findByIdentity(action.identity) : undefined;
  if (!user) throw new ReviewError('UNKNOWN_USER');
  if (action.conversationType !== 'personal') {
    return { refused: { kind: 'message', text: PRIVATE_CHAT_ONLY_REPLY } };
  }
  const parsed = schema.safeParse(action.data);
  if (!parsed.success) {
    throw new ReviewError(
      'INVALID_INPUT',
      parsed.error.issues.map((issue) => ({ where: issue.path.join('.') || 'data', message: issue.message })),
    );
  }
  const data = parsed.data;
  return {
    reader: { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'bot' },
    data,
    ref: { laCode: data.laCode, caseId: data.caseId },
  };
}
