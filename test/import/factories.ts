import { CASE_COLUMNS, type CaseColumn, type RawCaseRow } from '../../bot/src/import/columns.ts';
import { isReviewError, type Problem } from '../../bot/src/review/errors.ts';

/** The values of a valid row: a Year 9 child whose plan was made on 10 March 2024, no review yet. */
export function validValues(
  overrides: Partial<Record<CaseColumn, unknown>> = {},
): Record<CaseColumn, unknown> {
  return {
    case_id: 'CASE-0001',
    la_code: '860',
    setting_urn: '100001',
    child_name: 'Sam Fictional',
    date_of_birth: '2011-10-15',
    nc_year: '',
    plan_issued_on: '2024-03-10',
    last_review_decision_on: '',
    transfer_kind: '',
    transfer_on: '',
    review_meeting_on: '',
    amendment_notice_on: '',
    final_plan_issued_on: '',
    ...overrides,
  };
}

/** A row as a CSV reader gives it: `row 2` unless said otherwise. */
export function rawRow(overrides: Partial<Record<CaseColumn, unknown>> = {}, where = 'row 2'): RawCaseRow {
  return { where, values: validValues(overrides) };
}

/** `count` valid rows, case ids `CASE-0001`... on spreadsheet rows 2, 3, ... */
export function rawRows(
  count: number,
  overrides: (index: number) => Partial<Record<CaseColumn, unknown>> = () => ({}),
) {
  return Array.from({ length: count }, (_, index) =>
    rawRow({ case_id: caseId(index), ...overrides(index) }, `row ${index + 2}`),
  );
}

export function caseId(index: number): string {
  return `CASE-${String(index + 1).padStart(4, '0')}`;
}

/** CSV text with a header of `columns` and one line per row (fields quoted only when they must be). */
export function csvText(
  rows: readonly Partial<Record<string, unknown>>[],
  columns: readonly string[] = CASE_COLUMNS,
) {
  const quote = (value: unknown) => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  };
  return `${[columns.join(','), ...rows.map((row) => columns.map((column) => quote(row[column])).join(','))].join('\n')}\n`;
}

/** The problems a call reports through ReviewError IMPORT_INVALID (fails the test if it reports none). */
export function problemsOf(action: () => unknown): readonly Problem[] {
  try {
    action();
  } catch (error) {
    if (isReviewError(error) && error.code === 'IMPORT_INVALID') return error.problems;
    throw error;
  }
  throw new Error('expected IMPORT_INVALID, but nothing was reported');
}

export async function problemsOfAsync(action: () => Promise<unknown>): Promise<readonly Problem[]> {
  try {
    await action();
  } catch (error) {
    if (isReviewError(error) && error.code === 'IMPORT_INVALID') return error.problems;
    throw error;
  }
  throw new Error('expected IMPORT_INVALID, but nothing was reported');
}
