import type { DateKey } from './clock.ts';
import type { CaseListing, ListingStep } from './listing.ts';
import { type Actor, type Placement, placementRelations } from './permissions.ts';
import { addDays, daysBetween, type PlainDate } from './plain-date.ts';
import type { RuleId } from './rules.ts';
import { DEFAULT_WARNING_POLICY, type WarningPolicy } from './warning-policy.ts';

/** Who must act on a date: the setting's SENCo for the setting's steps, the case coordinator for the LA's. */
export type WarningActor = 'senco' | 'case-coordinator';

/**
 * The owner of each date the sweep warns of, and the rule that sets it (docs/statutory-rules.md,
 * "Derived dates"). The setting convenes the meeting, invites, circulates the advice and reports
 * (reg 20); the LA decides, issues the amended plan and names the new setting in time.
 *
 * @remarks `representations_end` (the parent's time, not a step anyone owes) and `recommended_review`
 * (guidance, UNDER_FIVE) are no one's step, so are never warned of: the same dates the clock never
 * calls overdue (`NEVER_OVERDUE`).
 */
export const WARNED_DATES: Readonly<Partial<Record<DateKey, { actor: WarningActor; rule: RuleId }>>> = {
  review_by: { actor: 'case-coordinator', rule: 'REVIEW_DUE' },
  latest_meeting: { actor: 'senco', rule: 'DECISION_DUE' },
  invite_by: { actor: 'senco', rule: 'INVITE_NOTICE' },
  advice_by: { actor: 'senco', rule: 'ADVICE_CIRCULATED' },
  report_by: { actor: 'senco', rule: 'REPORT_DUE' },
  decision_by: { actor: 'case-coordinator', rule: 'DECISION_DUE' },
  final_plan_by: { actor: 'case-coordinator', rule: 'AMEND_FINAL' },
  phase_transfer_by: { actor: 'case-coordinator', rule: 'PHASE_TRANSFER' },
  transfer_meeting_by: { actor: 'senco', rule: 'PHASE_TRANSFER' },
};

/** `before-28`, `on-the-day`, `overdue-0` (first day overdue), `overdue-1` (a period later), ... */
export type Threshold = `before-${number}` | 'on-the-day' | `overdue-${number}`;

export interface Warning {
  readonly laCode: string;
  readonly caseId: string;
  readonly settingUrn: string;
  /** The child's first name only: a warning names the child by first name and case id, nothing more. */
  readonly childFirstName: string;
  readonly key: DateKey;
  readonly date: PlainDate;
  readonly rule: RuleId;
  readonly threshold: Threshold;
  /** The day the threshold was reached (a sweep that missed it sends it later, once). */
  readonly reachedOn: PlainDate;
  readonly overdue: boolean;
  readonly actor: WarningActor;
  /**
   * `<laCode>/<caseId>/<key>/<date>/<threshold>`: one warning per case, date key, date and threshold,
   * so a re-run, a restart or a second sweeper sends nothing twice; a moved date is a new date.
   */
  readonly dedupeKey: string;
}

/** A dated step as the clock derived it, done or not on the day asked about. */
export interface OpenStep {
  readonly key: DateKey;
  readonly date: PlainDate;
  readonly done: boolean;
}

/**
 * The warnings due on `today` for a listed case: for each open warned date, the latest threshold
 * reached on or before `today`.
 *
 * @remarks "Reached", not "equal to today": a sweep that did not run on a threshold's day (a deploy,
 * an outage) still sends it the next day, and once sent the dedupe key stops it being sent again.
 * Only the latest threshold is sent, so a missed "4 weeks before" is not sent after "1 week before".
 * A case not live (closed, ceased) has no warnings.
 */
export function warningsOfListing(
  listing: Pick<CaseListing, 'laCode' | 'caseId' | 'settingUrn' | 'childName' | 'live' | 'steps'>,
  today: PlainDate,
  policy: WarningPolicy = DEFAULT_WARNING_POLICY,
): readonly Warning[] {
  if (!listing.live) return [];
  return warningsOfSteps(
    listing,
    listing.steps.map((step) => openOn(step, today)),
    today,
    policy,
  );
}

/** The warnings due on `today` for the steps the clock gave on that day (see {@link warningsOfListing}). */
export function warningsOfSteps(
  of: Pick<CaseListing, 'laCode' | 'caseId' | 'settingUrn' | 'childName'>,
  steps: readonly OpenStep[],
  today: PlainDate,
  policy: WarningPolicy = DEFAULT_WARNING_POLICY,
): readonly Warning[] {
  const warnings: Warning[] = [];
  for (const step of steps) {
    const owner = WARNED_DATES[step.key];
    if (!owner || step.done) continue;
    const reached = latestThreshold(step.date, today, policy);
    if (!reached) continue;
    const { threshold, on } = reached;
    warnings.push({
      laCode: of.laCode,
      caseId: of.caseId,
      settingUrn: of.settingUrn,
      childFirstName: firstName(of.childName),
      key: step.key,
      date: step.date,
      rule: owner.rule,
      threshold,
      reachedOn: on,
      overdue: threshold.startsWith('overdue-'),
      actor: owner.actor,
      dedupeKey: dedupeKeyOf(of.laCode, of.caseId, step.key, step.date, threshold),
    });
  }
  return warnings;
}

export function dedupeKeyOf(
  laCode: string,
  caseId: string,
  key: DateKey,
  date: PlainDate,
  threshold: Threshold,
): string {
  return [laCode, caseId, key, date, threshold].map(encodeURIComponent).join('/');
}

/** The latest threshold of `date` reached on or before `today`, with the day it was reached. */
export function latestThreshold(
  date: PlainDate,
  today: PlainDate,
  policy: WarningPolicy,
): { threshold: Threshold; on: PlainDate } | undefined {
  const daysLate = daysBetween(date, today);
  if (daysLate > 0) {
    const every = Math.max(1, policy.overdueEveryDays);
    const n = Math.floor((daysLate - 1) / every);
    return { threshold: `overdue-${n}`, on: addDays(date, 1 + n * every) };
  }
  const ahead = -daysLate;
  const reached = policy.daysBefore.filter((before) => before >= ahead);
  if (reached.length === 0) return undefined;
  const before = Math.min(...reached);
  return { threshold: before === 0 ? 'on-the-day' : `before-${before}`, on: addDays(date, -before) };
}

function openOn(step: ListingStep, today: PlainDate): OpenStep {
  return { key: step.key, date: step.date, done: step.doneFrom !== undefined && step.doneFrom <= today };
}

/** The first word of a child's name: all of the name a warning or a digest shows. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? '';
}

/**
 * The dates among `keys` that are `actor`'s own to act on for a case placed at `placement`: the
 * setting's steps for its SENCo, the LA's for an officer of that LA (who may be the case coordinator).
 *
 * @remarks What "overdue" and "due" in a personal chat list: a person's own warnings, not everything
 * on every case they can see.
 */
export function ownDateKeys(actor: Actor, placement: Placement, keys: readonly DateKey[]): DateKey[] {
  const relations = placementRelations(actor, placement);
  return keys.filter((key) => {
    const owner = WARNED_DATES[key]?.actor;
    if (owner === 'senco') return relations.includes('senco');
    if (owner === 'case-coordinator') return relations.includes('la-officer');
    return false;
  });
}

/**
 * The warnings of a listed case on `today` that are `actor`'s own to act on ({@link ownDateKeys}):
 * what "overdue" and "due" in a personal chat list, the same warnings the sweep records for them.
 */
export function ownWarningsOf(
  actor: Actor,
  listing: Pick<CaseListing, 'laCode' | 'caseId' | 'settingUrn' | 'childName' | 'live' | 'steps'>,
  today: PlainDate,
  policy: WarningPolicy = DEFAULT_WARNING_POLICY,
): readonly Warning[] {
  const own = new Set(
    ownDateKeys(
      actor,
      listing,
      listing.steps.map((step) => step.key),
    ),
  );
  return warningsOfListing(listing, today, policy).filter((warning) => own.has(warning.key));
}
