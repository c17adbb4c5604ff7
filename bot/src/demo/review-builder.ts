/**
 * Walks a demo case's review to a stage the way a SENCo and a case coordinator would, through the
 * domain's own steps (`startReview`, `moveTo`), so that every demo review has passed its gates.
 * FICTIONAL DATA, local mode only.
 */
import type { Person } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { adviceKey } from '../review/contribute/advice.ts';
import { ncYearOn } from '../review/nc-year.ts';
import { addDays, minDate, type PlainDate } from '../review/plain-date.ts';
import type { LaPolicy } from '../review/policy.ts';
import type {
  AdviceIndexEntry,
  AdviceRequest,
  Attendance,
  Meeting,
  Recommendation,
  Report,
  Review,
  Stage,
} from '../review/review.ts';
import { reached } from '../review/review.ts';
import { moveTo, type StepContext, startReview } from '../review/transitions.ts';

export interface ReviewPlan {
  readonly stage: Exclude<Stage, 'pending' | 'closed' | 'abandoned'>;
  /** The meeting day; none for a review still being arranged without a date. */
  readonly meetingOn?: PlainDate;
  /** At `contributing`: leave some advice requests unanswered. */
  readonly requestsOpen?: boolean;
  /** At `meeting`, after the meeting day: the register is not taken yet. */
  readonly registerTaken?: boolean;
  /** The team's request allocated to this professional (seed: "the team will then allocate"). */
  readonly allocatedTo?: Person;
  readonly recommendation?: Recommendation;
}

export interface Actors {
  /** The SENCo's account key, as a review's history records it. */
  readonly senco: string;
  readonly coordinator: string;
}

/** Everything a builder step needs: the day the demo is built for, who acts, and the LA's policy. */
export interface BuildContext {
  readonly today: PlainDate;
  readonly actors: Actors;
  readonly policy: LaPolicy;
}

/**
 * The case file with its review at `plan.stage`.
 *
 * @remarks Each step happens on a day that would pass its gate: invitations six weeks before the
 * meeting (at least two, INVITE_NOTICE), advice circulated two weeks before it (ADVICE_CIRCULATED), the
 * register on the meeting day, the report within two weeks (REPORT_DUE), the decision within four
 * (DECISION_DUE), and never after `today`. A step whose day would come after `today` has not happened.
 */
export function buildReview(file: CaseFile, plan: ReviewPlan, ctx: BuildContext): CaseFile {
  const { today, actors, policy } = ctx;
  const meetingOn = plan.meetingOn;
  const latestPast = addDays(today, -1);
  const startedOn = meetingOn ? minDate(addDays(meetingOn, -56), addDays(today, -3)) : addDays(today, -4);
  const senco = (on: PlainDate): StepContext => ({ today: on, by: actors.senco, policy });
  const la = (on: PlainDate): StepContext => ({ today: on, by: actors.coordinator, policy });

  let current = startReview(file, `rv-${file.case.caseId}`, senco(startedOn));
  if (!meetingOn) return current;
  current = withReview(current, { meeting: meetingAt(meetingOn, file) });
  if (plan.stage === 'arranging') return current;

  const invitedOn = minDate(addDays(meetingOn, -42), latestPast);
  current = moveTo(current, 'contributing', senco(invitedOn));
  const adviceDue = minDate(addDays(meetingOn, -15), latestPast);
  current = withReview(current, contributions(current, plan, invitedOn, adviceDue));
  if (plan.stage === 'contributing') return current;

  current = moveTo(current, 'meeting', senco(minDate(addDays(meetingOn, -14), latestPast)));
  if (plan.stage === 'meeting' && plan.registerTaken !== true) return current;
  current = withReview(current, { attendance: register(review(current)) });
  if (plan.stage === 'meeting') return current;

  current = moveTo(current, 'report', senco(meetingOn));
  const recommendation = plan.recommendation ?? 'maintain';
  const complete = reached(plan.stage, 'submitted');
  current = withReview(current, { report: reportOf(current, meetingOn, recommendation, complete) });
  if (plan.stage === 'report') return current;

  current = moveTo(current, 'submitted', senco(minDate(addDays(meetingOn, 10), today)));
  if (plan.stage === 'submitted') return current;

  const decidedOn = minDate(addDays(meetingOn, 24), today);
  current = withReview(current, {
    decision: {
      outcome: recommendation,
      decidedBy: actors.coordinator,
      notifiedOn: decidedOn,
      reason: DECISION_REASONS[recommendation],
    },
    ...(recommendation === 'amend' ? { amendment: { noticeOn: decidedOn } } : {}),
  });
  current = moveTo(current, 'decided', la(decidedOn));
  if (plan.stage === 'decided') return current;
  return moveTo(current, 'amending', la(decidedOn));
}

function review(file: CaseFile): Review {
  if (!file.review) throw new Error('the demo review was not started');
  return file.review;
}

function withReview(file: CaseFile, change: Partial<Review>): CaseFile {
  return { ...file, review: { ...review(file), ...change } };
}

function meetingAt(on: PlainDate, file: CaseFile): Meeting {
  const venue =
    file.case.settingUrn === '900001' ? 'Harbour Primary School, meeting room' : 'Fellside Academy, library';
  return { on, startTime: '09:30', endTime: '10:30', venue, online: true };
}

/**
 * The advice requests and the advice given. With `requestsOpen`, the health team's and the Disability
 * Service's requests are still waiting; otherwise the Disability Service closed its request after triage
 * (seed: "they will triage the cases to determine whether advice will be submitted") and the others
 * answered.
 */
function contributions(file: CaseFile, plan: ReviewPlan, requestedOn: PlainDate, submittedOn: PlainDate) {
  const current = review(file);
  const requests: AdviceRequest[] = [];
  const advice: AdviceIndexEntry[] = [];
  current.invitees
    .filter((invitee) => invitee.requestInformation)
    .forEach((invitee, index) => {
      const id = `r${index + 1}`;
      const person = invitee.person;
      const allocatedTo =
        person.isTeam && person.role === 'educational-psychologist' ? plan.allocatedTo : undefined;
      const base = { id, inviteeId: invitee.id, requestedOn, ...(allocatedTo ? { allocatedTo } : {}) };
      if (person.role === 'disability-service') {
        requests.push(
          plan.requestsOpen
            ? { ...base, state: 'requested' }
            : { ...base, state: 'closed', closedReason: 'Triage: no new advice from the Disability Service' },
        );
        return;
      }
      if (plan.requestsOpen && person.role === 'health') {
        requests.push({ ...base, state: 'accepted' });
        return;
      }
      requests.push({ ...base, state: 'submitted' });
      advice.push(adviceFrom(allocatedTo ?? person, id, submittedOn));
    });
  // The SENCo's own advice for the setting (seed: "Submitting advice from the setting"): still a
  // draft while other requests are open.
  const sencoInvitee = current.invitees.find((invitee) => invitee.person.role === 'senco');
  if (sencoInvitee) {
    advice.push(
      adviceFrom(sencoInvitee.person, undefined, submittedOn, plan.requestsOpen ? 'draft' : 'submitted'),
    );
  }
  const parentView = current.views.parent;
  const views = parentView
    ? {
        ...current.views,
        parent: {
          ...parentView,
          text: `${parentView.text} Since the last review we have seen more confidence at home.`,
          updatedOn: submittedOn,
        },
      }
    : current.views;
  return { adviceRequests: requests, advice, views };
}

/** The index entry of a piece of demo advice; its document is demo-advice.ts's. */
function adviceFrom(
  author: Person,
  requestId: string | undefined,
  submittedOn: PlainDate,
  state: 'draft' | 'submitted' = 'submitted',
): AdviceIndexEntry {
  return {
    id: adviceKey(requestId),
    ...(requestId ? { requestId } : {}),
    author,
    state,
    ...(state === 'submitted' ? { submittedOn } : {}),
  };
}

/** Everyone from the family and the setting was there, and the case coordinator. */
function register(current: Review): Attendance[] {
  const attending = new Set([
    'parent',
    'young-person',
    'head-of-setting',
    'senco',
    'case-coordinator',
    'named-staff',
  ]);
  return current.invitees.map((invitee) => ({
    inviteeId: invitee.id,
    present: attending.has(invitee.person.role),
  }));
}

/**
 * The report of the meeting. A draft (`complete` false) leaves the summary and agreed actions to write,
 * as a SENCo's working document would be a few days after the meeting.
 */
function reportOf(
  file: CaseFile,
  meetingOn: PlainDate,
  recommendation: Recommendation,
  complete: boolean,
): Report {
  const year = ncYearOn(file.case.child, meetingOn);
  return {
    setting: {
      attendance: '94.6% this academic year; no unauthorised absence.',
      exclusions: 'None.',
      details: 'Full-time place with the support set out in Section F.',
    },
    outcomes: file.case.outcomes.map((outcome) => ({
      outcomeId: outcome.id,
      agreedResponse: 'Agreed at the meeting: keep the outcome, with the provision increased as advised.',
    })),
    transport: 'No transport assistance; walks to school with a parent.',
    personalBudget:
      'The right to request a personal budget was explained; the family do not wish to request one.',
    ...(year >= 9
      ? {
          preparingForAdulthood:
            'Discussed college courses in animal care, travel training from Year 10, and a careers interview.',
        }
      : {}),
    significantChanges: { sen: 'None.', health: 'None.', socialCare: 'None.', newAdviceNeeded: false },
    recommendation,
    summary: complete ? SUMMARIES[recommendation] : '',
    agreedActions: complete
      ? 'SENCo to share the report with everyone invited; outcomes to be reviewed termly.'
      : '',
  };
}

const SUMMARIES: Record<Recommendation, string> = {
  maintain: 'Good progress against most outcomes; the plan remains appropriate and should be maintained.',
  amend: 'Needs have changed in communication and interaction; the outcomes and Section F should be amended.',
  cease: 'All outcomes achieved; the child now makes good progress with SEN support; the plan can cease.',
};

const DECISION_REASONS: Record<Recommendation, string> = {
  maintain: 'The plan remains appropriate, as the review recommended.',
  amend: 'The review showed changed needs; proposed amendments are enclosed.',
  cease: 'The outcomes have been achieved and the needs can be met with SEN support.',
};
