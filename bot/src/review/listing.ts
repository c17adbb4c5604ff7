import type { CaseFile } from './case-file.ts';
import { DATE_KEYS, type DateKey, type DueDate, NEVER_OVERDUE } from './clock.ts';
import { attainsAgeOn, ncYearReachedOn } from './nc-year.ts';
import type { NextAction } from './next-action.ts';
import { type Actor, placementRelations } from './permissions.ts';
import { addDays, minDate, type PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';
import type { Stage } from './review.ts';
import { type CaseSummary, isDueSoon, isLive, stageOf, summariseWithClock } from './summary.ts';

/** Bumped whenever {@link listingOf} would compute something else from the same file and policy. */
export const LISTING_VERSION = 1;

/** The day from which a case's next action and preparing-for-adulthood flag are what they are. */
export interface ListingPhase {
  /** The first day of the phase; absent for the first phase, which covers every earlier day. */
  readonly from?: PlainDate;
  readonly nextAction: NextAction;
  readonly pfaRequired: boolean;
}

/** A statutory date that can be overdue (the clock's dates but `NEVER_OVERDUE`), not done for ever. */
export interface ListingStep {
  readonly key: DateKey;
  readonly date: PlainDate;
  /** The step counts as done from this day on (a meeting held on its day); absent: not done. */
  readonly doneFrom?: PlainDate;
}

/**
 * What a list shows of a case, stored beside the case file and written with it, so a list reads
 * these small documents instead of whole files and runs no clock per case.
 *
 * @remarks A summary depends on `today` (overdue, due soon, the under-five recommendation, the NC year
 * when no meeting is set), so it cannot be stored as it is shown. What is stored does not depend on
 * `today`: the dates with their rules (and the case's deadline), and the case's next action as a few phases split at the days
 * on which the clock or the next action can change ({@link listingOf}). {@link summaryOn} picks the
 * phase and compares dates, which is exactly {@link summariseWithClock} on that day (proved for
 * generated cases and days in test/review/listing.properties.test.ts).
 */
export interface CaseListing {
  readonly version: typeof LISTING_VERSION;
  /** The durations it was computed with ({@link policyStamp}): a listing of another policy is stale. */
  readonly policy: string;
  readonly laCode: string;
  readonly caseId: string;
  readonly childName: string;
  readonly settingUrn: string;
  readonly stage: Stage;
  /** `isLive`: lists show live cases only. */
  readonly live: boolean;
  /** The case's deadline (`caseDeadline`): no part of it depends on `today`. */
  readonly deadline: CaseSummary['deadline'];
  /** In {@link DATE_KEYS} order. */
  readonly steps: readonly ListingStep[];
  /** Oldest first; the first has no `from`. */
  readonly phases: readonly [ListingPhase, ...ListingPhase[]];
  /**
   * The earliest day anything on the case falls due: an open step's date or a next action's due date,
   * {@link UNDATED} when nothing is dated. The LA's list is ordered by it, and the deadline sweep reads
   * the cases with it on or before a day, so its cost grows with what is due, not with every case.
   */
  readonly nextDue: PlainDate;
}

/** Sorts after every real date. */
export const UNDATED = '9999-12-31' as PlainDate;

/**
 * The durations a listing depends on, as one string.
 *
 * @remarks `alwaysInvite` is left out: it only gates sending the invitations, which no summary reads.
 */
export function policyStamp(policy: LaPolicy): string {
  return [
    policy.reviewMonths,
    policy.underFiveMonths,
    policy.inviteNoticeWeeks,
    policy.adviceWeeks,
    policy.reportWeeks,
    policy.decisionWeeks,
    policy.representationDays,
    policy.finalPlanWeeks,
    policy.post16TransferMonths,
  ].join('/');
}

/** Whether `listing` was computed by this version from `policy`, so {@link summaryOn} may use it. */
export function isCurrentListing(listing: CaseListing | undefined, policy: LaPolicy): listing is CaseListing {
  return listing?.version === LISTING_VERSION && listing.policy === policyStamp(policy);
}

/**
 * The listing of `file` under `policy`.
 *
 * @remarks The clock and the next action change with `today` only on these days: the meeting day (a
 * meeting held; "Hold the meeting" becomes "Take the register"), the day after the invitations were due
 * (too late for the meeting set), the fifth birthday (UNDER_FIVE stops), the day after the recommended
 * review (it stops bounding the meeting) and the 1 September the child enters Year 9 (PfA, when no
 * meeting is set). So the summary is taken with the domain's own functions once before the first of
 * those days and once on each, and equal neighbours are merged: at most six clocks per write, none
 * per read.
 */
export function listingOf(file: CaseFile, policy: LaPolicy): CaseListing {
  const child = file.case.child;
  const first = summariseWithClock(file, child.dateOfBirth, policy);
  const meetingOn = file.review?.meeting?.on;
  const inviteBy = first.clock.dates.invite_by?.date;
  // Taken on the day of birth, when the child is under five, the clock always recommends a review.
  const recommended = (first.clock.dates.recommended_review as DueDate).date;
  const changes = [attainsAgeOn(child.dateOfBirth, 5), addDays(recommended, 1), ncYearReachedOn(child, 9)];
  if (meetingOn) changes.push(meetingOn);
  if (inviteBy) changes.push(addDays(inviteBy, 1));
  const days = [...new Set(changes)].sort();
  const firstDay = days[0] as PlainDate;
  const before = { from: undefined, ...summariseWithClock(file, addDays(firstDay, -1), policy) };
  const taken = [before, ...days.map((day) => ({ from: day, ...summariseWithClock(file, day, policy) }))];

  const phases: ListingPhase[] = [];
  for (const { from, summary } of taken) {
    // Stored as its owner words it (no reader): `summaryOn` words it for the reader who lists it.
    const { yours: _owner, ...action } = summary.nextAction;
    // Without a reader, `actionFor` keeps the step's owner: the setting or the LA, never an invitee.
    const by = action.by as NextAction['by'];
    const phase = { nextAction: { ...action, by }, pfaRequired: summary.pfaRequired };
    const last = phases.at(-1);
    if (last && samePhase(last, phase)) continue;
    phases.push(from === undefined ? phase : { from, ...phase });
  }

  const steps: ListingStep[] = [];
  for (const key of DATE_KEYS) {
    if (NEVER_OVERDUE.includes(key)) continue;
    const due = before.clock.dates[key];
    if (!due) continue;
    // Done for good from the first day after which every later phase has it done.
    let doneFrom: PlainDate | undefined;
    for (const { from, clock } of [...taken].reverse()) {
      // Stryker disable next-line OptionalChaining: a date the clock gives before the first change it gives on every later day (only the under-five review drops out, and it is never listed)
      if (!clock.dates[key]?.done) break;
      doneFrom = from ?? UNDATED;
    }
    if (doneFrom === UNDATED) continue;
    steps.push(doneFrom === undefined ? { key, date: due.date } : { key, date: due.date, doneFrom });
  }

  const dated = [...steps.map((step) => step.date), ...phases.map((p) => p.nextAction.due ?? UNDATED)];
  const { summary } = first;
  return {
    version: LISTING_VERSION,
    policy: policyStamp(policy),
    laCode: summary.laCode,
    caseId: summary.caseId,
    childName: summary.childName,
    settingUrn: summary.settingUrn,
    stage: stageOf(file),
    live: isLive(file),
    deadline: summary.deadline,
    steps,
    phases: phases as [ListingPhase, ...ListingPhase[]],
    nextDue: dated.reduce(minDate, UNDATED),
  };
}

/**
 * The summary of a listed case on `today`: the same as `summariseWithClock(file, today, policy,
 * settingName, reader)`.
 *
 * @remarks A listed case reaches its reader by placement alone (the setting's SENCo, the LA's officer:
 * {@link placementRelations}), and those relations are all {@link actionFor} needs to word the next
 * action for them: their own step, or the other side's, which never counts in their "due soon".
 */
export function summaryOn(
  listing: CaseListing,
  today: PlainDate,
  settingName?: string,
  reader?: Actor,
): CaseSummary {
  let phase = listing.phases[0];
  // The first phase has no `from`: it is the one before every later phase's day.
  for (const later of listing.phases) if ((later.from ?? UNDATED) <= today) phase = later;
  const relations = reader ? placementRelations(reader, listing) : undefined;
  const runs = { setting: relations?.includes('senco'), la: relations?.includes('la-officer') };
  const yours = relations === undefined || runs[phase.nextAction.by] === true;
  const nextAction = { ...phase.nextAction, yours };
  const due = nextAction.due;
  return {
    laCode: listing.laCode,
    caseId: listing.caseId,
    childName: listing.childName,
    settingUrn: listing.settingUrn,
    ...(settingName === undefined ? {} : { settingName }),
    stage: listing.stage,
    deadline: listing.deadline,
    nextAction,
    overdue: listing.steps
      .filter((step) => step.date < today && (step.doneFrom === undefined || today < step.doneFrom))
      .map((step) => step.key),
    dueSoon: yours && due !== undefined && isDueSoon(due, today),
    pfaRequired: phase.pfaRequired,
  };
}

function samePhase(a: Omit<ListingPhase, 'from'>, b: Omit<ListingPhase, 'from'>): boolean {
  const x = a.nextAction;
  const y = b.nextAction;
  return (
    a.pfaRequired === b.pfaRequired &&
    x.label === y.label &&
    x.by === y.by &&
    x.due === y.due &&
    x.rule === y.rule &&
    x.recommended === y.recommended
  );
}
