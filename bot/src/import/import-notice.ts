import type { PlainDate } from '../review/plain-date.ts';
import type { CaseColumn } from './columns.ts';

/**
 * Something the officer should know about a case that was imported all the same: a value in the file
 * that the import did not take, and why.
 *
 * @remarks A notice is printed and may be kept in a pipeline's log, so it holds where the case is in
 * the file, the column and dates, and nothing about the child (not even the case id).
 */
export interface ImportNotice {
  readonly kind: 'decision-date-kept';
  /** Where the case is in the file: `row 7` (spreadsheet row) or `item 3` (JSON array position). */
  readonly where: string;
  readonly column: CaseColumn;
  /** The file's last review decision date, which was not taken. */
  readonly imported: PlainDate;
  /** The decision date of a review closed in the product, which stays (REVIEW_DUE runs from it). */
  readonly kept: PlainDate;
}

/**
 * One line for the officer, e.g. `row 7: last_review_decision_on 2025-05-01 ignored: a review of this
 * case was closed in EHC Review Hub with its decision notified on 2026-01-10, which is kept`.
 */
export function describeNotice(notice: ImportNotice): string {
  switch (notice.kind) {
    case 'decision-date-kept':
      return (
        `${notice.where}: ${notice.column} ${notice.imported} ignored: a review of this case was closed ` +
        `in EHC Review Hub with its decision notified on ${notice.kept}, which is kept`
      );
    default:
      return notice.kind satisfies never;
  }
}
