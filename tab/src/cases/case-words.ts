import type { DateKey } from '../../../bot/src/review/clock.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { Stage } from '../../../bot/src/review/review.ts';
import type { NextAction } from '../api/types.ts';
import { formatDate, relativeToToday } from '../format/date.ts';

/**
 * The words a SENCo sees for each stage (seed: "Within your live cases, when a review is due you will
 * see it says 'review pending'"; the EHC Hub's stages: Arrange, Contribute views, Meeting, Report,
 * Decision, Plan).
 */
export const STAGE_WORDS: Readonly<Record<Stage, string>> = {
  pending: 'Review pending',
  arranging: 'Arranging',
  contributing: 'Contributing views',
  meeting: 'Meeting',
  report: 'Report',
  submitted: 'Awaiting LA decision',
  decided: 'Decided',
  amending: 'Amending plan',
  closed: 'Closed',
  abandoned: 'Abandoned',
};

export function stageWords(stage: Stage): string {
  return STAGE_WORDS[stage];
}

/** The step each statutory date is for, as it reads after "Overdue:". */
export const DATE_KEY_WORDS: Readonly<Record<DateKey, string>> = {
  review_by: 'review decision',
  latest_meeting: 'review meeting',
  invite_by: 'invitations',
  advice_by: 'advice to invitees',
  report_by: 'report of the meeting',
  decision_by: 'LA decision',
  representations_end: 'representations',
  final_plan_by: 'final amended plan',
  phase_transfer_by: 'phase transfer',
  recommended_review: 'recommended review',
};

/** "Review decision and review meeting": what is overdue, in the order the clock gives it. */
export function overdueWords(keys: readonly DateKey[]): string {
  const words = keys.map((key) => DATE_KEY_WORDS[key]);
  const text = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * When the next action is due: "By 30 November 2026, in 7 days", "Was due 5 October 2026, 7 weeks
 * ago" once passed, and "Recommended by ..." for a date from guidance or the recommended timeline,
 * which is never overdue in law.
 */
export function dueLine(
  action: Pick<NextAction, 'due' | 'recommended'>,
  today: PlainDate,
): string | undefined {
  const { due, recommended } = action;
  if (!due) return undefined;
  const when = `${formatDate(due)}, ${relativeToToday(due, today)}`;
  if (recommended) return `Recommended by ${when}`;
  return due < today ? `Was due ${when}` : `By ${when}`;
}

/** The line under the next action: the LA when it is the LA's to do, and when it is due. */
export function nextActionNote(
  action: Pick<NextAction, 'by' | 'due' | 'recommended'>,
  today: PlainDate,
): string | undefined {
  const parts = [action.by === 'la' ? 'For the LA' : undefined, dueLine(action, today)].filter(Boolean);
  return parts.length > 0 ? parts.join('. ') : undefined;
}
