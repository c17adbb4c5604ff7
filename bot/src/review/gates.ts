import type { CaseFile } from './case-file.ts';
import type { Problem } from './errors.ts';
import { ncYearOn } from './nc-year.ts';
import { addDays, formatLong, isAfter, type PlainDate } from './plain-date.ts';
import type { LaPolicy } from './policy.ts';
import type { Review, Stage } from './review.ts';

/**
 * The gates between stages (DESIGN.md section 2): what must hold before a review may move on.
 * Each returns every problem, each naming where it is, so the SENCo can fix them all at once.
 */

/** The stages a review may move to from each stage. */
export const NEXT_STAGES: Readonly<Record<Stage, readonly Stage[]>> = {
  pending: ['arranging'],
  arranging: ['contributing', 'abandoned'],
  contributing: ['meeting', 'abandoned'],
  meeting: ['report', 'abandoned'],
  report: ['submitted', 'abandoned'],
  submitted: ['decided'],
  decided: ['amending', 'closed'],
  amending: ['closed'],
  closed: [],
  abandoned: [],
};

/** Required invitees (INVITEES, reg 20(2)/21(2)), each satisfied by any of the roles listed. */
const REQUIRED_INVITEES: readonly {
  readonly label: string;
  readonly roles: readonly string[];
  /** An LA team configured to stand in for this invitee (`PolicyTeam.standsInFor`) satisfies it too. */
  readonly standIn?: 'social-care';
}[] = [
  { label: 'the parent or the young person', roles: ['parent', 'young-person'] },
  { label: 'the head or principal of the setting', roles: ['head-of-setting'] },
  { label: 'an LA SEN officer (the case coordinator)', roles: ['case-coordinator'] },
  { label: 'a health care professional', roles: ['health'] },
  { label: 'an LA social care officer', roles: ['social-care'], standIn: 'social-care' },
];

export function gateProblems(file: CaseFile, to: Stage, today: PlainDate, policy: LaPolicy): Problem[] {
  const review = file.review;
  const from: Stage = review?.stage ?? 'pending';
  if (!NEXT_STAGES[from].includes(to)) {
    return [{ where: 'stage', message: `a review at the ${from} stage cannot move to ${to}` }];
  }
  if (!review) return [];
  switch (to) {
    case 'pending':
    case 'arranging':
      return [];
    case 'contributing':
      return invitationProblems(review, today, policy);
    case 'meeting':
      return adviceProblems(review);
    case 'report':
      return meetingProblems(review, today);
    case 'submitted':
      return reportProblems(file, review);
    case 'decided':
      return review.decision ? [] : [{ where: 'decision', message: 'choose maintain, amend or cease' }];
    case 'amending':
      return amendingProblems(review);
    case 'closed':
      return closingProblems(review, policy);
    case 'abandoned':
      return [];
  }
}

/** Arrange -> contribute: the invitations go out (INVITE_NOTICE, INVITEES). */
function invitationProblems(review: Review, today: PlainDate, policy: LaPolicy): Problem[] {
  const problems: Problem[] = [];
  const meeting = review.meeting;
  if (!meeting) {
    problems.push({ where: 'meeting', message: 'set the date, time and venue of the meeting' });
  } else {
    if (!meeting.venue.trim() && !meeting.online) {
      problems.push({ where: 'meeting.venue', message: 'give a venue, or hold the meeting online in Teams' });
    }
    const inviteBy = addDays(meeting.on, -7 * policy.inviteNoticeWeeks);
    if (isAfter(today, inviteBy)) {
      problems.push({
        where: 'meeting.on',
        message: `invitations must go out at least ${policy.inviteNoticeWeeks} weeks before the meeting (INVITE_NOTICE): for a meeting on ${formatLong(meeting.on)} they were due by ${formatLong(inviteBy)}; choose a later date`,
      });
    }
  }
  const roles = new Set<string>(review.invitees.map((i) => i.person.role));
  const standIns = new Set(
    policy.alwaysInvite
      .filter((team) =>
        review.invitees.some((i) => i.person.email.toLowerCase() === team.email.toLowerCase()),
      )
      .flatMap((team) => (team.standsInFor ? [team.standsInFor] : [])),
  );
  for (const required of REQUIRED_INVITEES) {
    const stoodIn = required.standIn !== undefined && standIns.has(required.standIn);
    if (!stoodIn && !required.roles.some((role) => roles.has(role))) {
      problems.push({ where: 'invitees', message: `invite ${required.label} (INVITEES)` });
    }
  }
  const emails = new Set(review.invitees.map((i) => i.person.email.toLowerCase()));
  const removed = new Set((review.policyTeamsRemoved ?? []).map((r) => r.teamId));
  for (const team of policy.alwaysInvite) {
    if (!emails.has(team.email.toLowerCase()) && !removed.has(team.id)) {
      problems.push({
        where: 'invitees',
        message: `invite ${team.name}: the LA always invites this team (INVITEES)`,
      });
    }
  }
  return problems;
}

/**
 * Contribute -> meeting: advice sought from everyone it is to be requested from, every request answered
 * or closed, and some advice submitted (ADVICE_CIRCULATED, reg 20(4); seed: "You must request
 * information from all professionals listed and have either received the information or closed the
 * request to be able to progress to the meeting stage").
 */
function adviceProblems(review: Review): Problem[] {
  const problems: Problem[] = [];
  for (const invitee of review.invitees) {
    if (!invitee.requestInformation) continue;
    if (!review.adviceRequests.some((request) => request.inviteeId === invitee.id)) {
      problems.push({
        where: `invitees.${invitee.id}`,
        message: `request information from ${invitee.person.name} (ADVICE_CIRCULATED)`,
      });
    }
  }
  for (const request of review.adviceRequests) {
    if (request.state === 'requested' || request.state === 'accepted') {
      const invitee = review.invitees.find((i) => i.id === request.inviteeId);
      problems.push({
        where: `adviceRequests.${request.id}`,
        message: `the request to ${invitee?.person.name ?? 'an invitee'} is not answered or closed yet`,
      });
    }
  }
  if (!review.advice.some((a) => a.state === 'submitted')) {
    problems.push({ where: 'advice', message: 'at least one piece of advice must be submitted' });
  }
  return problems;
}

/** Meeting -> report: the meeting has taken place and the register is taken. */
function meetingProblems(review: Review, today: PlainDate): Problem[] {
  const problems: Problem[] = [];
  if (review.meeting && isAfter(review.meeting.on, today)) {
    problems.push({
      where: 'meeting.on',
      message: `the meeting is on ${formatLong(review.meeting.on)}, not yet`,
    });
  }
  if (!review.attendance.some((a) => a.present)) {
    problems.push({ where: 'attendance', message: 'record who attended the meeting' });
  }
  return problems;
}

/** Report -> submitted: every section complete (REPORT_DUE, PREPARING_FOR_ADULTHOOD, PERSONAL_BUDGET). */
function reportProblems(file: CaseFile, review: Review): Problem[] {
  const report = review.report;
  if (!report) return [{ where: 'report', message: 'write the report of the meeting' }];
  const problems: Problem[] = [];
  const required: [string, string][] = [
    ['report.setting.attendance', report.setting.attendance],
    ['report.setting.exclusions', report.setting.exclusions],
    ['report.transport', report.transport],
    ['report.personalBudget', report.personalBudget],
    ['report.summary', report.summary],
    ['report.agreedActions', report.agreedActions],
  ];
  for (const [where, text] of required) {
    if (!text.trim()) problems.push({ where, message: 'complete this section' });
  }
  const meetingOn = review.meeting?.on ?? review.startedOn;
  if (ncYearOn(file.case.child, meetingOn) >= 9 && !report.preparingForAdulthood?.trim()) {
    problems.push({
      where: 'report.preparingForAdulthood',
      message: 'from Year 9 the review must consider preparing for adulthood (PREPARING_FOR_ADULTHOOD)',
    });
  }
  for (const outcome of file.case.outcomes) {
    const agreed = report.outcomes.find((o) => o.outcomeId === outcome.id);
    if (!agreed?.agreedResponse.trim()) {
      problems.push({ where: `report.outcomes.${outcome.id}`, message: 'record the agreed response' });
    }
  }
  if (!report.recommendation) {
    problems.push({ where: 'report.recommendation', message: 'recommend maintain, amend or cease' });
  }
  return problems;
}

/** Decided -> amending: only on amend, with the proposal served (AMEND_PROPOSAL). */
function amendingProblems(review: Review): Problem[] {
  if (review.decision?.outcome !== 'amend') {
    return [{ where: 'decision', message: 'only a decision to amend leads to amending the plan' }];
  }
  return review.amendment
    ? []
    : [{ where: 'amendment.noticeOn', message: 'record when the proposal was served' }];
}

/** -> closed: maintain or cease closes at once; amend once the final plan is issued (AMEND_FINAL). */
function closingProblems(review: Review, policy: LaPolicy): Problem[] {
  if (review.decision?.outcome !== 'amend') return [];
  const amendment = review.amendment;
  if (!amendment?.finalIssuedOn) {
    return [{ where: 'amendment.finalIssuedOn', message: 'record when the final amended plan was issued' }];
  }
  const representationsEnd = addDays(amendment.noticeOn, policy.representationDays - 1);
  if (!isAfter(amendment.finalIssuedOn, representationsEnd)) {
    return [
      {
        where: 'amendment.finalIssuedOn',
        message: `the parent or young person has until ${formatLong(representationsEnd)} to make representations (AMEND_REPRESENTATIONS)`,
      },
    ];
  }
  return [];
}
