import { type CaseloadDeps, liveCases } from '../api/caseload.ts';
import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import { liveReviewsCard } from '../cards/live-reviews-card.ts';
import { accountKey, actorOf, type UserDirectory } from '../identity/user-directory.ts';
import type { Identity } from '../review/case.ts';
import { londonDate } from '../review/plain-date.ts';

/**
 * A chat message to the bot, as the bot's logic needs it: no botbuilder types, so that moving to the
 * Microsoft 365 Agents SDK leaves this file alone (review-bot.ts does the mapping).
 */
export interface IncomingMessage {
  /** The text with any @mention of the bot removed. */
  readonly text: string;
  /** The Teams user: `conversation.tenantId` (or `channelData.tenant.id`) and `from.aadObjectId`. */
  readonly identity?: Identity;
}

export type Reply =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'text'; readonly text: string };

export interface AnswerDeps {
  readonly directory: UserDirectory;
  readonly caseload: CaseloadDeps;
  /** Where the tab is, for the card's "Open" button. */
  readonly tabUrl?: string;
}

export const NO_ACCESS_REPLY =
  'You do not have access to EHC Review Hub. If you work on EHC plan reviews, ask your SENCo or your ' +
  'local authority to give your account access.';

export const HELP_REPLY =
  'I list your live EHC plan annual reviews, most urgent first, with what to do next and by when. ' +
  'Send **reviews** to see them.';

export type Command = 'reviews' | 'help';

/** What the message asks for: "reviews" in any case, with spaces or a trailing full stop; anything else is help. */
export function commandOf(text: string): Command {
  const words = withoutMentions(text)
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '')
    .replace(/\s+/g, ' ');
  return words === 'reviews' || words === 'review' ? 'reviews' : 'help';
}

/**
 * Removes `<at>…</at>` mentions.
 *
 * @remarks In channels and group chats the bot only receives messages that @mention it, and Teams
 * puts the mention in the text (`<at>EHC Review Hub</at> reviews`). review-bot.ts removes the bot's
 * own mention through the activity's entities first; this also removes any left.
 */
export function withoutMentions(text: string): string {
  return text.replace(/<at>[\s\S]*?<\/at>/gi, ' ');
}

/**
 * The bot's answer: the live reviews card, or help; someone the directory does not know is told
 * they have no access, and nothing else.
 */
export async function answerMessage(message: IncomingMessage, deps: AnswerDeps): Promise<Reply> {
  const user = message.identity ? await deps.directory.findByIdentity(message.identity) : undefined;
  if (!user) return { kind: 'text', text: NO_ACCESS_REPLY };
  if (commandOf(message.text) === 'help') return { kind: 'text', text: HELP_REPLY };
  const today = londonDate(deps.caseload.now());
  const summaries = await liveCases(
    { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'bot' },
    today,
    deps.caseload,
  );
  return {
    kind: 'card',
    card: liveReviewsCard({ summaries, today, ...(deps.tabUrl ? { tabUrl: deps.tabUrl } : {}) }),
  };
}
