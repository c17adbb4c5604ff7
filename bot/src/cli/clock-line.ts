import { type Clock, DATE_KEYS, type DateKey } from '../review/clock.ts';
import type { RuleId } from '../review/rules.ts';

/** One line of `npm run clock`: a case's due dates, each with its rule, for an officer to check. */
export interface ClockLine {
  readonly case_id: string;
  readonly dates: Partial<Record<DateKey, { readonly date: string; readonly rule: RuleId }>>;
  readonly pfa_required: boolean;
  readonly overdue: readonly DateKey[];
}

/** The line for one case; dates in the clock's own order (DATE_KEYS), only those that apply. */
export function clockLine(caseId: string, clock: Clock): ClockLine {
  const dates: { [K in DateKey]?: { date: string; rule: RuleId } } = {};
  for (const key of DATE_KEYS) {
    const due = clock.dates[key];
    if (due) dates[key] = { date: due.date, rule: due.rule };
  }
  return { case_id: caseId, dates, pfa_required: clock.pfaRequired, overdue: clock.overdue };
}
