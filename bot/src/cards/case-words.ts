import type { DateKey } from '../review/clock.ts';
import type { Stage } from '../review/review.ts';

/** A stage in the words of the seed guidance's pages ("Arrange", "Contribute views", ...). */
export const STAGE_WORDS: Readonly<Record<Stage, string>> = {
  pending: 'Review pending',
  arranging: 'Arranging the review',
  contributing: 'Contributing views',
  meeting: 'Meeting',
  report: 'Writing the report',
  submitted: 'Report submitted',
  decided: 'LA decision made',
  amending: 'Amending the plan',
  closed: 'Closed',
  abandoned: 'Abandoned',
};

/** What is late when a date of the clock has passed. */
export const OVERDUE_WORDS: Readonly<Record<DateKey, string>> = {
  review_by: 'the review-by date',
  latest_meeting: 'the latest meeting date',
  invite_by: 'the invitations',
  advice_by: 'the advice',
  report_by: 'the report',
  decision_by: 'the LA decision',
  representations_end: 'the representations',
  final_plan_by: 'the final plan',
  phase_transfer_by: 'the phase transfer plan',
  recommended_review: 'the recommended review',
};
