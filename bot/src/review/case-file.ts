import type { EhcCase } from './case.ts';
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
}
