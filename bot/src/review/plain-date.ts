/**
 * A calendar date with no time and no zone, written `YYYY-MM-DD`.
 *
 * @remarks Every statutory period is counted in calendar days, weeks and months in Europe/London
 * (docs/statutory-rules.md, "Counting"); no rule depends on a time of day, so the domain never holds an
 * instant. The brand keeps an unchecked string from standing in for a checked date.
 */
export type PlainDate = string & { readonly __brand: 'PlainDate' };

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const DAYS_PER_400_YEARS = 146_097;

/** The date if `text` is a real calendar date written `YYYY-MM-DD`, otherwise `undefined`. */
export function parsePlainDate(text: string): PlainDate | undefined {
  const match = DATE_SHAPE.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return text as PlainDate;
}

/** Like {@link parsePlainDate}, for dates the code itself writes; throws on a malformed one. */
export function plainDate(text: string): PlainDate {
  const date = parsePlainDate(text);
  if (!date) throw new RangeError(`not a calendar date: ${JSON.stringify(text)}`);
  return date;
}

export function fromParts(year: number, month: number, day: number): PlainDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as PlainDate;
}

export function parts(date: PlainDate): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Days since 1970-01-01; dates before it are negative.
 *
 * @remarks `Date.UTC` reads years 0-99 as 1900-1999. The Gregorian calendar repeats every 400 years,
 * which are exactly 146,097 days, so the count is taken 400 years later and the cycle taken off.
 */
export function toEpochDay(date: PlainDate): number {
  const { year, month, day } = parts(date);
  return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
}

export function fromEpochDay(epochDay: number): PlainDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(date: PlainDate, days: number): PlainDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: PlainDate, to: PlainDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The same day of the month `months` months later (earlier when negative); where that month has no
 * such day (29-31), its last day.
 */
export function addMonthsClamped(date: PlainDate, months: number): PlainDate {
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/**
 * The last day of "a period of N months starting with" `start`.
 *
 * @remarks docs/statutory-rules.md, "Counting": the period ends on the day before the date N months after
 * the start; where that later month has no such day (29-31), it ends on that month's last day.
 * So 1 Mar 2023 + 12 months ends 29 Feb 2024 and 31 Jan 2025 + 1 month ends 28 Feb 2025: the clamp
 * applies when the day does not exist, and then the last day itself ends the period.
 */
export function periodEnd(start: PlainDate, months: number): PlainDate {
  const { year, month, day } = parts(start);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const last = daysInMonth(targetYear, targetMonth);
  if (day > last) return fromParts(targetYear, targetMonth, last);
  return addDays(fromParts(targetYear, targetMonth, day), -1);
}

/** "N days beginning with the day D": D is day 1. */
export function lastDayOfDaysBeginningWith(start: PlainDate, days: number): PlainDate {
  return addDays(start, days - 1);
}

export function compareDates(a: PlainDate, b: PlainDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: PlainDate, b: PlainDate): boolean {
  return a < b;
}

export function isAfter(a: PlainDate, b: PlainDate): boolean {
  return a > b;
}

export function minDate(a: PlainDate, b: PlainDate): PlainDate {
  return a <= b ? a : b;
}

/**
 * The calendar date in Europe/London at `instant`.
 *
 * @remarks The only place an instant becomes a date: adapters call it once per request or job with
 * the clock they were given, and pass the date in.
 */
export function londonDate(instant: Date): PlainDate {
  const text = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant);
  return plainDate(text);
}

/** "15 February 2027": how dates are shown to people (GOV.UK style). */
export function formatLong(date: PlainDate): string {
  const { year, month, day } = parts(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
