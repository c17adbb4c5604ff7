import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import { liveReviewsCard } from '../cards/live-reviews-card.ts';
import { type CaseloadDeps, liveCases } from '../caseload/caseload.ts';
import { type OwnWarningCase, ownWarnings } from '../caseload/own-warnings.ts';
import { accountKey, actorOf, type DirectoryUser, type UserDirectory } from '../identity/user-directory.ts';
import type { Identity } from '../review/case.ts';
import { isReviewError } from '../review/errors.ts';
import { formatLong, londonDate, type PlainDate } from '../review/plain-date.ts';
import type { CaseSummary } from '../review/summary.ts';
import type { WarningPolicy } from '../review/warning-policy.ts';
import type { Warning } from '../review/warnings.ts';
import { DATE_KEY_WORDS, overdueWords } from '../review/words.ts';
import { describeError, type Log } from '../server/log.ts';
import type { AdviceCardDeps } from './advice-card-actions.ts';
import type { AllocationCardDeps } from './allocation-card-actions.ts';
import { type ArrangeCardDeps, arrangeCardFor, readForCard } from './arrange-card-actions.ts';
import { helpReply, notUnderstoodReply, welcomeReply } from './help.ts';
import { answerRequests } from './request-cards.ts';

/**
 * A chat message to the bot, as the bot's logic needs it: no botbuilder types, so that moving to the
 * Microsoft 365 Agents SDK leaves this file alone (review-bot.ts does the mapping).
 */
export interface IncomingMessage {
  /** The text with any @mention of the bot removed. */
  readonly text: string;
  /** The Teams user: `conversation.tenantId` (or `channelData.tenant.id`) and `from.aadObjectId`. */
  readonly identity?: Identity;
  /** Where it was sent: Teams' `conversation.conversationType`; none when Teams did not say. */
  readonly conversationType?: ConversationType;
}

/**
 * The conversations Teams puts a bot in: a 1:1 chat with one user (`personal`), a group chat (which may
 * include a parent or someone from another organisation) and a team's channel (everyone in the team).
 */
export type ConversationType = 'personal' | 'groupChat' | 'channel';

export type Reply =
  | { readonly kind: 'card'; readonly card: AdaptiveCard }
  | { readonly kind: 'text'; readonly text: string }
  /** A line of text and several cards in one message ("requests"). */
  | { readonly kind: 'cards'; readonly text: string; readonly cards: readonly AdaptiveCard[] };

export interface AnswerDeps {
  readonly directory: UserDirectory;
  readonly caseload: CaseloadDeps;
  /** Where the tab is, for the card's "Open" button. */
  readonly tabUrl?: string;
  /**
   * Where the tab is for this user, when it differs by user: in local mode, signed in as the chat's
   * demo user rather than on the sign-in picker. Takes the place of `tabUrl`.
   */
  readonly tabUrlFor?: (user: DirectoryUser) => string;
  /** Where a failure the user is told about in words (AUDIT_UNAVAILABLE) is logged with its cause. */
  readonly log?: Log;
  /** The arrange card's commands (arrange-card-actions.ts); without it "arrange" is not offered. */
  readonly arrange?: ArrangeCardDeps;
  /** The advice card's commands (advice-card-actions.ts); without it the advice verbs are not answered. */
  readonly advice?: AdviceCardDeps;
  /** Each LA's choice of when to warn (store/la-config.ts), so "due" lists what the sweep sends. */
  readonly warningPolicies?: () => Promise<ReadonlyMap<string, WarningPolicy>>;
  /** The allocation card's commands (allocation-card-actions.ts): a team's allocator answers its request. */
  readonly allocation?: AllocationCardDeps;
}

export const NO_ACCESS_REPLY =
  'You do not have access to EHC Review Hub. If you work on EHC plan reviews, ask your SENCo or your ' +
  'local authority to give your account access.';

export const PRIVATE_CHAT_ONLY_REPLY =
  'Your list of reviews names children, so I only share it in a private chat. Open a 1:1 chat with ' +
  'EHC Review Hub and send **reviews** (in Teams: Chat, then New chat, and type EHC Review Hub).';

export type Command = 'reviews' | 'overdue' | 'due' | 'requests' | 'help' | 'unknown';

/** "arrange Amelia" or "arrange Amelia Rowe": the child named, lower case; undefined for any other text. */
export function arrangeTarget(text: string): string | undefined {
  const match = /^arrange\s+(.+?)[.!?]*$/i.exec(withoutMentions(text).trim().replace(/\s+/g, ' '));
  return match?.[1]?.toLowerCase();
}

/** Greetings and requests for help, and an empty message (a bare @mention): all answered with help. */
const HELP_WORDS = new Set(['', 'help', 'hello', 'hi', 'hey', '?']);

/**
 * What the message asks for, in any case, with spaces or a trailing full stop: "reviews"; "help",
 * "hello" or a greeting; anything else is not understood, and the bot says so.
 */
export function commandOf(text: string): Command {
  const words = withoutMentions(text)
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/\s+/g, ' ');
  if (words === 'reviews' || words === 'review') return 'reviews';
  if (words === 'overdue') return 'overdue';
  if (words === 'requests' || words === 'request') return 'requests';
  if (words === 'due' || words === 'due soon') return 'due';
  return HELP_WORDS.has(words) ? 'help' : 'unknown';
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
 * The bot's answer: the live reviews card, help by the user's role, or that the request was not
 * understood with what is; someone the directory does not know is told they have no access, and
 * nothing else.
 *
 * @remarks The card names children and gives their case ids and dates, which only the user asking
 * may see; everyone in a group chat or channel would see it too. So it is sent in a personal (1:1)
 * chat only, and anywhere else, or where Teams did not say which conversation it is, the answer is
 * a text that names no case, and no case is read.
 */
export async function answerMessage(message: IncomingMessage, deps: AnswerDeps): Promise<Reply> {
  const user = message.identity ? await deps.directory.findByIdentity(message.identity) : undefined;
  if (!user) return { kind: 'text', text: NO_ACCESS_REPLY };
  const target = deps.arrange ? arrangeTarget(message.text) : undefined;
  if (target !== undefined && deps.arrange) {
    if (message.conversationType !== 'personal') return { kind: 'text', text: PRIVATE_CHAT_ONLY_REPLY };
    return answerArrange(user, target, deps, deps.arrange);
  }
  const command = commandOf(message.text);
  if (command === 'help') return { kind: 'text', text: helpReply(user) };
  if (command === 'unknown') return { kind: 'text', text: notUnderstoodReply() };
  if (message.conversationType !== 'personal') return { kind: 'text', text: PRIVATE_CHAT_ONLY_REPLY };
  if (command === 'requests') {
    return deps.advice
      ? answerRequests(user, deps, deps.advice)
      : { kind: 'text', text: notUnderstoodReply() };
  }
  const today = londonDate(deps.caseload.now());
  if (command === 'overdue' || command === 'due') {
    const own = await readOwnWarnings(user, today, deps);
    if (!Array.isArray(own)) return own;
    return { kind: 'text', text: command === 'overdue' ? overdueReply(own) : dueReply(own) };
  }
  const read = await readLive(user, today, deps);
  if (!Array.isArray(read)) return read;
  const summaries = read;
  const tabUrl = deps.tabUrlFor?.(user) ?? deps.tabUrl;
  return { kind: 'card', card: liveReviewsCard({ summaries, today, ...(tabUrl ? { tabUrl } : {}) }) };
}

/** The user's live cases (an audited list read), or the reply saying why they could not be read. */
async function readLive(
  user: DirectoryUser,
  today: PlainDate,
  deps: AnswerDeps,
): Promise<CaseSummary[] | Reply> {
  try {
    return await liveCases(
      { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'bot' },
      today,
      deps.caseload,
    );
  } catch (error) {
    if (!(isReviewError(error) && error.code === 'AUDIT_UNAVAILABLE')) throw error;
    deps.log?.error('bot: the live reviews were not shown', {
      code: error.code,
      ...describeError(error.cause),
    });
    return { kind: 'text', text: error.message };
  }
}

/** The user's own warnings now (an audited list read), or the reply saying why they could not be read. */
async function readOwnWarnings(
  user: DirectoryUser,
  today: PlainDate,
  deps: AnswerDeps,
): Promise<OwnWarningCase[] | Reply> {
  try {
    return await ownWarnings(
      { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'bot' },
      today,
      deps.caseload,
      await deps.warningPolicies?.(),
    );
  } catch (error) {
    if (!(isReviewError(error) && error.code === 'AUDIT_UNAVAILABLE')) throw error;
    deps.log?.error('bot: the warnings were not shown', { code: error.code, ...describeError(error.cause) });
    return { kind: 'text', text: error.message };
  }
}

/**
 * "overdue": the user's own overdue dates (their steps, not the other side's), case by case: the
 * warnings the deadline sweep sends them while the step is late.
 */
function overdueReply(cases: readonly OwnWarningCase[]): string {
  const lines = earliestFirst(cases, (w) => w.overdue).map(
    ({ of, warnings }) =>
      `- **${of.childName}** (case ${of.caseId}): ${overdueWords(warnings.map((w) => w.key))}`,
  );
  if (lines.length === 0) return 'Nothing of yours is overdue. Send **due** to see what is due soon.';
  return [`Overdue for you (${lines.length}):`, ...lines].join('\n');
}

/**
 * "due": the user's own dates coming up that the sweep warns of now (by default from 4 weeks ahead),
 * each with its date, the case with the earliest first.
 */
function dueReply(cases: readonly OwnWarningCase[]): string {
  const lines = earliestFirst(cases, (w) => !w.overdue).map(({ of, warnings }) => {
    const dates = warnings.map((w) => `${capitalise(DATE_KEY_WORDS[w.key])} by ${formatLong(w.date)}`);
    return `- **${of.childName}** (case ${of.caseId}): ${dates.join('; ')}`;
  });
  if (lines.length === 0) return 'Nothing of yours is due soon. Send **overdue** to see what is late.';
  return [`Due soon for you (${lines.length}):`, ...lines].join('\n');
}

/** The cases with warnings that `keep`, each with those warnings, the case of the earliest date first. */
function earliestFirst(
  cases: readonly OwnWarningCase[],
  keep: (warning: Warning) => boolean,
): { of: OwnWarningCase; warnings: Warning[] }[] {
  return cases
    .map((of) => ({ of, warnings: of.warnings.filter(keep) }))
    .filter(({ warnings }) => warnings.length > 0)
    .sort((a, b) => (a.warnings[0]?.date ?? '').localeCompare(b.warnings[0]?.date ?? ''));
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The welcome when the user installs the app in personal scope: what they can do here, by role. */
export async function answerWelcome(identity: Identity | undefined, deps: AnswerDeps): Promise<Reply> {
  const user = identity ? await deps.directory.findByIdentity(identity) : undefined;
  return { kind: 'text', text: user ? welcomeReply(user) : NO_ACCESS_REPLY };
}

/**
 * "arrange <child>": the arrange card of the one live case of the user's whose child has that name
 * (first name, or first and last); a question when none or several match.
 *
 * @remarks The match runs over the user's own live cases (an audited list read), so a name never finds
 * a case the user may not see; the case's read is audited too.
 */
async function answerArrange(
  user: DirectoryUser,
  target: string,
  deps: AnswerDeps,
  arrange: ArrangeCardDeps,
): Promise<Reply> {
  const reader = { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'bot' as const };
  let summaries: CaseSummary[];
  try {
    summaries = await liveCases(reader, londonDate(deps.caseload.now()), deps.caseload);
  } catch (error) {
    if (isReviewError(error) && error.code === 'AUDIT_UNAVAILABLE')
      return { kind: 'text', text: error.message };
    throw error;
  }
  const matches = summaries.filter((summary) => {
    const name = summary.childName.toLowerCase();
    return name === target || name.split(/\s+/)[0] === target;
  });
  if (matches.length === 0) {
    return {
      kind: 'text',
      text: 'None of your live reviews is of a child by that name. Send **reviews** to see them.',
    };
  }
  if (matches.length > 1) {
    const which = matches.map((m) => `${m.childName} (${m.caseId})`).join(', ');
    return {
      kind: 'text',
      text: `More than one child of yours has that name: ${which}. Send **arrange** with the full name.`,
    };
  }
  const [match] = matches as [CaseSummary];
  const ref = { laCode: match.laCode, caseId: match.caseId };
  try {
    const file = await readForCard(reader, ref, deps);
    return { kind: 'card', card: arrangeCardFor(file, ref, deps, arrange) };
  } catch (error) {
    if (isReviewError(error)) return { kind: 'text', text: error.message };
    throw error;
  }
}
