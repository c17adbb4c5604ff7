import type { AdaptiveCard } from '../cards/adaptive-card.ts';
import type { SendFailure } from '../review/delivery/retry.ts';
import type { ConversationReference } from '../store/conversation-references.ts';

/** A message the bot sends unprompted: a text, a card, or both. */
export interface ProactiveMessage {
  /**
   * The same on every attempt to send this message (review/delivery/recipients.ts), so that a
   * receiver dropping repeats by activity id can drop a retry whose first try arrived.
   */
  readonly id: string;
  readonly text?: string;
  readonly card?: AdaptiveCard;
  /** What a notification shows when the card cannot be (Teams' activity feed, a lock screen). */
  readonly summary?: string;
}

/**
 * The port the notice dispatcher sends through (issue 13): into a personal chat, and as a new thread
 * in a team's channel. Its adapter is botbuilder's connector (bot-connector-sender.ts).
 */
export interface ProactiveSender {
  /** Sends `message` into the conversation `to` names (a personal chat). */
  send(to: ConversationReference, message: ProactiveMessage): Promise<{ readonly activityId?: string }>;
  /** Starts a new thread in the channel `to` names, with `message` as its first post. */
  post(
    to: ConversationReference,
    message: ProactiveMessage,
  ): Promise<{ readonly conversationId: string; readonly activityId?: string }>;
}

/** A send the service refused or never answered, with what the retry rule needs to know. */
export class SendError extends Error implements SendFailure {
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(failure: SendFailure, options?: { cause?: unknown }) {
    super(
      failure.status === undefined ? 'the send was not answered' : `the send was answered ${failure.status}`,
      options,
    );
    this.name = 'SendError';
    if (failure.status !== undefined) this.status = failure.status;
    if (failure.retryAfterMs !== undefined) this.retryAfterMs = failure.retryAfterMs;
  }
}
