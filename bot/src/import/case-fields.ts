import * as z from 'zod';
import {
  CASE_ID_PATTERN,
  CASE_ID_RULE,
  LA_CODE_PATTERN,
  LA_CODE_RULE,
  TRANSFER_KINDS,
} from '../review/case.ts';
import { parsePlainDate, plainDate } from '../review/plain-date.ts';
import type { CaseColumn } from './columns.ts';

function blankAsAbsent(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value !== 'string') return value;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function identifierInput(value: unknown): unknown {
  return typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : blankAsAbsent(value);
}

const NC_YEAR_TEXT = /^[+-]?\d{1,3}$/;

function ncYearInput(value: unknown): unknown {
  const input = blankAsAbsent(value);
  return typeof input === 'string' && NC_YEAR_TEXT.test(input) ? Number(input) : input;
}

/** The longest value a message repeats: enough for a date, a year or a code, too short for most names. */
export const ECHO_LIMIT = 20;

/** What a column holds, for `show`: a date, or a number or code (LA code, case id, NC year, kind). */
type Shape = 'date' | 'code';

/**
 * A bad value as a message shows it.
 *
 * @remarks The officer finds the cell faster by its value, but the message can land in a pipeline's log,
 * and a file whose columns are off by one puts a child's name where a date should be. So a value is
 * repeated only from the columns of dates, numbers and codes (never from `child_name` or
 * `setting_urn`), only when it has at most `ECHO_LIMIT` characters, and only when it has a shape such a
 * value can have: in a date column no run of two or more letters (a name always has one; `T` and `Z`
 * of an ISO date-time are single), in a code column no space (a name with a surname has one).
 * Otherwise the message says what kind of value it was, and how long, never what it was.
 */
function show(value: unknown, shape: Shape): string {
  if (typeof value === 'number') {
    const written = JSON.stringify(value);
    return written.length <= ECHO_LIMIT ? written : `a number of ${written.length} characters (not repeated)`;
  }
  if (typeof value !== 'string') return kindOf(value);
  const fits = shape === 'date' ? !/\p{L}{2}/u.test(value) : !/\s/.test(value);
  return value.length <= ECHO_LIMIT && fits
    ? JSON.stringify(value)
    : `a text of ${value.length} characters (not repeated: it may be personal data)`;
}

/** A JSON value by its kind only: `an object`, `a list`, `null`, `a boolean`. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function textError(issue: { input?: unknown }): string {
  return issue.input === undefined ? 'is required' : `must be text, not ${kindOf(issue.input)}`;
}

const text = z.string({ error: textError });

function dateError(issue: { input?: unknown }): string {
  return issue.input === undefined
    ? 'is required'
    : `not a calendar date (expected YYYY-MM-DD): ${show(issue.input, 'date')}`;
}

const date = z
  .string({ error: dateError })
  .refine((value) => parsePlainDate(value) !== undefined, { error: dateError })
  .transform((value) => plainDate(value));

function ncYearError(issue: { input?: unknown }): string {
  return `not a National Curriculum year (expected a whole number from -2, nursery, to 14): ${show(issue.input, 'code')}`;
}

/** PREPARING_FOR_ADULTHOOD turns on it: -2 and -1 are the nursery years, 0 Reception, 14 the last post-16 year. */
const ncYear = z.int({ error: ncYearError }).min(-2, { error: ncYearError }).max(14, { error: ncYearError });

const laCode = text.refine((value) => LA_CODE_PATTERN.test(value), {
  error: (issue) => `${LA_CODE_RULE}: ${show(issue.input, 'code')}`,
});

/** The rule the API checks too: an id the import took must open the case in the tab. */
const caseId = text.refine((value) => CASE_ID_PATTERN.test(value), {
  error: (issue) => `${CASE_ID_RULE}: ${show(issue.input, 'code')}`,
});

const transferKind = z.enum(TRANSFER_KINDS, {
  error: (issue) =>
    `not a transfer kind (expected one of ${TRANSFER_KINDS.join(', ')}): ${show(issue.input, 'code')}`,
});

/**
 * The check of each column on its own; `validateCases` adds the rules that join columns.
 *
 * @remarks Values arrive as CSV text or as JSON values. Spaces around a value are trimmed, and an
 * empty value (or JSON `null`) counts as absent: a spreadsheet has no other way to leave a cell out.
 * Identifiers may be JSON numbers (a URN often is), and NC years may be JSON numbers or text.
 */
export const CASE_FIELDS = {
  case_id: z.preprocess(identifierInput, caseId),
  la_code: z.preprocess(identifierInput, laCode),
  setting_urn: z.preprocess(identifierInput, text),
  child_name: z.preprocess(blankAsAbsent, text),
  date_of_birth: z.preprocess(blankAsAbsent, date),
  nc_year: z.preprocess(ncYearInput, ncYear.optional()),
  plan_issued_on: z.preprocess(blankAsAbsent, date),
  last_review_decision_on: z.preprocess(blankAsAbsent, date.optional()),
  transfer_kind: z.preprocess(blankAsAbsent, transferKind.optional()),
  transfer_on: z.preprocess(blankAsAbsent, date.optional()),
  review_meeting_on: z.preprocess(blankAsAbsent, date.optional()),
  amendment_notice_on: z.preprocess(blankAsAbsent, date.optional()),
  final_plan_issued_on: z.preprocess(blankAsAbsent, date.optional()),
} satisfies Record<CaseColumn, z.ZodType>;

/** A row's values, each column checked on its own. */
export type CaseFields = { -readonly [K in CaseColumn]: z.output<(typeof CASE_FIELDS)[K]> };
