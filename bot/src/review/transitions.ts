import { type EhcCase, isFamily, type Person, uniqueByEmail } from './case.ts';
import type { CaseFile } from './case-file.ts';
import { ReviewError } from './errors.ts';
import { gateProblems } from './gates.ts';
import type { PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';
import type { Invitee, Review, Stage } from './review.ts';

export interface StepContext {
  readonly today: PlainDate;
  /** Who did it, as recorded in the history: an account key, never a name. */
  readonly by: string;
  readonly policy: LaPolicy;
}

/**
 * Starts a review: invitees pre-populated from the previous review and the LA's always-invited
 * teams (seed: "The EHC Hub will show some pre-populated people, check these remain relevant").
 */
export function startReview(file: CaseFile, reviewId: string, ctx: StepContext): CaseFile {
  if (file.review) {
    throw new ReviewError('WRONG_STAGE', [
      { where: 'review', message: 'a review of this plan is already under way' },
    ]);
  }
  const known = new Set(file.case.people.map((person) => person.email.toLowerCase()));
  const people: { person: Person; policyTeamId?: string }[] = [
    ...file.case.people.map((person) => ({ person })),
    ...ctx.policy.alwaysInvite
      .filter((team) => !known.has(team.email.toLowerCase()))
      .map((team) => ({
        person: { name: team.name, email: team.email, role: team.role, isTeam: true },
        policyTeamId: team.id,
      })),
  ];
  const invitees: Invitee[] = people.map(({ person, policyTeamId }, index) => ({
    id: inviteeId(index + 1),
    person,
    requestInformation: isProfessional(person.role),
    ...(policyTeamId ? { policyTeamId } : {}),
  }));
  const review: Review = {
    id: reviewId,
    stage: 'arranging',
    startedOn: ctx.today,
    invitees,
    lastInviteeNumber: invitees.length,
    adviceRequests: [],
    advice: [],
    views: { ...file.case.views },
    attendance: [],
    history: [{ from: 'pending', to: 'arranging', on: ctx.today, by: ctx.by }],
  };
  return { ...file, review };
}

/**
 * Moves the review on to `to` if its gate allows; otherwise a STAGE_GATE error listing every
 * problem. Closing folds the decision into the case and ends the review; abandoning ends it too.
 */
export function moveTo(file: CaseFile, to: Stage, ctx: StepContext): CaseFile {
  const review = file.review;
  if (!review) {
    throw new ReviewError('WRONG_STAGE', [{ where: 'review', message: 'no review has been started' }]);
  }
  const problems = gateProblems(file, to, ctx.today, ctx.policy);
  if (problems.length > 0) throw new ReviewError('STAGE_GATE', problems);
  if (to === 'closed' || to === 'abandoned') {
    const how = to === 'closed' ? 'closeReview' : 'abandonReview (with a reason)';
    throw new ReviewError('WRONG_STAGE', [{ where: 'stage', message: `a review is ${to} with ${how}` }]);
  }
  const moved: Review = {
    ...review,
    stage: to,
    history: [...review.history, { from: review.stage, to, on: ctx.today, by: ctx.by }],
    ...(to === 'contributing' ? { invitationsSentOn: ctx.today } : {}),
    ...(to === 'meeting' ? { progressedToMeetingOn: ctx.today } : {}),
    ...(to === 'submitted' ? { reportSubmittedOn: ctx.today } : {}),
  };
  return { ...file, review: moved };
}

export interface ClosedReview {
  /** The case file with the review ended and what it settled carried into the case. */
  readonly file: CaseFile;
  /** The review as it closed, for the review archive: its record outlives the live case file. */
  readonly closed: Review;
}

/**
 * Closes a decided review: the plan is maintained or ceased, or the amended plan has been issued.
 *
 * @remarks The caller stores `closed` in the review archive before it writes `file` (writing the
 * archive entry again after a crash changes nothing), so the report, advice and decision stay on
 * record, e.g. for the 2 months in which a cease can go to mediation (CEASE_APPEAL). Into the case go:
 * - the decision date, from which the next review runs, not from the date an amended plan was
 *   finalised (REVIEW_DUE; seed: "12 months from the previous annual review");
 * - everyone invited to this review, who pre-fill the next one (seed: "the system will automatically
 *   populate individuals who were involved in ... the previous Annual Review"): a team as its generic
 *   mailbox, not the professional it allocated this time (seed: "use the generic team email ... The
 *   team will then allocate"); and the views as updated at this review;
 * - on amend, that the final plan named the new setting of a phase transfer (PHASE_TRANSFER);
 * - on cease, the day the plan ceased: no further review is due.
 */
export function closeReview(file: CaseFile, ctx: StepContext): ClosedReview {
  const review = file.review;
  if (!review) {
    throw new ReviewError('WRONG_STAGE', [{ where: 'review', message: 'no review has been started' }]);
  }
  const problems = gateProblems(file, 'closed', ctx.today, ctx.policy);
  const decision = review.decision;
  if (!decision) problems.push({ where: 'decision', message: 'a review closes only once it is decided' });
  if (problems.length > 0 || !decision) throw new ReviewError('STAGE_GATE', problems);
  const { review: _closed, ...rest } = file;
  const transfer = file.case.phaseTransfer;
  const finalIssuedOn = review.amendment?.finalIssuedOn;
  const ehcCase: EhcCase = {
    ...file.case,
    lastReviewDecisionOn: decision.notifiedOn,
    lastReviewDecisionFrom: 'review',
    people: uniqueByEmail([...review.invitees.map((i) => i.person), ...file.case.people.filter(isFamily)]),
    views: { ...file.case.views, ...review.views },
    ...(transfer && finalIssuedOn ? { phaseTransfer: { ...transfer, namedInPlanOn: finalIssuedOn } } : {}),
    ...(decision.outcome === 'cease' ? { ceasedOn: decision.notifiedOn } : {}),
  };
  const closed: Review = {
    ...review,
    stage: 'closed',
    closedOn: ctx.today,
    history: [...review.history, { from: review.stage, to: 'closed', on: ctx.today, by: ctx.by }],
  };
  return { file: { ...rest, case: ehcCase }, closed };
}

/**
 * Abandoning returns the case to its previous due date and deletes everything that belongs to the
 * review (seed: "once abandoned, all information will be permanently deleted"); the caller records
 * the reason in the audit log and removes the calendar event and attachments.
 */
export function abandonReview(file: CaseFile, reason: string, ctx: StepContext): CaseFile {
  if (!file.review) {
    throw new ReviewError('WRONG_STAGE', [{ where: 'review', message: 'no review has been started' }]);
  }
  const problems = gateProblems(file, 'abandoned', ctx.today, ctx.policy);
  if (!reason.trim()) problems.push({ where: 'reason', message: 'say why the review is abandoned' });
  if (problems.length > 0) throw new ReviewError('STAGE_GATE', problems);
  const { review: abandoned, ...rest } = file;
  return { ...rest, abandonedReviewIds: [...(file.abandonedReviewIds ?? []), abandoned.id] };
}

/** The id of the `number`th invitee of a review: `i1`, `i2`, ... never reused (review.ts). */
export function inviteeId(number: number): string {
  return `i${number}`;
}

/** Advice is requested from professionals by default; the family, the setting and its staff give views. */
export function isProfessional(role: string): boolean {
  return !['parent', 'young-person', 'child', 'senco', 'head-of-setting', 'named-staff'].includes(role);
}
