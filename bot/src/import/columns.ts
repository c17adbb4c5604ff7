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
  'final_plan_issued_on',
] as const;
export type CaseColumn = (typeof CASE_COLUMNS)[number];

/**
 * The columns a CSV header must have. Besides the case's identity, the optional facts a re-import can
 * take away: a blank cell says "none" (no previous review, no recorded NC year, no transfer), but a
 * missing column would say nothing, and reading it as "none" would silently move review-by dates
 * (REVIEW_DUE) or drop a phase transfer deadline (PHASE_TRANSFER) for every case in the file. The
 * columns of a review in progress may be left out: an import never removes a review.
 */
export const REQUIRED_COLUMNS: readonly CaseColumn[] = [
  'case_id',
  'la_code',
  'setting_urn',
  'child_name',
  'date_of_birth',
  'plan_issued_on',
  'nc_year',
  'last_review_decision_on',
  'transfer_kind',
  'transfer_on',
];

/** Required columns whose cells may be blank. */
export const OPTIONAL_VALUES: readonly CaseColumn[] = [
  'nc_year',
  'last_review_decision_on',
  'transfer_kind',
  'transfer_on',
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
