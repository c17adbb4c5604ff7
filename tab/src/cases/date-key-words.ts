import type { DateKey } from '../../../bot/src/review/clock.ts';

/**
 * What each statutory date is, as the heading of its row in the case's "Statutory dates" table.
 * The rows follow the clock's own order (`DATE_KEYS` in bot/src/review/clock.ts), not this one's.
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
  transfer_meeting_by: 'Latest meeting for the phase transfer',
  recommended_review: 'Recommended review (under 5)',
} as const satisfies Record<DateKey, string>;

export function dateKeyLabel(key: DateKey): string {
  return DATE_KEY_LABELS[key];
}
