import type { EhcCase, PhaseTransfer } from './case.ts';
import type { CaseFile } from './case-file.ts';
import { ageOn, ncYearOn } from './nc-year.ts';
import {
  addDays,
  addMonthsClamped,
  formatLong,
  fromParts,
  isBefore,
  lastDayOfDaysBeginningWith,
  type PlainDate,
  parts,
  periodEnd,
} from './plain-date.ts';
import { type LaPolicy, STATUTORY_DEFAULTS } from './policy.ts';
import { type Review, reached, type Stage } from './review.ts';
import type { RuleId } from './rules.ts';

/** The dates the clock derives (docs/statutory-rules.md, "Derived dates"), in the order they are shown. */
export const DATE_KEYS = [
  'review_by',
  'latest_meeting',
  'invite_by',
  'advice_by',
  'report_by',
  'decision_by',
  'representations_end',
  'final_plan_by',
  'phase_transfer_by',
  'transfer_meeting_by',
  'recommended_review',
] as const;
export type DateKey = (typeof DATE_KEYS)[number];

export interface DueDate {
  readonly key: DateKey;
  /** The last permitted day: the step is on time when done on or before it. */
  readonly date: PlainDate;
  readonly rule: RuleId;
  /** One line saying why the date is what it is, e.g. "...: within 2 weeks of the meeting (12 May 2025)." */
  readonly explanation: string;
  /** Guidance, never overdue in law (UNDER_FIVE). */
  readonly recommended: boolean;
  /** The step this date is for has been done (on time or not). */
  readonly done: boolean;
}

export interface Clock {
  readonly dates: Partial<Record<DateKey, DueDate>>;
  /** PREPARING_FOR_ADULTHOOD: the review must consider it (Year 9 or above at the meeting). */
  readonly pfaRequired: boolean;
  /** The NC year at the meeting date, or today when no meeting is set. */
  readonly ncYear: number;
  /** Dates passed with their step not done, in {@link DATE_KEYS} order. */
  readonly overdue: readonly DateKey[];
}

/**
 * Dates that are no step the LA owes: the end of the parent's or young person's representations
 * (AMEND_REPRESENTATIONS) and a recommended review (UNDER_FIVE, guidance). They are shown, never overdue.
 */
export const NEVER_OVERDUE: readonly DateKey[] = ['representations_end', 'recommended_review'];

/** What every date is derived from. */
interface Facts {
  readonly case: EhcCase;
  readonly stage: Stage;
  readonly meetingOn: PlainDate | undefined;
  /**
   * The day this review's decision was notified, once it has been: the next review's period starts
   * then (REVIEW_DUE), not when the review is closed or the amended plan finalised.
   */
  readonly decidedOn: PlainDate | undefined;
  readonly finalPlanIssued: boolean;
  readonly today: PlainDate;
  readonly policy: LaPolicy;
}

/**
 * The statutory clock of a case's annual review on `today`: every due date with the rule behind it,
 * whether preparing for adulthood is required, and what is overdue.
 *
 * @remarks Pure, so warnings are derived from it and never hand-kept (DESIGN.md section 3). An
 * abandoned review counts as no review: its content is deleted and the case returns to its previous
 * due date (DESIGN.md section 2), so its meeting no longer sets any date.
 */
export function clockFor(file: CaseFile, today: PlainDate, policy: LaPolicy = STATUTORY_DEFAULTS): Clock {
  const review: Review | undefined = file.review?.stage === 'abandoned' ? undefined : file.review;
  const facts: Facts = {
    case: file.case,
    stage: review?.stage ?? 'pending',
    meetingOn: review?.meeting?.on,
    decidedOn: review && reached(review.stage, 'decided') ? review.decision?.notifiedOn : undefined,
    finalPlanIssued: review?.amendment?.finalIssuedOn !== undefined,
    today,
    policy,
  };
  const meeting = facts.meetingOn;
  const notice = review?.amendment?.noticeOn;
  // Written key by key in the order the dates have always been listed in (an answer's JSON keeps it).
  const dates: { [K in DateKey]?: DueDate } = {};
  const reviewBy = reviewByDate(facts);
  dates.review_by = reviewBy;
  dates.latest_meeting = latestMeetingForReview(facts, reviewBy.date);
  if (meeting) {
    dates.invite_by = inviteBy(facts, meeting);
    dates.advice_by = adviceBy(facts, meeting);
    dates.report_by = reportBy(facts, meeting);
    dates.decision_by = decisionBy(facts, meeting);
  }
  if (notice) {
    dates.representations_end = representationsEnd(facts, notice);
    dates.final_plan_by = finalPlanBy(facts, notice);
  }
  const transferBy = phaseTransferBy(facts);
  if (transferBy) {
    dates.phase_transfer_by = transferBy;
    dates.transfer_meeting_by = transferMeetingBy(facts, transferBy);
  }
  const recommended = recommendedReview(facts);
  if (recommended) dates.recommended_review = recommended;
  const ncYear = ncYearOn(file.case.child, meeting ?? today);
  const overdue: DateKey[] = [];
  for (const key of DATE_KEYS) if (isOverdue(dates[key], today)) overdue.push(key);
  return { dates, pfaRequired: ncYear >= 9, ncYear, overdue };
}

/** "Overdue" is strict: the last permitted day itself is still on time (docs/statutory-rules.md, "Counting"). */
function isOverdue(due: DueDate | undefined, today: PlainDate): boolean {
  return due !== undefined && !due.done && !NEVER_OVERDUE.includes(due.key) && isBefore(due.date, today);
}

/**
 * REVIEW_DUE (CFA s.44(1)): counted from the last review decision, or from the plan's issue when there
 * has been none; never from a plan finalised after amendment (seed guidance).
 */
function reviewByDate(f: Facts): DueDate {
  const months = f.policy.reviewMonths;
  const date = periodEnd(reviewStart(f), months);
  const why =
    lookup(REVIEW_BY_WHY[reviewFromKind(f)], months, reviewStart(f)) ??
    remember(
      REVIEW_BY_WHY[reviewFromKind(f)],
      months,
      reviewStart(f),
      `The LA must notify its review decision by this date: ${count(months, 'month')} starting with ${reviewFrom(f)}.`,
    );
  // Always the review still to be decided: once this review's decision is notified, the next one's.
  return due('review_by', 'REVIEW_DUE', date, false, why);
}

/** This review's meeting has taken place: its register is taken, or its day has come. */
function meetingHeld(f: Facts): boolean {
  const meetingPassed = f.meetingOn !== undefined && f.meetingOn <= f.today;
  return reached(f.stage, 'report') || (reached(f.stage, 'meeting') && meetingPassed);
}

/** DECISION_DUE counted back: a later meeting cannot have its decision notified by the review-by date. */
function latestMeetingForReview(f: Facts, reviewBy: PlainDate): DueDate {
  const weeks = f.policy.decisionWeeks;
  // After this review's decision the date is the next review's latest meeting, not yet held.
  const held = f.decidedOn === undefined && meetingHeld(f);
  const why =
    lookup(LATEST_MEETING_WHY, weeks, reviewBy) ??
    remember(
      LATEST_MEETING_WHY,
      weeks,
      reviewBy,
      `Hold the meeting by this date to leave ${count(weeks, 'week')} for the decision before the review-by date (${formatLong(reviewBy)}).`,
    );
  return due('latest_meeting', 'DECISION_DUE', addDays(reviewBy, -7 * weeks), held, why);
}

/** INVITE_NOTICE, reg 20(3): "at least N weeks before" ends N weeks before the meeting. */
function inviteBy(f: Facts, meeting: PlainDate): DueDate {
  const weeks = f.policy.inviteNoticeWeeks;
  const date = addDays(meeting, -7 * weeks);
  const why =
    lookup(INVITE_WHY, weeks, meeting) ??
    remember(
      INVITE_WHY,
      weeks,
      meeting,
      `Send the invitations by this date, ${count(weeks, 'week')} before the meeting (${formatLong(meeting)}): everyone invited must have at least that much notice.`,
    );
  return due('invite_by', 'INVITE_NOTICE', date, reached(f.stage, 'contributing'), why);
}

/** ADVICE_CIRCULATED, reg 20(4): advice goes to everyone invited when the review progresses to the meeting. */
function adviceBy(f: Facts, meeting: PlainDate): DueDate {
  const weeks = f.policy.adviceWeeks;
  const date = addDays(meeting, -7 * weeks);
  const why =
    lookup(ADVICE_WHY, weeks, meeting) ??
    remember(
      ADVICE_WHY,
      weeks,
      meeting,
      `Send the advice to everyone invited by this date: at least ${count(weeks, 'week')} before the meeting (${formatLong(meeting)}).`,
    );
  return due('advice_by', 'ADVICE_CIRCULATED', date, reached(f.stage, 'meeting'), why);
}

/** REPORT_DUE, reg 20(7): "within N weeks of" the meeting ends N weeks after it. */
function reportBy(f: Facts, meeting: PlainDate): DueDate {
  const weeks = f.policy.reportWeeks;
  const why =
    lookup(REPORT_WHY, weeks, meeting) ??
    remember(
      REPORT_WHY,
      weeks,
      meeting,
      `Send the report of the meeting to everyone invited by this date: within ${count(weeks, 'week')} of the meeting (${formatLong(meeting)}).`,
    );
  return due('report_by', 'REPORT_DUE', addDays(meeting, 7 * weeks), reached(f.stage, 'submitted'), why);
}

/**
 * DECISION_DUE, reg 20(10); on amend the proposed amendments go out with the decision (AMEND_PROPOSAL,
 * reg 22(2), Devon [2022]), so this date binds them too.
 */
function decisionBy(f: Facts, meeting: PlainDate): DueDate {
  const weeks = f.policy.decisionWeeks;
  const why =
    lookup(DECISION_WHY, weeks, meeting) ??
    remember(
      DECISION_WHY,
      weeks,
      meeting,
      `The LA must notify its decision to maintain, amend (with the proposed amendments) or cease by this date: within ${count(weeks, 'week')} of the meeting (${formatLong(meeting)}).`,
    );
  return due('decision_by', 'DECISION_DUE', addDays(meeting, 7 * weeks), reached(f.stage, 'decided'), why);
}

/** AMEND_REPRESENTATIONS, reg 22(2): "N days beginning with" the day served counts that day as day 1. */
function representationsEnd(f: Facts, notice: PlainDate): DueDate {
  const days = f.policy.representationDays;
  const date = lastDayOfDaysBeginningWith(notice, days);
  const why =
    lookup(REPRESENTATIONS_WHY, days, notice) ??
    remember(
      REPRESENTATIONS_WHY,
      days,
      notice,
      `The parent or young person can make representations until this date: ${count(days, 'day')} beginning with the day the proposed amendments were served (${formatLong(notice)}).`,
    );
  return due('representations_end', 'AMEND_REPRESENTATIONS', date, false, why);
}

/** AMEND_FINAL, reg 22(3): counted from the amendment notice, so at most 12 weeks after the meeting. */
function finalPlanBy(f: Facts, notice: PlainDate): DueDate {
  const weeks = f.policy.finalPlanWeeks;
  const why =
    lookup(FINAL_PLAN_WHY, weeks, notice) ??
    remember(
      FINAL_PLAN_WHY,
      weeks,
      notice,
      `Issue the final amended plan by this date: within ${count(weeks, 'week')} of the amendment notice (${formatLong(notice)}).`,
    );
  return due('final_plan_by', 'AMEND_FINAL', addDays(notice, 7 * weeks), f.finalPlanIssued, why);
}

/** PHASE_TRANSFER, regs 2 and 18, CoP 9.179-9.180: the plan must name the new setting in time. */
function phaseTransferBy(f: Facts): DueDate | undefined {
  const transfer = f.case.phaseTransfer;
  if (!transfer) return undefined;
  const { date, when } = phaseTransferDeadline(transfer, f.policy);
  const why = `Complete the review and issue the plan amended to name the new setting by this date: ${when}.`;
  const named = f.finalPlanIssued || transfer.namedInPlanOn !== undefined;
  return due('phase_transfer_by', 'PHASE_TRANSFER', date, named, why);
}

/**
 * PHASE_TRANSFER counted back: the decision comes up to `decisionWeeks` after the meeting (DECISION_DUE)
 * and the final amended plan up to `finalPlanWeeks` after the proposal served with it (AMEND_FINAL,
 * reg 22(3)), so a later meeting cannot lawfully be counted on to name the new setting in time.
 *
 * @remarks Done once this review's meeting has been held, or once the plan names the new setting.
 */
function transferMeetingBy(f: Facts, transferBy: DueDate): DueDate {
  const { decisionWeeks, finalPlanWeeks } = f.policy;
  const weeks = decisionWeeks + finalPlanWeeks;
  const date = addDays(transferBy.date, -7 * weeks);
  const sentences = sentencesFor(TRANSFER_MEETING_WHY, finalPlanWeeks);
  const why =
    lookup(sentences, decisionWeeks, transferBy.date) ??
    remember(
      sentences,
      decisionWeeks,
      transferBy.date,
      `Hold the meeting by this date to leave ${count(decisionWeeks, 'week')} for the decision and ${count(finalPlanWeeks, 'week')} for the final amended plan before the phase transfer deadline (${formatLong(transferBy.date)}).`,
    );
  return due('transfer_meeting_by', 'PHASE_TRANSFER', date, transferBy.done || meetingHeld(f), why);
}

function phaseTransferDeadline(transfer: PhaseTransfer, policy: LaPolicy): { date: PlainDate; when: string } {
  const { year } = parts(transfer.on);
  const move = `(the move on ${formatLong(transfer.on)})`;
  switch (transfer.kind) {
    case 'early-years-to-school':
    case 'infant-to-junior':
    case 'primary-to-middle':
    case 'primary-to-secondary':
    case 'middle-to-secondary':
      return {
        date: fromParts(year, 2, 15),
        when: `15 February of the year of a move between phases ${move}`,
      };
    case 'secondary-to-post16':
      return {
        date: fromParts(year, 3, 31),
        when: `31 March of the year of a move from school to a post-16 institution ${move}`,
      };
    case 'post16-to-post16': {
      const months = policy.post16TransferMonths;
      return {
        date: addMonthsClamped(transfer.on, -months),
        when: `at least ${count(months, 'month')} before a move between post-16 institutions ${move}`,
      };
    }
    default: {
      const unknown: never = transfer.kind;
      throw new RangeError(`unknown phase transfer: ${String(unknown)}`);
    }
  }
}

/** UNDER_FIVE, CoP 9.178: guidance ("should consider"), so recommended and never overdue. */
function recommendedReview(f: Facts): DueDate | undefined {
  if (ageOn(f.case.child.dateOfBirth, f.today) >= 5) return undefined;
  const months = f.policy.underFiveMonths;
  const date = periodEnd(reviewStart(f), months);
  const why =
    lookup(UNDER_FIVE_WHY[reviewFromKind(f)], months, reviewStart(f)) ??
    remember(
      UNDER_FIVE_WHY[reviewFromKind(f)],
      months,
      reviewStart(f),
      `Recommended, not a legal deadline: for a child under 5 the LA should consider a review within ${count(months, 'month')} starting with ${reviewFrom(f)}.`,
    );
  return { ...due('recommended_review', 'UNDER_FIVE', date, false, why), recommended: true };
}

function reviewStart(f: Facts): PlainDate {
  return f.decidedOn ?? f.case.lastReviewDecisionOn ?? f.case.planIssuedOn;
}

function reviewFrom(f: Facts): string {
  const what = REVIEW_FROM[reviewFromKind(f)];
  return `${what} (${formatLong(reviewStart(f))})`;
}

const REVIEW_FROM = [
  "this review's decision",
  'the last review decision',
  'the date the plan was made',
] as const;

/** Which date the review period starts from, as an index of {@link REVIEW_FROM}. */
function reviewFromKind(f: Facts): 0 | 1 | 2 {
  return f.decidedOn ? 0 : f.case.lastReviewDecisionOn ? 1 : 2;
}

/*
 * Explanations, each written once for the numbers and the date it names. The clock runs over every
 * plan of a list and of England (docs/PERFORMANCE.md, P2), and writing each sentence afresh was about
 * half its time; the same few sentences come back for every plan with the same dates. Each cache is
 * keyed by the policy number the sentence names, then by its date, and is cleared when it holds
 * 50,000 dates for one number, so it stays small. A sentence that also names where the review period
 * starts has a cache for each start (REVIEW_FROM); one that names two numbers, a cache for each value
 * of the other.
 */
type Sentences = Map<number, Map<PlainDate, string>>;
type ByStart = readonly [Sentences, Sentences, Sentences];
const REVIEW_BY_WHY: ByStart = [new Map(), new Map(), new Map()];
const LATEST_MEETING_WHY: Sentences = new Map();
const INVITE_WHY: Sentences = new Map();
const ADVICE_WHY: Sentences = new Map();
const REPORT_WHY: Sentences = new Map();
const DECISION_WHY: Sentences = new Map();
const REPRESENTATIONS_WHY: Sentences = new Map();
const FINAL_PLAN_WHY: Sentences = new Map();
/** By the final plan's weeks, then by the decision's. */
const TRANSFER_MEETING_WHY: Map<number, Sentences> = new Map();
const UNDER_FIVE_WHY: ByStart = [new Map(), new Map(), new Map()];

/** The map `caches` holds for the number `n`, made empty the first time. */
function sentencesFor<K, V>(caches: Map<number, Map<K, V>>, n: number): Map<K, V> {
  let byN = caches.get(n);
  if (byN === undefined) {
    byN = new Map();
    caches.set(n, byN);
  }
  return byN;
}

/** The sentence already written for the number `n` and the date `date`, if any. */
function lookup(cache: Sentences, n: number, date: PlainDate): string | undefined {
  return cache.get(n)?.get(date);
}

/** Keeps `text` as the sentence for `n` and `date`, and returns it. */
function remember(cache: Sentences, n: number, date: PlainDate, text: string): string {
  const byDate = sentencesFor(cache, n);
  if (byDate.size >= 50_000) byDate.clear();
  byDate.set(date, text);
  return text;
}

function due(key: DateKey, rule: RuleId, date: PlainDate, done: boolean, explanation: string): DueDate {
  return { key, date, rule, explanation, recommended: false, done };
}

function count(n: number, unit: 'day' | 'week' | 'month'): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
