import type { PlainDate } from '../review/plain-date.ts';
import type { CaseColumn } from './columns.ts';

/**
 * Something the officer should know about a case that was imported all the same: a value in the file
 * that the import did not take, and why.
 *
 * @remarks A notice is printed and may be kept in a pipeline's log, so it holds where the case is in
 * the file, the column and dates, and nothing about the child (not even the case id).
 */
export type ImportNotice = DecisionDateKept | AmendmentKept;

interface NoticeBase {
  /** Where the case is in the file: `row 7` (spreadsheet row) or `item 3` (JSON array position). */
  readonly where: string;
  readonly column: CaseColumn;
}

/** The file's last review decision date is older than a review closed in the product. */
export interface DecisionDateKept extends NoticeBase {
  readonly kind: 'decision-date-kept';
  /** The file's last review decision date, which was not taken. */
  readonly imported: PlainDate;
  /** The decision date of a review closed in the product, which stays (REVIEW_DUE runs from it). */
  readonly kept: PlainDate;
}

/** An amendment an earlier file brought in is no longer in this one: it stays, with its deadline. */
export interface AmendmentKept extends NoticeBase {
  readonly kind: 'amendment-kept';
  /** The day its proposed amendments were served (AMEND_FINAL counts from it). */
  readonly noticeOn: PlainDate;
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
    case 'amendment-kept':
      return (
        `${notice.where}: ${notice.column} is no longer given for the amendment served on ${notice.noticeOn}: ` +
        'it is kept in EHC Review Hub with its final plan deadline (AMEND_FINAL) until the file gives ' +
        'final_plan_issued_on or a later last_review_decision_on'
      );
    default: {
      const unknown: never = notice;
      throw new RangeError(`unknown import notice: ${JSON.stringify(unknown)}`);
    }
  }
}
