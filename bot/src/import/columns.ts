/**
 * The columns of a case file (CSV header, or the keys of each JSON object), as the LA's export names them.
 *
 * @remarks Column names are matched exactly (after trimming spaces): a header that is not one of these
 * is an error rather than ignored, because a misspelt header would otherwise drop that column's data
 * without a word.
 */
export const CASE_COLUMNS = [
  'case_id',
  'la_code',
  'setting_urn',
  'child_name',
  'date_of_birth',
  'nc_year',
  'plan_issued_on',
  'last_review_decision_on',
  'transfer_kind',
  'transfer_on',
  'review_meeting_on',
  'amendment_notice_on',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly CaseColumn[] = [
  'case_id',
  'la_code',
  'setting_urn',
  'child_name',
  'date_of_birth',
  'plan_issued_on',
];

export function isCaseColumn(name: string): name is CaseColumn {
  return (CASE_COLUMNS as readonly string[]).includes(name);
}

/**
 * One case as read from a file, before validation.
 *
 * @remarks `where` is how a person finds the row again: `row 7` is the spreadsheet row (the header is
 * row 1), `item 3` the 1-based position in a JSON array. Values are as read: strings from a CSV, any
 * JSON value from a JSON file; validation decides what they mean.
 */
export interface RawCaseRow {
  readonly where: string;
  readonly values: Readonly<Partial<Record<CaseColumn, unknown>>>;
  /** Why the row could not be read into columns at all (then `values` is empty). */
  readonly unreadable?: string;
}

/** The columns, for a message that says what was expected. */
export function listColumns(): string {
  return CASE_COLUMNS.join(', ');
}
