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
  const fromPeople: Invitee[] = file.case.people.map((person, index) => ({
    id: `i${index + 1}`,
    person,
    requestInformation: isProfessional(person.role),
  }));
  const known = new Set(fromPeople.map((i) => i.person.email.toLowerCase()));
  const fromPolicy: Invitee[] = ctx.policy.alwaysInvite
    .filter((team) => !known.has(team.email.toLowerCase()))
    .map((team, index) => ({
      id: `p${index + 1}`,
      person: { name: team.name, email: team.email, role: 'disability-service', isTeam: true },
      requestInformation: true,
      byPolicy: true,
    }));
  const review: Review = {
    id: reviewId,
    stage: 'arranging',
    startedOn: ctx.today,
    invitees: [...fromPeople, ...fromPolicy],
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
  if (to === 'closed') return closeReview(file, review);
  if (to === 'abandoned') {
    throw new ReviewError('WRONG_STAGE', [{ where: 'stage', message: 'abandoning a review needs a reason' }]);
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

/**
 * The next review runs from the date the LA notified this review's decision, not from the date an
 * amended plan was finalised (REVIEW_DUE; seed: "12 months from the previous annual review").
 */
function closeReview(file: CaseFile, review: Review): CaseFile {
  const decidedOn = review.decision?.notifiedOn;
  const { review: _closed, ...rest } = file;
  return { ...rest, case: { ...file.case, ...(decidedOn ? { lastReviewDecisionOn: decidedOn } : {}) } };
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

function isProfessional(role: string): boolean {
  return !['parent', 'young-person', 'child', 'senco', 'head-of-setting', 'named-staff'].includes(role);
}
