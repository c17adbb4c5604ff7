import type { PlainDate } from '../../../bot/src/review/plain-date.ts';

/**
 * How the tab writes dates: "9 March 2026" (en-GB, GOV.UK style).
 *
 * @remarks A `PlainDate` is a calendar date with no zone; it is formatted as midnight UTC in UTC so
 * that the browser's own zone can never move it to the day before.
 */
const LONG = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatDate(date: PlainDate): string {
  return LONG.format(utcMidnight(date));
}

const RELATIVE = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const MS_PER_DAY = 86_400_000;

/**
 * "today", "in 5 days", "3 weeks ago": how far `date` is from `today`, the server's date in Europe/London.
 *
 * @remarks Days up to two weeks, then weeks up to two months, then months, rounded towards today so
 * that "in 2 weeks" is never said of a date 20 days away.
 */
export function relativeToToday(date: PlainDate, today: PlainDate): string {
  const days = daysFrom(today, date);
  const size = Math.abs(days);
  if (size < 14) return RELATIVE.format(days, 'day');
  if (size < 61) return RELATIVE.format(Math.trunc(days / 7), 'week');
  return RELATIVE.format(Math.trunc(days / 30.4375), 'month');
}

/** Calendar days from `from` to `to`: negative when `to` comes first. */
export function daysFrom(from: PlainDate, to: PlainDate): number {
  return Math.round((utcMidnight(to).getTime() - utcMidnight(from).getTime()) / MS_PER_DAY);
}

function utcMidnight(date: PlainDate): Date {
  return new Date(
    Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))),
  );
}
