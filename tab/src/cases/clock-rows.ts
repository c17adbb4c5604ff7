import { type Clock, DATE_KEYS, type DateKey, type DueDate } from '../../../bot/src/review/clock.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import { RULES, type RuleId } from '../../../bot/src/review/rules.ts';
import { DUE_SOON_DAYS } from '../../../bot/src/review/summary.ts';
import { daysFrom, formatDate, relativeToToday } from '../format/date.ts';
import { dateKeyLabel } from './date-key-words.ts';

/**
 * How a statutory date stands today. Shown in words (a badge's text), never by colour alone.
 *
 * - `done`: its step has been done (on time or not).
 * - `overdue`: the clock says it passed with its step not done.
 * - `recommended`: guidance (UNDER_FIVE, CoP 9.178), never overdue in law.
 * - `due-soon`: still to come within {@link DUE_SOON_DAYS} days, today included: the live cases
 *   list's "Due soon" window, the notice most steps get (INVITE_NOTICE, ADVICE_CIRCULATED).
 * - `none`: none of these.
 */
export type DateStatus = 'done' | 'overdue' | 'recommended' | 'due-soon' | 'none';

export const STATUS_WORDS: Readonly<Record<Exclude<DateStatus, 'none'>, string>> = {
  done: 'Done',
  overdue: 'Overdue',
  recommended: 'Recommended',
  'due-soon': 'Due soon',
};

/** The rule behind a date, as the catalogue names it (bot/src/review/rules.ts). */
export interface RuleRef {
  readonly id: RuleId;
  /** "Review decision". */
  readonly title: string;
  /** Where the law or guidance says it: "SEND Regs 2014 reg 20(10)-(11); CoP 9.176". */
  readonly source: string;
}

/** One row of the "Statutory dates" table. */
export interface ClockRow {
  readonly key: DateKey;
  /** What the date is: "Latest meeting date". */
  readonly label: string;
  readonly date: PlainDate;
  /** "9 March 2026". */
  readonly formatted: string;
  /** "in 5 days", "3 weeks ago": from the server's today. */
  readonly relative: string;
  readonly rule: RuleRef;
  /** Why the date is what it is, in the clock's own words. */
  readonly explanation: string;
  readonly status: DateStatus;
}

/**
 * Every date the clock derived, in the clock's order (`DATE_KEYS`), with how it stands on `today`.
 *
 * @remarks What is overdue is the clock's to say (`clock.overdue`, DESIGN.md section 3): the tab does
 * not decide it again.
 */
export function clockRows(clock: Pick<Clock, 'dates' | 'overdue'>, today: PlainDate): ClockRow[] {
  return DATE_KEYS.flatMap((key) => {
    const due = clock.dates[key];
    if (!due) return [];
    return [
      {
        key,
        label: dateKeyLabel(key),
        date: due.date,
        formatted: formatDate(due.date),
        relative: relativeToToday(due.date, today),
        rule: ruleRef(due.rule),
        explanation: due.explanation,
        status: dateStatus(due, clock.overdue, today),
      },
    ];
  });
}

function ruleRef(id: RuleId): RuleRef {
  const { title, source } = RULES[id];
  return { id, title, source };
}

export function dateStatus(
  due: Pick<DueDate, 'key' | 'date' | 'done' | 'recommended'>,
  overdue: readonly DateKey[],
  today: PlainDate,
): DateStatus {
  if (due.done) return 'done';
  if (overdue.includes(due.key)) return 'overdue';
  if (due.recommended) return 'recommended';
  if (isWithinDays(due.date, today, DUE_SOON_DAYS)) return 'due-soon';
  return 'none';
}

/** From `today` to `days` days after it, both included. */
function isWithinDays(date: PlainDate, today: PlainDate, days: number): boolean {
  const away = daysFrom(today, date);
  return away >= 0 && away <= days;
}
