import type { CaseFile } from './case-file.ts';
import type { Clock, DueDate } from './clock.ts';
import { latestSensibleMeeting } from './deadlines.ts';
import { gateProblems } from './gates.ts';
import { addDays, isAfter, type PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';
import type { Review } from './review.ts';
import type { RuleId } from './rules.ts';

/**
 * What must be done next on a case, by whom, and by when.
 *
 * @remarks Derived from the stage and the statutory clock, never kept by hand (DESIGN.md section 3),
 * so that "what do I do next?" and "by when?" can never disagree with the clock.
 */
export interface NextAction {
  /** In the workflow's words: "Send the invitations", "Submit the report". */
  readonly label: string;
  /** Who acts: the setting (its SENCo) or the LA (its case coordinator). */
  readonly by: 'setting' | 'la';
  /** The last day to do it; absent when nothing dates it (e.g. closing a maintained plan). */
  readonly due?: PlainDate;
  /** The rule behind `due`. */
  readonly rule?: RuleId;
  /**
   * `due` follows the recommended working timeline or guidance (UNDER_FIVE), not the law: a day past
   * it is late, never overdue in law.
   */
  readonly recommended?: boolean;
}

/**
 * Weeks from setting the date to the meeting in the recommended working timeline (SUGGESTED_TIMELINE:
 * "Week 1 – Set the date of the annual review ... Week 8 – Annual Review meeting").
 */
export const TIMELINE_START_TO_MEETING_WEEKS = 7;

/**
 * The next action on `file` given its `clock` (from `clockFor` on the same day and policy).
 *
 * @remarks One rule per stage (DESIGN.md section 2):
 * - pending: start the review, 7 weeks before the latest sensible meeting date (SUGGESTED_TIMELINE,
 *   recommended);
 * - arranging: send the invitations by `invite_by`; with no meeting set, or one too soon to give the
 *   notice, set a date whose invitations can still go out 2 weeks before the latest meeting date;
 * - contributing: collect the advice, or once every request is answered, circulate it and progress to
 *   the meeting, by `advice_by`;
 * - meeting: hold the meeting on its day; once it has been held, take the register (the report is then
 *   due by `report_by`);
 * - report: submit the report by `report_by`;
 * - submitted: the LA decides by `decision_by`;
 * - decided: on amend, serve the proposed amendments with the decision (AMEND_PROPOSAL), then issue the
 *   final plan by `final_plan_by`; on maintain or cease, close the review;
 * - amending: issue the final plan by `final_plan_by`, or by the phase transfer date when earlier.
 *
 * "The latest meeting date" is {@link latestSensibleMeeting} (deadlines.ts).
 */
export function nextAction(file: CaseFile, clock: Clock, today: PlainDate, policy: LaPolicy): NextAction {
  const review = file.review;
  if (!review) return startTheReview(clock, today, policy);
  switch (review.stage) {
    case 'pending':
      return startTheReview(clock, today, policy);
    case 'arranging':
      return arrange(review, clock, today, policy);
    case 'contributing': {
      const ready = gateProblems(file, 'meeting', today, policy).length === 0;
      const label = ready ? 'Circulate the advice and progress to the meeting' : 'Collect the advice';
      return dated(label, 'setting', clock.dates.advice_by);
    }
    case 'meeting':
      if (review.meeting && isAfter(review.meeting.on, today)) {
        return { label: 'Hold the meeting', by: 'setting', due: review.meeting.on };
      }
      return dated('Take the register', 'setting', clock.dates.report_by);
    case 'report':
      return dated('Submit the report', 'setting', clock.dates.report_by);
    case 'submitted':
      return dated('Awaiting LA decision', 'la', clock.dates.decision_by);
    case 'decided':
      if (review.decision?.outcome !== 'amend') return { label: 'Close the review', by: 'la' };
      if (!review.amendment) {
        const decisionBy = clock.dates.decision_by;
        return {
          label: 'Serve the proposed amendments',
          by: 'la',
          ...(decisionBy ? { due: decisionBy.date, rule: 'AMEND_PROPOSAL' as const } : {}),
        };
      }
      return issueTheFinalPlan(clock);
    case 'amending':
      return issueTheFinalPlan(clock);
    case 'closed':
    case 'abandoned':
      return { label: 'Nothing to do', by: 'setting' };
    default: {
      const unknown: never = review.stage;
      throw new RangeError(`unknown stage: ${String(unknown)}`);
    }
  }
}

/** SUGGESTED_TIMELINE: set the date in week 1 for a meeting in week 8, the latest sensible one. */
function startTheReview(clock: Clock, today: PlainDate, policy: LaPolicy): NextAction {
  const latest = latestSensibleMeeting(clock, today, policy);
  return {
    label: 'Start the review',
    by: 'setting',
    due: addDays(latest.date, -7 * TIMELINE_START_TO_MEETING_WEEKS),
    rule: 'SUGGESTED_TIMELINE',
    recommended: true,
  };
}

function arrange(review: Review, clock: Clock, today: PlainDate, policy: LaPolicy): NextAction {
  const inviteBy = clock.dates.invite_by;
  if (review.meeting && inviteBy && !isAfter(today, inviteBy.date)) {
    return dated('Send the invitations', 'setting', inviteBy);
  }
  // No date yet, or too late to give the notice for the one set (the gate refuses it): a date is
  // needed whose invitations can still go out in time for the latest meeting date.
  const label = review.meeting ? 'Choose a later meeting date' : 'Set the meeting date';
  const latest = latestSensibleMeeting(clock, today, policy);
  return {
    label,
    by: 'setting',
    due: addDays(latest.date, -7 * policy.inviteNoticeWeeks),
    rule: latest.recommended ? latest.rule : 'INVITE_NOTICE',
    ...(latest.recommended ? { recommended: true } : {}),
  };
}

/** AMEND_FINAL, unless a phase transfer needs the amended plan earlier (PHASE_TRANSFER). */
function issueTheFinalPlan(clock: Clock): NextAction {
  const { final_plan_by, phase_transfer_by } = clock.dates;
  const transferFirst =
    phase_transfer_by !== undefined &&
    !phase_transfer_by.done &&
    (final_plan_by === undefined || phase_transfer_by.date < final_plan_by.date);
  return dated('Issue the final plan', 'la', transferFirst ? phase_transfer_by : final_plan_by);
}

function dated(label: string, by: NextAction['by'], due: DueDate | undefined): NextAction {
  return due ? { label, by, due: due.date, rule: due.rule } : { label, by };
}
