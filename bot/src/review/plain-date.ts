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
  const mm = TWO_DIGITS[month];
  const dd = TWO_DIGITS[day];
  // From 1000 on, any number's year is 4 characters or more, so padding it adds nothing (NaN is padded).
  if (mm === undefined || dd === undefined || !(year >= 1000)) {
    return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as PlainDate;
  }
  return `${year}-${mm}-${dd}` as PlainDate;
}

export function parts(date: PlainDate): { year: number; month: number; day: number } {
  if (date.length !== 10) {
    return {
      year: Number(date.slice(0, 4)),
      month: Number(date.slice(5, 7)),
      day: Number(date.slice(8, 10)),
    };
  }
  return { year: yearOf(date), month: monthOf(date), day: dayOf(date) };
}

/*
 * The statutory clock runs over every plan in a list and every plan in England (docs/PERFORMANCE.md,
 * P2), so the date arithmetic below reads the digits and counts days with integers (Howard Hinnant's
 * days_from_civil and civil_from_days, exact for the proleptic Gregorian calendar) instead of slicing
 * strings and building Date objects. The results are the same as the plain versions for every date
 * (test/review/plain-date.properties.test.ts compares them); anything not shaped like a date takes the
 * plain versions, so it is also treated the same.
 */

function yearOf(date: string): number {
  return (
    (date.charCodeAt(0) - 48) * 1000 +
    (date.charCodeAt(1) - 48) * 100 +
    (date.charCodeAt(2) - 48) * 10 +
    (date.charCodeAt(3) - 48)
  );
}

function monthOf(date: string): number {
  return (date.charCodeAt(5) - 48) * 10 + (date.charCodeAt(6) - 48);
}

function dayOf(date: string): number {
  return (date.charCodeAt(8) - 48) * 10 + (date.charCodeAt(9) - 48);
}

/** "00" to "99". */
// Stryker disable next-line ObjectLiteral,ArrowFunction: without the table every date takes the padded way, which writes it the same
const TWO_DIGITS: readonly string[] = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

/** Days from 1970-01-01 to a real date `year-month-day` (month 1-12). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * DAYS_PER_400_YEARS + doe - 719_468;
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
  // Stryker disable next-line ConditionalExpression,BlockStatement: the Date.UTC version below counts the same days; this is its fast path
  if (date.length === 10) {
    const month = monthOf(date);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: as above, a month out of range only takes the slower way
    if (month >= 1 && month <= 12) return daysFromCivil(yearOf(date), month, dayOf(date));
  }
  const { year, month, day } = parts(date);
  return Date.UTC(year + 400, month - 1, day) / MS_PER_DAY - DAYS_PER_400_YEARS;
}

export function fromEpochDay(epochDay: number): PlainDate {
  // Stryker disable next-line ArithmeticOperator: any one-to-one slot of the day caches the same dates
  const slot = epochDay - CACHED_FROM;
  // Stryker disable next-line all: the cache's bounds decide only which dates are kept, never what a date is
  if (slot >= 0 && slot < CACHED_DAYS && Number.isInteger(slot)) {
    const cached = DATES[slot];
    if (cached !== undefined) return cached;
    const date = dateOfEpochDay(epochDay);
    DATES[slot] = date;
    return date;
  }
  return dateOfEpochDay(epochDay);
}

/**
 * The dates of 1900-2199 as they are made, each made once: the clock makes a dozen dates per plan, and
 * handing back the same string spares the allocation and the garbage (at most 110,000 short strings).
 *
 * @remarks The bounds are written as numbers (the epoch days of 1 January 1900 and 1 January 2200)
 * rather than computed when the module loads, so no date arithmetic runs at load: a mutation run then
 * tests each change to it against the tests that reach it, not against every test.
 */
// Stryker disable next-line UnaryOperator: another first day caches other dates, each the same
const CACHED_FROM = -25_567;
// Stryker disable next-line ArithmeticOperator: a longer cache keeps more of the same dates
const CACHED_DAYS = 84_006 - CACHED_FROM;
// Stryker disable next-line ArrayDeclaration: an array grows as it is written, so its first length changes only memory
const DATES: (PlainDate | undefined)[] = new Array(CACHED_DAYS);

function dateOfEpochDay(epochDay: number): PlainDate {
  if (Number.isInteger(epochDay) && Math.abs(epochDay) <= 100_000_000) {
    // civil_from_days
    const z = epochDay + 719_468;
    const era = Math.floor(z / DAYS_PER_400_YEARS);
    const doe = z - era * DAYS_PER_400_YEARS;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const month = mp < 10 ? mp + 3 : mp - 9;
    return fromParts(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
  }
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
  const cached = LONG.get(date);
  if (cached !== undefined) return cached;
  const { year, month, day } = parts(date);
  const text = `${day} ${MONTH_NAMES[month - 1]} ${year}`;
  // Every explanation of the clock names a date this way; a bounded cache, cleared when full.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is cleared changes only memory
  if (LONG.size >= 200_000) LONG.clear();
  LONG.set(date, text);
  return text;
}

const LONG = new Map<string, string>();

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
