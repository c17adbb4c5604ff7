import * as z from 'zod';
import { LA_CODE_PATTERN, LA_CODE_RULE, TRANSFER_KINDS } from '../review/case.ts';
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

/**
 * A value in a message: text and numbers as they were written (the officer looks for them in the
 * file), anything else by its kind only, since it may be a child's name sent the wrong way.
 */
function show(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return JSON.stringify(value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'a list' : 'an object';
}

function textError(issue: { input?: unknown }): string {
  if (issue.input === undefined) return 'is required';
  return `must be text, not ${typeof issue.input === 'object' ? show(issue.input) : `a ${typeof issue.input}`}`;
}

const text = z.string({ error: textError });

function dateError(issue: { input?: unknown }): string {
  return issue.input === undefined
    ? 'is required'
    : `not a calendar date (expected YYYY-MM-DD): ${show(issue.input)}`;
}

const date = z
  .string({ error: dateError })
  .refine((value) => parsePlainDate(value) !== undefined, { error: dateError })
  .transform((value) => plainDate(value));

function ncYearError(issue: { input?: unknown }): string {
  return `not a National Curriculum year (expected a whole number from -2, nursery, to 14): ${show(issue.input)}`;
}

/** PREPARING_FOR_ADULTHOOD turns on it: -2 and -1 are the nursery years, 0 Reception, 14 the last post-16 year. */
const ncYear = z.int({ error: ncYearError }).min(-2, { error: ncYearError }).max(14, { error: ncYearError });

const laCode = text.refine((value) => LA_CODE_PATTERN.test(value), {
  error: (issue) => `${LA_CODE_RULE}: ${show(issue.input)}`,
});

const transferKind = z.enum(TRANSFER_KINDS, {
  error: (issue) =>
    `not a transfer kind (expected one of ${TRANSFER_KINDS.join(', ')}): ${show(issue.input)}`,
});

/**
 * The check of each column on its own; `validateCases` adds the rules that join columns.
 *
 * @remarks Values arrive as CSV text or as JSON values. Spaces around a value are trimmed, and an
 * empty value (or JSON `null`) counts as absent: a spreadsheet has no other way to leave a cell out.
 * Identifiers may be JSON numbers (a URN often is), and NC years may be JSON numbers or text.
 */
export const CASE_FIELDS = {
  case_id: z.preprocess(identifierInput, text),
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
} satisfies Record<CaseColumn, z.ZodType>;

/** A row's values, each column checked on its own. */
export type CaseFields = { -readonly [K in CaseColumn]: z.output<(typeof CASE_FIELDS)[K]> };
