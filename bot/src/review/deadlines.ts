import type { Clock, DueDate } from './clock.ts';
import { addDays, formatLong, isBefore, type PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';

/** A date as every view shows it: with the rule behind it, why, and whether it is only guidance. */
export type RuledDate = Pick<DueDate, 'date' | 'rule' | 'explanation' | 'recommended'>;

/** The case's deadline: one of the clock's dates, so it keeps its key. */
export type CaseDeadline = Pick<DueDate, 'key' | 'date' | 'rule' | 'explanation'>;

/**
 * The case's deadline: the earliest date that binds the whole review, so the one a list shows and
 * sorts by. The review-by date (REVIEW_DUE), or the phase transfer date (PHASE_TRANSFER) when that is
 * earlier and the plan does not name the new setting yet (docs/statutory-rules.md, "Derived dates").
 *
 * @remarks A transfer case's review-by date can be weeks after its amended plan is due (15 February
 * against a March review-by date): showing review_by alone would hide the date that binds first.
 */
export function caseDeadline(clock: Pick<Clock, 'dates'>): CaseDeadline {
  const reviewBy = derived(clock, 'review_by');
  const transfer = clock.dates.phase_transfer_by;
  const binding = transfer && !transfer.done && isBefore(transfer.date, reviewBy.date) ? transfer : reviewBy;
  const { key, date, rule, explanation } = binding;
  return { key, date, rule, explanation };
}

/**
 * The latest sensible meeting date: the earliest of the meeting dates that still meet a deadline.
 *
 * - `latest_meeting` (DECISION_DUE): the decision can still be notified by the review-by date;
 * - `transfer_meeting_by` (PHASE_TRANSFER), while the plan does not name the new setting: the decision
 *   and the final amended plan can still come by the transfer deadline;
 * - for a child under 5, the recommended review (UNDER_FIVE, guidance; `recommended`) less the weeks
 *   the decision takes, while that review is still ahead: once it has passed, only the statutory dates
 *   count, so a missed recommendation does not hide them.
 *
 * @remarks The one answer to "by when must the meeting be?" for the next action, the arrange page and
 * the digest, so they cannot disagree (docs/statutory-rules.md: "the latest sensible meeting is the earlier
 * of latest_meeting and transfer_meeting_by"). On equal dates the statutory one wins.
 */
export function latestSensibleMeeting(
  clock: Pick<Clock, 'dates'>,
  today: PlainDate,
  policy: Pick<LaPolicy, 'decisionWeeks'>,
): RuledDate {
  const candidates: RuledDate[] = [derived(clock, 'latest_meeting')];
  const { transfer_meeting_by, phase_transfer_by, recommended_review } = clock.dates;
  if (transfer_meeting_by && !phase_transfer_by?.done) candidates.push(transfer_meeting_by);
  if (recommended_review && !isBefore(recommended_review.date, today)) {
    const weeks = policy.decisionWeeks;
    candidates.push({
      date: addDays(recommended_review.date, -7 * weeks),
      rule: 'UNDER_FIVE',
      explanation: `Recommended, not a legal deadline: hold the meeting by this date to leave ${weeks} weeks for the decision before the recommended review of a child under 5 (${formatLong(recommended_review.date)}).`,
      recommended: true,
    });
  }
  const [first, ...rest] = candidates as [RuledDate, ...RuledDate[]];
  const earliest = rest.reduce((sooner, next) => (isBefore(next.date, sooner.date) ? next : sooner), first);
  const { date, rule, explanation, recommended } = earliest;
  return { date, rule, explanation, recommended };
}

/** A date the clock always derives: its absence is a bug, not a state of a case. */
function derived(clock: Pick<Clock, 'dates'>, key: 'review_by' | 'latest_meeting'): DueDate {
  const due = clock.dates[key];
  if (!due) throw new Error(`the clock derived no ${key}`);
  return due;
}
