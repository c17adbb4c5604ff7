// The workflow's words live in the domain (bot/src/review/words.ts) so the tab and the cards agree.
export { DATE_KEY_WORDS, overdueWords, STAGE_WORDS } from '../../../bot/src/review/words.ts';

import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { Stage } from '../../../bot/src/review/review.ts';
import { STAGE_WORDS } from '../../../bot/src/review/words.ts';
import type { CaseSummary, NextAction } from '../api/types.ts';
import { formatDate, relativeToToday } from '../format/date.ts';

export function stageWords(stage: Stage): string {
  return STAGE_WORDS[stage];
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
