import type { DateKey } from '../../../bot/src/review/clock.ts';

/**
 * What each statutory date is, as the heading of its row in the case's "Statutory dates" table.
 *
 * @remarks Written in the clock's own order (`DATE_KEYS` in bot/src/review/clock.ts, which the tab
 * may not import as a value: DESIGN.md section 4); a test holds the two to the same order.
 */
export const DATE_KEY_LABELS = {
  review_by: 'Review decision due (review by)',
  latest_meeting: 'Latest meeting date',
  invite_by: 'Invitations sent by',
  advice_by: 'Advice circulated by',
  report_by: 'Report sent by',
  decision_by: 'LA decision by',
  representations_end: 'Representations end',
  final_plan_by: 'Final amended plan by',
  phase_transfer_by: 'Phase transfer plan by',
  recommended_review: 'Recommended review (under 5)',
} as const satisfies Record<DateKey, string>;

/** The dates in the order they are shown: the clock's order, from the review-by date on. */
export const DATE_KEY_ORDER = Object.keys(DATE_KEY_LABELS) as readonly DateKey[];

export function dateKeyLabel(key: DateKey): string {
  return DATE_KEY_LABELS[key];
}
