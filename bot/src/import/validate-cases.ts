import { caseKey } from '../review/case.ts';
import { type Problem, ReviewError } from '../review/errors.ts';
import type { ImportedCase } from '../review/imported-case.ts';
import { isAfter, isBefore, type PlainDate } from '../review/plain-date.ts';
import { CASE_FIELDS, type CaseFields } from './case-fields.ts';
import { CASE_COLUMNS, type CaseColumn, type RawCaseRow } from './columns.ts';

/**
 * The rows of a file as cases, or a ReviewError IMPORT_INVALID listing every problem in every row.
 *
 * @remarks All of it or none of it: one bad row stops the whole file, so an LA never has half an
 * export in the product and the rest nowhere. Every problem is collected, not only the first, so the
 * officer can mend the file in one pass. `today` is needed because some dates record what has
 * happened (the plan was issued, a decision notified, amendments served) and cannot be in the future.
 */
export function validateCases(rows: readonly RawCaseRow[], today: PlainDate): ImportedCase[] {
  const problems: Problem[] = [];
  const cases: ImportedCase[] = [];
  const firstRowOf = new Map<string, string>();
  for (const row of rows) {
    const checked = checkRow(row, today);
    const { case_id: caseId, la_code: laCode } = checked.fields;
    if (caseId !== undefined && laCode !== undefined) {
      const key = caseKey({ laCode, caseId });
      const earlier = firstRowOf.get(key);
      if (earlier) {
        checked.problems.push({
          where: `${row.where}, case_id`,
          message: `repeats case ${caseId} of LA ${laCode} from ${earlier}`,
        });
      } else {
        firstRowOf.set(key, row.where);
      }
    }
    if (checked.problems.length > 0) problems.push(...checked.problems);
    else cases.push(toImportedCase(checked.fields as CaseFields));
  }
  if (problems.length > 0) throw new ReviewError('IMPORT_INVALID', problems);
  return cases;
}

function checkRow(row: RawCaseRow, today: PlainDate): { fields: Partial<CaseFields>; problems: Problem[] } {
  if (row.unreadable) return { fields: {}, problems: [{ where: row.where, message: row.unreadable }] };
  const fields: Partial<Record<CaseColumn, unknown>> = {};
  const problems: Problem[] = [];
  const failed = new Set<CaseColumn>();
  for (const column of CASE_COLUMNS) {
    const result = CASE_FIELDS[column].safeParse(row.values[column]);
    if (result.success) {
      fields[column] = result.data;
      continue;
    }
    failed.add(column);
    for (const issue of result.error.issues)
      problems.push({ where: `${row.where}, ${column}`, message: issue.message });
  }
  for (const { column, message } of crossFieldProblems(fields as Partial<CaseFields>, failed, today)) {
    problems.push({ where: `${row.where}, ${column}`, message });
  }
  return { fields: fields as Partial<CaseFields>, problems };
}

interface FieldProblem {
  readonly column: CaseColumn;
  readonly message: string;
}

/**
 * How a rule that joins columns names the other one: by its name, never its value.
 *
 * @remarks Messages can end up in a pipeline's log, and the other column may be the date of birth; the
 * officer finds the value in the row the message names.
 */
const SAME_ROW = 'in the same row';

/** The rules that join columns; each looks only at columns that were valid on their own. */
function crossFieldProblems(
  fields: Partial<CaseFields>,
  failed: ReadonlySet<CaseColumn>,
  today: PlainDate,
): FieldProblem[] {
  const found: FieldProblem[] = [];
  const dob = fields.date_of_birth;
  const issued = fields.plan_issued_on;
  const lastDecision = fields.last_review_decision_on;
  const meeting = fields.review_meeting_on;
  const notice = fields.amendment_notice_on;

  // PHASE_TRANSFER needs both the kind of move (which deadline) and its date (which year).
  if (fields.transfer_kind && !fields.transfer_on && !failed.has('transfer_on')) {
    found.push({ column: 'transfer_on', message: 'is required when transfer_kind is given' });
  }
  if (fields.transfer_on && !fields.transfer_kind && !failed.has('transfer_kind')) {
    found.push({ column: 'transfer_kind', message: 'is required when transfer_on is given' });
  }
  if (dob && issued && !isBefore(dob, issued)) {
    found.push({ column: 'plan_issued_on', message: `must be after date_of_birth ${SAME_ROW}` });
  }
  if (issued && lastDecision && isBefore(lastDecision, issued)) {
    found.push({
      column: 'last_review_decision_on',
      message: `must not be before plan_issued_on ${SAME_ROW}`,
    });
  }
  if (notice) found.push(...amendmentProblems(fields, failed));
  else if (meeting) {
    // A review not yet decided follows the last one: a meeting before that decision is the old review's.
    const after = lastDecision ? 'last_review_decision_on' : 'plan_issued_on';
    const previous = lastDecision ?? issued;
    if (previous && !isAfter(meeting, previous)) {
      found.push({
        column: 'review_meeting_on',
        message: `for a review not yet decided, must be after ${after} ${SAME_ROW}`,
      });
    }
  }
  if (fields.final_plan_issued_on && !notice && !failed.has('amendment_notice_on')) {
    found.push({ column: 'amendment_notice_on', message: 'is required when final_plan_issued_on is given' });
  }
  const happenedColumns = [
    'plan_issued_on',
    'last_review_decision_on',
    'amendment_notice_on',
    'final_plan_issued_on',
  ] as const;
  for (const column of happenedColumns) {
    const happened = fields[column];
    if (happened && isAfter(happened, today)) {
      found.push({
        column,
        message: `must not be after today (${today}): it records something that has happened`,
      });
    }
  }
  return found;
}

/**
 * A plan under amendment, as the LA's SEN2 data records it (docs/statutory-rules.md, "What the import's
 * dates mean"): `last_review_decision_on` is the decision to amend, and the proposed amendments are
 * served with it (reg 22; Devon [2022]: the lawful norm, the same day) or later, never before. The
 * meeting is the one of the review decided to amend, so on or before that decision; the final plan
 * comes after the proposal.
 */
function amendmentProblems(fields: Partial<CaseFields>, failed: ReadonlySet<CaseColumn>): FieldProblem[] {
  const found: FieldProblem[] = [];
  const { last_review_decision_on: decided, review_meeting_on: meeting } = fields;
  const { amendment_notice_on: notice, final_plan_issued_on: final } = fields;
  if (!decided && !failed.has('last_review_decision_on')) {
    found.push({
      column: 'last_review_decision_on',
      message: 'is required when amendment_notice_on is given: the day the LA notified its decision to amend',
    });
  }
  if (decided && notice && isBefore(notice, decided)) {
    found.push({
      column: 'amendment_notice_on',
      message: `must not be before last_review_decision_on ${SAME_ROW}: the proposed amendments are served with the decision to amend, or later`,
    });
  }
  if (decided && meeting && isAfter(meeting, decided)) {
    found.push({
      column: 'review_meeting_on',
      message: `for a plan under amendment, must not be after last_review_decision_on ${SAME_ROW}: it is the meeting of the review decided to amend`,
    });
  }
  if (notice && final && isBefore(final, notice)) {
    found.push({
      column: 'final_plan_issued_on',
      message: `must not be before amendment_notice_on ${SAME_ROW}`,
    });
  }
  return found;
}

function toImportedCase(fields: CaseFields): ImportedCase {
  return {
    caseId: fields.case_id,
    laCode: fields.la_code,
    settingUrn: fields.setting_urn,
    childName: fields.child_name,
    dateOfBirth: fields.date_of_birth,
    ...(fields.nc_year === undefined ? {} : { ncYear: fields.nc_year }),
    planIssuedOn: fields.plan_issued_on,
    ...(fields.last_review_decision_on ? { lastReviewDecisionOn: fields.last_review_decision_on } : {}),
    ...(fields.transfer_kind && fields.transfer_on
      ? { phaseTransfer: { kind: fields.transfer_kind, on: fields.transfer_on } }
      : {}),
    ...(fields.review_meeting_on ? { reviewMeetingOn: fields.review_meeting_on } : {}),
    ...(fields.amendment_notice_on ? { amendmentNoticeOn: fields.amendment_notice_on } : {}),
    ...(fields.final_plan_issued_on ? { finalPlanIssuedOn: fields.final_plan_issued_on } : {}),
  };
}
