import type { DateKey } from './clock.ts';
import type { ReaderAction, StepOwner } from './reader-action.ts';
import type { Stage } from './review.ts';

/**
 * The words people see for each stage, in the tab and in cards alike (seed: "when a review is due you
 * will see it says 'review pending'", "you will see displayed 'awaiting local authority decision'";
 * the EHC Hub's stages: Arrange, Contribute views, Meeting, Report, Decision, Plan).
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
  transfer_meeting_by: 'review meeting for the phase transfer',
  recommended_review: 'recommended review',
};

/** "Review decision and review meeting": what is overdue, in the order the clock gives it. */
export function overdueWords(keys: readonly DateKey[]): string {
  const words = keys.map((key) => DATE_KEY_WORDS[key]);
  const text = words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Who owns a step, as it reads after "for": "Awaiting LA decision: for the LA". */
export const OWNER_WORDS: Readonly<Record<StepOwner, string>> = {
  setting: 'the SENCo',
  la: 'the LA',
  invitee: 'the invitee',
};

/**
 * The next action as the reader sees it, in the tab and on cards alike: their own step as it is
 * ("Submit the report"), someone else's with its owner ("Awaiting LA decision: for the LA").
 */
export function actionWords(action: Pick<ReaderAction, 'label' | 'by' | 'yours'>): string {
  return action.yours ? action.label : `${action.label}: for ${OWNER_WORDS[action.by]}`;
}
