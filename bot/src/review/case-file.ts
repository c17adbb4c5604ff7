import type { EhcCase } from './case.ts';
import type { RememberedCommand } from './command.ts';
import type { OutboxEntry } from './outbox.ts';
import type { PlainDate } from './plain-date.ts';
import type { Review } from './review.ts';

/**
 * Everything about one case that changes together: the case and its current review.
 *
 * @remarks One document per aggregate, so that a change to a review is one atomic write guarded by
 * the document's ETag (DESIGN.md section 4). A closed review's decision moves into the case
 * (`lastReviewDecisionOn`) and the review itself leaves the file.
 */
export interface CaseFile {
  readonly case: EhcCase;
  readonly review?: Review;
  /**
   * Ids of reviews that were abandoned. Their content is deleted (seed: "all information will be
   * permanently deleted"); only the id stays, so that a later import of an old export cannot bring an
   * abandoned review back.
   */
  readonly abandonedReviewIds?: readonly string[];
  /** Effects waiting to be sent, and those of the current review already sent (outbox.ts). */
  readonly outbox?: readonly OutboxEntry[];
  /** The seq of the last effect made: effect ids count up and are never reused. */
  readonly outboxSeq?: number;
  /** The most recent commands applied, so a repeat answers as the first did (command.ts). */
  readonly recentCommands?: readonly RememberedCommand[];
  /** Abandoned reviews whose calendar event is still to be cancelled. */
  readonly tombstones?: readonly Tombstone[];
}

/**
 * Why a review is abandoned: a category, never free text, so that what stays (the tombstone, the audit
 * log, the message to attendees) holds no personal data.
 */
export const ABANDON_REASONS = [
  'arranged-in-error',
  'duplicate',
  'rearranging',
  'child-left-setting',
  'plan-ceased',
] as const;
export type AbandonReason = (typeof ABANDON_REASONS)[number];

/**
 * What is left of an abandoned review until its calendar event is cancelled: who, when, the reason's
 * category and the event. No content: the review itself is deleted at once.
 */
export interface Tombstone {
  readonly reviewId: string;
  /** An account key, never a name. */
  readonly by: string;
  readonly on: PlainDate;
  readonly reason: AbandonReason;
  readonly eventId?: string;
}
