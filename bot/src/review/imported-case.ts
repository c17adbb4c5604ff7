import type { CaseRef, EhcCase, PhaseTransfer } from './case.ts';
import type { CaseFile } from './case-file.ts';
import { academicYearStart } from './nc-year.ts';
import { isAfter, isBefore, type PlainDate } from './plain-date.ts';
import type { Review, Stage } from './review.ts';

/**
 * One case as an LA's export describes it, checked and typed (the import validates the file into these).
 *
 * @remarks The export holds only what the LA's case management system knows: the child, the plan's
 * dates, a planned phase transfer and, for a review already under way, its meeting date and the date
 * proposed amendments were served. Outcomes, people and views are entered in the product.
 */
export interface ImportedCase extends CaseRef {
  readonly settingUrn: string;
  readonly childName: string;
  readonly dateOfBirth: PlainDate;
  /** The NC year in the current academic year, when it differs from the chronological one. */
  readonly ncYear?: number;
  readonly planIssuedOn: PlainDate;
  readonly lastReviewDecisionOn?: PlainDate;
  readonly phaseTransfer?: PhaseTransfer;
  /** The meeting of a review in progress. */
  readonly reviewMeetingOn?: PlainDate;
  /**
   * The day proposed amendments were served, for a plan under amendment (SEN2 ReviewDraft): on the day
   * of the decision to amend (`lastReviewDecisionOn`) or later.
   */
  readonly amendmentNoticeOn?: PlainDate;
  /** The day the final amended plan was issued (AMEND_FINAL met): the amendment is over. */
  readonly finalPlanIssuedOn?: PlainDate;
}

/** Who the product names as having decided, for a decision made in the LA's previous system. */
export const IMPORTED_BY = 'imported';

/**
 * The case file an imported case becomes.
 *
 * @remarks `today` dates the recorded NC year: the export gives the child's year "in the current
 * academic year", so the record is for the academic year containing `today` (`ncYearOn` moves it on a
 * year group each September after).
 *
 * A review in progress is brought in at the stage its dates show, because the clock must keep running
 * for it: with an amendment notice it is `amending` (the LA decided to amend on the last review
 * decision date, and served the proposal on the notice date, AMEND_PROPOSAL), until the file gives the
 * day its final plan was issued; with a meeting on or before `today` it is at `meeting` (the report is
 * next, REPORT_DUE); with a meeting still to come it is `contributing`, because a meeting date in the
 * LA's system means it was arranged and the invitations sent there. Meeting time and venue are unknown
 * (`00:00`, empty), and `imported: true` tells the clock and the screens that the steps before the
 * stage happened elsewhere and are not recorded here. The review starts on `today`, the day it came
 * into the product. Its id is derived from its first date so that importing the same file again builds
 * the same review, and a review abandoned here stays abandoned (`abandonedReviewIds`).
 *
 * The last review decision date is marked as the import's (`lastReviewDecisionFrom: 'import'`), so
 * that a later export can correct it (`mergeImport`). The next review runs from it (REVIEW_DUE), never
 * from the amendment notice: a draft served late does not move the next review
 * (docs/statutory-rules.md, "What the import's dates mean").
 *
 * A final plan issued after the amendment names the new setting of a phase transfer, as closing a
 * review in the product does (`closeReview`): its deadline is met.
 */
export function caseFileFromImport(row: ImportedCase, today: PlainDate): CaseFile {
  const ehcCase: EhcCase = {
    laCode: row.laCode,
    caseId: row.caseId,
    settingUrn: row.settingUrn,
    child: {
      name: row.childName,
      dateOfBirth: row.dateOfBirth,
      ...(row.ncYear === undefined
        ? {}
        : { ncYear: { year: row.ncYear, academicYearStart: academicYearStart(today) } }),
    },
    planIssuedOn: row.planIssuedOn,
    ...(row.lastReviewDecisionOn
      ? { lastReviewDecisionOn: row.lastReviewDecisionOn, lastReviewDecisionFrom: 'import' }
      : {}),
    ...(row.finalPlanIssuedOn ? { amendedPlanIssuedOn: row.finalPlanIssuedOn } : {}),
    ...(row.phaseTransfer
      ? {
          phaseTransfer: row.finalPlanIssuedOn
            ? { ...row.phaseTransfer, namedInPlanOn: row.finalPlanIssuedOn }
            : row.phaseTransfer,
        }
      : {}),
    outcomes: [],
    people: [],
    views: {},
  };
  const review = reviewInProgress(row, today);
  return review ? { case: ehcCase, review } : { case: ehcCase };
}

function importedReviewId(firstDate: PlainDate): string {
  return `imported-${firstDate}`;
}

function reviewInProgress(row: ImportedCase, today: PlainDate): Review | undefined {
  const { reviewMeetingOn: meetingOn, amendmentNoticeOn: noticeOn } = row;
  // An amendment whose final plan was issued is over: nothing is left to track (AMEND_FINAL met).
  if (row.finalPlanIssuedOn) return undefined;
  // The import requires the decision to amend with a notice; the notice date stands in for a row
  // built by hand without one.
  const amended = noticeOn ? { decidedOn: row.lastReviewDecisionOn ?? noticeOn, noticeOn } : undefined;
  const firstDate = meetingOn ?? amended?.decidedOn;
  // Neither a meeting nor an amendment: no review is in progress.
  if (!firstDate) return undefined;
  const stage: Stage = amended
    ? 'amending'
    : meetingOn && !isAfter(meetingOn, today)
      ? 'meeting'
      : 'contributing';
  return {
    id: importedReviewId(firstDate),
    stage,
    startedOn: today,
    ...(meetingOn
      ? { meeting: { on: meetingOn, startTime: '00:00', endTime: '00:00', venue: '', online: false } }
      : {}),
    invitees: [],
    adviceRequests: [],
    advice: [],
    views: {},
    attendance: [],
    ...(amended
      ? {
          decision: {
            outcome: 'amend',
            notifiedOn: amended.decidedOn,
            decidedBy: IMPORTED_BY,
            reason: IMPORTED_BY,
          },
          amendment: { noticeOn: amended.noticeOn },
        }
      : {}),
    history: [],
    imported: true,
  };
}

/**
 * A case already in the product, brought up to date with a later import of it.
 *
 * @remarks The LA's system is the record of the LA-held facts, so the setting, the child (name, date of
 * birth, recorded NC year) and the plan's dates and phase transfer come from the import; a fact the
 * import leaves out is removed. What is entered in the product (outcomes, people, views, the
 * coordinator) is kept, and so is the day a plan amended here named the new setting of a phase
 * transfer, while the import describes the same move (the same kind, on the same date).
 *
 * The last review decision date (REVIEW_DUE) is the import's too, earlier or later, so that a wrong
 * date in one export is put right by the next; except that a date set by a review closed in the
 * product (`lastReviewDecisionFrom: 'review'`) is never moved back by an export, which may be older
 * than that review: the later of the two dates is kept, and `decisionDateKept` tells the officer. A
 * date stored without a source counts as an import's: before the source was recorded no review could
 * be closed in the product (the API had no way to), so every such date came from an import.
 *
 * Once a review is worked in the product, the product is its record: such a review, at any stage, is
 * never replaced by the import, whose dates are at best a copy of what was done here and at worst an
 * out-of-date export. A review the import brought in (`imported`) is over when the LA's system has
 * moved past it: one not yet decided once a review decision on or after its meeting is in the file;
 * an amendment once a later review decision is, or the day its final plan was issued. It is dropped,
 * or it would stay at its stage with its dates overdue for ever, and no next review could start. An
 * imported amendment that a later file merely leaves out is kept, with its final plan deadline
 * (`amendmentKept` tells the officer). A review from the import is added when the case then has none,
 * and only when it is still the current one (one not yet decided that began after the last review
 * decision; an amendment decided on it), not a review since closed, still in an old export, and was
 * not abandoned here.
 */
export function mergeImport(existing: CaseFile, incoming: CaseFile): CaseFile {
  const {
    lastReviewDecisionOn: _kept,
    lastReviewDecisionFrom: _from,
    amendedPlanIssuedOn: _amended,
    phaseTransfer: _replaced,
    ...productHeld
  } = existing.case;
  const decision = mergedDecisionDate(existing.case, incoming.case);
  const merged: EhcCase = {
    ...productHeld,
    settingUrn: incoming.case.settingUrn,
    child: incoming.case.child,
    planIssuedOn: incoming.case.planIssuedOn,
    ...(decision.on ? { lastReviewDecisionOn: decision.on, lastReviewDecisionFrom: decision.from } : {}),
    ...(incoming.case.amendedPlanIssuedOn ? { amendedPlanIssuedOn: incoming.case.amendedPlanIssuedOn } : {}),
    ...phaseTransferOf(existing.case.phaseTransfer, incoming.case.phaseTransfer),
  };
  const current = existing.review && !isOver(existing.review, merged) ? existing.review : undefined;
  const review = current ?? addableReview(incoming.review, decision.on, existing.abandonedReviewIds);
  const { review: _old, ...rest } = existing;
  return review ? { ...rest, case: merged, review } : { ...rest, case: merged };
}

/**
 * The import's phase transfer, keeping the day a plan amended here named the new setting
 * (`namedInPlanOn`, PHASE_TRANSFER met) while the import still describes the same move.
 */
function phaseTransferOf(
  stored: PhaseTransfer | undefined,
  imported: PhaseTransfer | undefined,
): { phaseTransfer?: PhaseTransfer } {
  if (!imported) return {};
  const sameMove = stored?.kind === imported.kind && stored.on === imported.on;
  return {
    phaseTransfer:
      sameMove && stored.namedInPlanOn ? { ...imported, namedInPlanOn: stored.namedInPlanOn } : imported,
  };
}

/** An import's last review decision date that `mergeImport` did not take, and the date it kept. */
export interface KeptDecisionDate {
  /** The date in the import. */
  readonly imported: PlainDate;
  /** The date of the decision of a review closed in the product, which stays. */
  readonly kept: PlainDate;
}

/**
 * The import's last review decision date when `mergeImport` keeps the product's instead (a review
 * closed in the product decided later): the import still succeeds, but the officer should know that
 * this column of the file was not taken.
 */
export function decisionDateKept(existing: CaseFile, incoming: CaseFile): KeptDecisionDate | undefined {
  const imported = incoming.case.lastReviewDecisionOn;
  // A date it keeps from the import is the import's own, so any other date is a review's.
  const { on: kept } = mergedDecisionDate(existing.case, incoming.case);
  return imported && kept && imported !== kept ? { imported, kept } : undefined;
}

interface DecisionDate {
  readonly on?: PlainDate;
  readonly from?: 'import' | 'review';
}

function mergedDecisionDate(existing: EhcCase, incoming: EhcCase): DecisionDate {
  const stored = existing.lastReviewDecisionOn;
  const imported = incoming.lastReviewDecisionOn;
  // A source is only ever recorded with its date (caseFileFromImport, mergeImport, closing a review).
  const fromReview = existing.lastReviewDecisionFrom === 'review';
  if (fromReview && !(imported && isAfter(imported, stored as PlainDate)))
    return { on: stored, from: 'review' };
  return imported ? { on: imported, from: 'import' } : {};
}

/** When a review began: its meeting, or for one imported at amendment without a meeting, its decision. */
function beganOn(review: Review): PlainDate | undefined {
  return review.meeting?.on ?? review.decision?.notifiedOn;
}

/** An imported review that the LA's system has moved past (see `mergeImport`). */
function isOver(review: Review, merged: EhcCase): boolean {
  if (review.imported !== true) return false;
  const lastDecisionOn = merged.lastReviewDecisionOn;
  const decidedOn = review.decision?.notifiedOn;
  if (decidedOn) {
    const amendment = review.amendment;
    const finished = amendment && merged.amendedPlanIssuedOn;
    return (
      (!!lastDecisionOn && isAfter(lastDecisionOn, decidedOn)) ||
      (!!finished && !isBefore(finished, amendment.noticeOn))
    );
  }
  const began = beganOn(review);
  return !!began && !!lastDecisionOn && !isAfter(began, lastDecisionOn);
}

function addableReview(
  review: Review | undefined,
  lastDecisionOn: PlainDate | undefined,
  abandonedIds: readonly string[] | undefined,
): Review | undefined {
  if (review && abandonedIds?.includes(review.id)) return undefined;
  if (!review || !lastDecisionOn) return review;
  const decidedOn = review.decision?.notifiedOn;
  // An amendment is the one decided on the last review decision; an older one has been overtaken.
  if (decidedOn) return isBefore(decidedOn, lastDecisionOn) ? undefined : review;
  const began = beganOn(review);
  return began && isAfter(began, lastDecisionOn) ? review : undefined;
}

/** An imported amendment in progress that a later file no longer carries, kept with its deadline. */
export interface KeptAmendment {
  /** The day its proposed amendments were served: the final plan is due within 8 weeks (AMEND_FINAL). */
  readonly noticeOn: PlainDate;
}

/**
 * The imported amendment `mergeImport` keeps though the file no longer carries it: the import still
 * succeeds, but the officer should know, or the final plan deadline would be tracked against a file
 * that says nothing of it. An amendment the file ends (its final plan issued, a later review decided)
 * is no such case.
 */
export function amendmentKept(
  existing: CaseFile,
  incoming: CaseFile,
  merged: CaseFile = mergeImport(existing, incoming),
): KeptAmendment | undefined {
  const review = merged.review;
  const amendment = review?.amendment;
  // A review the import brought in just now is the incoming one: its id is the file's, below.
  if (!review?.imported || !amendment || amendment.finalIssuedOn) return undefined;
  return incoming.review?.id === review.id ? undefined : { noticeOn: amendment.noticeOn };
}
