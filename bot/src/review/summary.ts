import type { CaseFile } from './case-file.ts';
import { type Clock, clockFor, type DateKey } from './clock.ts';
import { type CaseDeadline, caseDeadline } from './deadlines.ts';
import { nextAction } from './next-action.ts';
import type { Actor } from './permissions.ts';
import { addDays, isAfter, isBefore, type PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';
import { actionFor, type ReaderAction } from './reader-action.ts';
import { LIVE_STAGES, type Stage } from './review.ts';

/**
 * One line of a live cases list: who, where, which stage, the case's deadline and what to do next.
 *
 * @remarks What the tab's list, the bot's card and later the deadline digest show, so they agree.
 * It carries the child's name: it is personal data, shown only to someone `can` lets read the case.
 */
export interface CaseSummary {
  readonly laCode: string;
  readonly caseId: string;
  readonly childName: string;
  readonly settingUrn: string;
  readonly settingName?: string;
  readonly stage: Stage;
  /** The earliest binding date, with its rule: review_by, or phase_transfer_by when earlier ({@link caseDeadline}). */
  readonly deadline: CaseDeadline;
  /** What to do next, worded for the reader ({@link actionFor}). */
  readonly nextAction: ReaderAction;
  /** Dates passed with their step not done (the clock's `overdue`). */
  readonly overdue: readonly DateKey[];
  /**
   * The reader's own next action is due within {@link DUE_SOON_DAYS} days from today (today included),
   * and not past: a step someone else owns is never "due soon" for the reader.
   */
  readonly dueSoon: boolean;
  /** PREPARING_FOR_ADULTHOOD: the review must consider it (Year 9 or above). */
  readonly pfaRequired: boolean;
}

/** How far ahead "due soon" looks: the notice the regulations give most steps (INVITE_NOTICE, ADVICE_CIRCULATED). */
export const DUE_SOON_DAYS = 14;

export function stageOf(file: CaseFile): Stage {
  return file.review?.stage ?? 'pending';
}

export function isLive(file: CaseFile): boolean {
  return file.case.ceasedOn === undefined && LIVE_STAGES.includes(stageOf(file));
}

/**
 * The summary of a case on `today` for `reader` (its next action in their words; without a reader, in
 * its owner's), and the clock it was derived from.
 */
export function summariseWithClock(
  file: CaseFile,
  today: PlainDate,
  policy: LaPolicy,
  settingName?: string,
  reader?: Actor,
): { summary: CaseSummary; clock: Clock } {
  const clock = clockFor(file, today, policy);
  const action = actionFor(reader, file, clock, nextAction(file, clock, today, policy));
  const summary: CaseSummary = {
    laCode: file.case.laCode,
    caseId: file.case.caseId,
    childName: file.case.child.name,
    settingUrn: file.case.settingUrn,
    ...(settingName === undefined ? {} : { settingName }),
    stage: stageOf(file),
    deadline: caseDeadline(clock),
    nextAction: action,
    overdue: clock.overdue,
    dueSoon: action.yours && action.due !== undefined && isDueSoon(action.due, today),
    pfaRequired: clock.pfaRequired,
  };
  return { summary, clock };
}

export function summarise(
  file: CaseFile,
  today: PlainDate,
  policy: LaPolicy,
  settingName?: string,
  reader?: Actor,
): CaseSummary {
  return summariseWithClock(file, today, policy, settingName, reader).summary;
}

export function isDueSoon(due: PlainDate, today: PlainDate): boolean {
  return !isBefore(due, today) && !isAfter(due, addDays(today, DUE_SOON_DAYS));
}

/**
 * Most urgent first: cases with anything overdue, then by the next action's due date (undated last),
 * then by LA and case id so that the order is stable.
 */
export function byUrgency(a: CaseSummary, b: CaseSummary): number {
  const overdue = Number(b.overdue.length > 0) - Number(a.overdue.length > 0);
  if (overdue !== 0) return overdue;
  const dueA = a.nextAction.due ?? UNDATED;
  const dueB = b.nextAction.due ?? UNDATED;
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  if (a.laCode !== b.laCode) return a.laCode < b.laCode ? -1 : 1;
  return a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0;
}

/** Sorts after every real date. */
const UNDATED = '9999-12-31';
