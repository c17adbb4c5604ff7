// The workflow's words live in the domain (bot/src/review/words.ts) so the tab and the cards agree.
export { actionWords, DATE_KEY_WORDS, overdueWords, STAGE_WORDS } from '../../../bot/src/review/words.ts';

import type { CaseDeadline } from '../../../bot/src/review/deadlines.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { Stage } from '../../../bot/src/review/review.ts';
import { STAGE_WORDS } from '../../../bot/src/review/words.ts';
import type { CaseSummary, NextAction } from '../api/types.ts';
import { formatDate, relativeToToday } from '../format/date.ts';

export function stageWords(stage: Stage): string {
  return STAGE_WORDS[stage];
}

/**
 * When the next action is due, naming the rule behind the date: "By 30 November 2026, in 7 days
 * (INVITE_NOTICE)", "Was due 5 October 2026, 7 weeks ago (REPORT_DUE)" once passed, and "Recommended
 * by ... (SUGGESTED_TIMELINE)" for a date from guidance or the recommended timeline, which is never
 * overdue in law.
 */
export function dueLine(
  action: Pick<NextAction, 'due' | 'recommended' | 'rule'>,
  today: PlainDate,
): string | undefined {
  const { due, recommended, rule } = action;
  if (!due) return undefined;
  const when = `${formatDate(due)}, ${relativeToToday(due, today)}${rule ? ` (${rule})` : ''}`;
  if (recommended) return `Recommended by ${when}`;
  return due < today ? `Was due ${when}` : `By ${when}`;
}

/** Under the case's deadline: how far it is and the rule that sets it, "in 3 weeks (PHASE_TRANSFER)". */
export function deadlineNote(deadline: Pick<CaseDeadline, 'date' | 'rule'>, today: PlainDate): string {
  return `${relativeToToday(deadline.date, today)} (${deadline.rule})`;
}

/** What the case's deadline is, to name its "why" button: "review-by date", "phase transfer date". */
export function deadlineWhat(deadline: Pick<CaseDeadline, 'key'>): string {
  return deadline.key === 'phase_transfer_by' ? 'phase transfer date' : 'review-by date';
}

/** "LA 999, case NS-1026": how a case is referred to, by its LA's code and the LA's case id. */
export function caseReference(summary: Pick<CaseSummary, 'laCode' | 'caseId'>): string {
  return `LA ${summary.laCode}, case ${summary.caseId}`;
}

/** The setting's name, or its URN when the server does not know the name. */
export function settingWords(summary: Pick<CaseSummary, 'settingName' | 'settingUrn'>): string {
  return summary.settingName ?? `URN ${summary.settingUrn}`;
}

/** PREPARING_FOR_ADULTHOOD (reg 20(6), CoP 9.184): "Preparing for adulthood required (Year 10)". */
export function pfaWords(ncYear: number): string {
  return `Preparing for adulthood required (Year ${ncYear})`;
}

/** What preparing for adulthood asks of the review, from Year 9 on. */
export const PFA_NOTE =
  'The review must consider employment, independent living, participation in society and health ' +
  '(rule PREPARING_FOR_ADULTHOOD).';
