import type { Clock, DateKey, DueDate } from '../../../bot/src/review/clock.ts';
import type { PlainDate } from '../../../bot/src/review/plain-date.ts';
import type { RuleId } from '../../../bot/src/review/rules.ts';
import { daysFrom, formatDate, relativeToToday } from '../format/date.ts';
import { DATE_KEY_ORDER, dateKeyLabel } from './date-key-words.ts';

/**
 * How a statutory date stands today. Shown in words (a badge's text), never by colour alone.
 *
 * - `done`: its step has been done (on time or not).
 * - `overdue`: the clock says it passed with its step not done.
 * - `recommended`: guidance (UNDER_FIVE, CoP 9.178), never overdue in law.
 * - `due-soon`: still to come within {@link DUE_SOON_DAYS} days, today included.
 * - `none`: none of these.
 */
export type DateStatus = 'done' | 'overdue' | 'recommended' | 'due-soon' | 'none';

/**
 * The notice most steps get (INVITE_NOTICE, ADVICE_CIRCULATED): the list's "Due soon" window
 * (`DUE_SOON_DAYS` in bot/src/review/summary.ts, held equal by a test).
 */
export const DUE_SOON_DAYS = 14;

export const STATUS_WORDS: Readonly<Record<Exclude<DateStatus, 'none'>, string>> = {
  done: 'Done',
  overdue: 'Overdue',
  recommended: 'Recommended',
  'due-soon': 'Due soon',
};

/** One row of the "Statutory dates" table. */
export interface ClockRow {
  readonly key: DateKey;
  /** What the date is: "Latest meeting date". */
  readonly label: string;
  readonly date: PlainDate;
  /** "9 March 2026". */
  readonly formatted: string;
  /** "in 5 days", "3 weeks ago"; absent when the server's today is not known. */
  readonly relative?: string;
  readonly rule: RuleId;
  /** Why the date is what it is, in the clock's own words. */
  readonly explanation: string;
  readonly status: DateStatus;
}

/**
 * Every date the clock derived, in the clock's order, with how it stands on `today`.
 *
 * @remarks What is overdue is the clock's to say (`clock.overdue`, DESIGN.md section 3): the tab does
 * not decide it again. Without the server's today nothing can be "due soon" or "in 5 days", but the
 * dates, their rules and what the clock says is overdue still show.
 */
export function clockRows(clock: Pick<Clock, 'dates' | 'overdue'>, today?: PlainDate): ClockRow[] {
  return DATE_KEY_ORDER.flatMap((key) => {
    const due = clock.dates[key];
    if (!due) return [];
    return [
      {
        key,
        label: dateKeyLabel(key),
        date: due.date,
        formatted: formatDate(due.date),
        ...(today ? { relative: relativeToToday(due.date, today) } : {}),
        rule: due.rule,
        explanation: due.explanation,
        status: dateStatus(due, clock.overdue, today),
      },
    ];
  });
}

export function dateStatus(
  due: Pick<DueDate, 'key' | 'date' | 'done' | 'recommended'>,
  overdue: readonly DateKey[],
  today?: PlainDate,
): DateStatus {
  if (due.done) return 'done';
  if (overdue.includes(due.key)) return 'overdue';
  if (due.recommended) return 'recommended';
  if (today && isWithinDays(due.date, today, DUE_SOON_DAYS)) return 'due-soon';
  return 'none';
}

/** From `today` to `days` days after it, both included. */
function isWithinDays(date: PlainDate, today: PlainDate, days: number): boolean {
  const away = daysFrom(today, date);
  return away >= 0 && away <= days;
}
