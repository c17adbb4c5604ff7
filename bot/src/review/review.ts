import type { AreaOfNeed, Person, Provision, View } from './case.ts';
import type { Organiser } from './outbox.ts';
import type { PlainDate } from './plain-date.ts';

/**
 * The stages of an annual review (DESIGN.md section 2).
 *
 * @remarks `pending` is a case whose review has not been started; `abandoned` can follow any stage
 * before `submitted`, and an abandoned review's content is deleted (seed: "all information will be
 * permanently deleted in relation to the annual review").
 */
export const STAGES = [
  'pending',
  'arranging',
  'contributing',
  'meeting',
  'report',
  'submitted',
  'decided',
  'amending',
  'closed',
  'abandoned',
] as const;
export type Stage = (typeof STAGES)[number];

/** Stages in which the review is live: something is still to be done. */
export const LIVE_STAGES: readonly Stage[] = STAGES.filter(
  (stage) => stage !== 'closed' && stage !== 'abandoned',
);

export function stageIndex(stage: Stage): number {
  return STAGE_INDEX.get(stage) ?? -1;
}

/** Each stage's place in {@link STAGES}: `reached` is asked several times per date of every clock. */
const STAGE_INDEX: ReadonlyMap<string, number> = new Map(STAGES.map((stage, i) => [stage, i]));

/** True when `stage` is `milestone` or later on the main path (abandoned is on no path). */
export function reached(stage: Stage, milestone: Stage): boolean {
  if (stage === 'abandoned') return false;
  return stageIndex(stage) >= stageIndex(milestone);
}

export interface Review {
  readonly id: string;
  readonly stage: Stage;
  readonly startedOn: PlainDate;
  readonly meeting?: Meeting;
  /** When the invitations went out (reg 20(3): at least 2 weeks before the meeting). */
  readonly invitationsSentOn?: PlainDate;
  readonly invitees: readonly Invitee[];
  /**
   * The number of the last invitee added: invitee ids are `i<number>` and never reused, so an id names
   * one person for the life of the review, whoever is added or removed after them.
   */
  readonly lastInviteeNumber?: number;
  readonly invitation?: SentInvitation;
  /** Teams LA policy always invites that were removed from this review, each with the reason. */
  readonly policyTeamsRemoved?: readonly PolicyTeamRemoved[];
  readonly adviceRequests: readonly AdviceRequest[];
  /** The index of the advice given (its content is in its own documents). */
  readonly advice: readonly AdviceIndexEntry[];
  readonly views: { readonly child?: View; readonly parent?: View };
  /** When the SENCo progressed to the meeting stage: advice was circulated then (reg 20(4)). */
  readonly progressedToMeetingOn?: PlainDate;
  readonly attendance: readonly Attendance[];
  readonly report?: Report;
  readonly reportSubmittedOn?: PlainDate;
  readonly decision?: Decision;
  readonly amendment?: Amendment;
  readonly closedOn?: PlainDate;
  readonly history: readonly StageChange[];
  /**
   * Set when the review was brought in by a case import from another system, which records the
   * meeting date but not each step before it.
   */
  readonly imported?: boolean;
}

export interface Meeting {
  readonly on: PlainDate;
  /** Local (Europe/London) wall-clock time, `HH:MM`. */
  readonly startTime: string;
  readonly endTime: string;
  readonly venue: string;
  /** Whether the invite carries a Teams online meeting. */
  readonly online: boolean;
  readonly joinUrl?: string;
}

export interface Invitee {
  readonly id: string;
  readonly person: Person;
  /** Whether advice is requested from this invitee (seed: "ensure you click on 'request information'"). */
  readonly requestInformation: boolean;
  /**
   * Invited because LA policy always invites this team (e.g. the Disability Service): the id of the
   * team in the LA's policy (`PolicyTeam.id`). Such an invitee is removed only with a reason.
   */
  readonly policyTeamId?: string;
}

export interface PolicyTeamRemoved {
  readonly teamId: string;
  readonly reason: string;
  /** An account key. */
  readonly by: string;
  readonly on: PlainDate;
}

/**
 * The calendar invitation of a review once it has been sent: the organiser's mailbox it lives in and
 * what the calendar answered.
 *
 * @remarks `sequence` counts the versions sent (iCalendar SEQUENCE: 0 for the invite, +1 for each
 * update); the event id and join URL arrive when the outbox's invite effect is done.
 */
export interface SentInvitation {
  readonly organiser: Organiser;
  readonly sentOn: PlainDate;
  readonly sequence: number;
  readonly eventId?: string;
  /**
   * Set when an online meeting was asked for and the calendar answered without a join URL (a mailbox
   * that cannot host Teams meetings answers `isOnlineMeeting: false`): the review says so.
   */
  readonly teamsMeetingMissing?: boolean;
}

export const REQUEST_STATES = ['requested', 'accepted', 'declined', 'submitted', 'closed'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

/** A request for advice sent to an invitee (or to a team's mailbox, which allocates a professional). */
export interface AdviceRequest {
  readonly id: string;
  readonly inviteeId: string;
  readonly state: RequestState;
  readonly requestedOn: PlainDate;
  /** The named professional a team allocated (seed: "once teams allocate a professional, their name will appear"). */
  readonly allocatedTo?: Person;
  /** The day the team allocated it: the allocator's receipt says "Allocated to <name> on <date>". */
  readonly allocatedOn?: PlainDate;
  readonly closedReason?: string;
  /** Why the team (or the professional) declined. */
  readonly declinedReason?: string;
  readonly declinedOn?: PlainDate;
  /** The last day the SENCo sent the request again. */
  readonly resentOn?: PlainDate;
}

export const PROGRESS = ['on-track', 'complete', 'not-on-track', 'not-able-to-comment'] as const;
export type Progress = (typeof PROGRESS)[number];

export interface OutcomeAdvice {
  readonly outcomeId: string;
  readonly progress: Progress;
  /** Supports the judgement; for `not-able-to-comment` it gives the reason. */
  readonly commentary: string;
  readonly recommendedChanges?: string;
  readonly provision?: readonly Provision[];
}

export interface NewOutcome {
  readonly area: AreaOfNeed;
  /** SMART: specific, measurable, achievable, realistic and timed. */
  readonly text: string;
  readonly provision: readonly Provision[];
}

/**
 * What the case file keeps of one piece of advice: who, its state and when it was submitted. The
 * advice itself is its own document (contribute/advice.ts), so a draft is private by construction and
 * a busy review does not grow the case file.
 */
export interface AdviceIndexEntry {
  readonly id: string;
  readonly requestId?: string;
  /** Whose advice it is: the professional asked (or allocated), or the setting's SENCo. */
  readonly author: Person;
  /** Who wrote it down when it was not the author (seed: "submitting information on behalf of someone else"). */
  readonly recordedBy?: Person;
  readonly state: 'draft' | 'submitted';
  readonly submittedOn?: PlainDate;
}

export interface Advice {
  readonly id: string;
  readonly requestId?: string;
  readonly author: Person;
  /** Set when the advice is submitted on behalf of someone else, recording who. */
  readonly onBehalfOf?: Person;
  readonly state: 'draft' | 'submitted';
  readonly outcomes: readonly OutcomeAdvice[];
  readonly newOutcomes: readonly NewOutcome[];
  readonly newNeeds: readonly { readonly area: AreaOfNeed; readonly description: string }[];
  readonly attachments: readonly AttachmentRef[];
  readonly submittedOn?: PlainDate;
}

/**
 * A supporting document's metadata; its bytes are in Blob storage under a key made of the review's id
 * and this random `id` alone (attachments/attachment-store.ts), so the key names no child.
 */
export interface AttachmentRef {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly size: number;
  /** The uploader's account key. */
  readonly uploadedBy: string;
  /** The uploader's name, as the page shows who attached it. */
  readonly uploaderName?: string;
  readonly uploadedOn: PlainDate;
}

export interface Attendance {
  readonly inviteeId?: string;
  /** An attendee who was not invited ("add attendee"). */
  readonly person?: Person;
  readonly present: boolean;
}

export const RECOMMENDATIONS = ['maintain', 'amend', 'cease'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

export interface Report {
  readonly setting: { readonly attendance: string; readonly exclusions: string; readonly details: string };
  readonly outcomes: readonly {
    readonly outcomeId: string;
    readonly agreedResponse: string;
    readonly disagreement?: string;
  }[];
  readonly transport: string;
  readonly personalBudget: string;
  readonly preparingForAdulthood?: string;
  readonly significantChanges: {
    readonly sen: string;
    readonly health: string;
    readonly socialCare: string;
    readonly newAdviceNeeded: boolean;
  };
  readonly recommendation?: Recommendation;
  readonly summary: string;
  readonly agreedActions: string;
}

export interface Decision {
  readonly outcome: Recommendation;
  readonly decidedBy: string;
  readonly notifiedOn: PlainDate;
  readonly reason: string;
}

export interface Amendment {
  /** The day the proposed amendments were served (reg 22(2)): representations run from it. */
  readonly noticeOn: PlainDate;
  readonly finalIssuedOn?: PlainDate;
}

export interface StageChange {
  readonly from: Stage;
  readonly to: Stage;
  readonly on: PlainDate;
  readonly by: string;
}

/** Everyone invited to `review`, and each professional a team allocated. */
export function participants(review: Review): Person[] {
  return [
    ...review.invitees.map((invitee) => invitee.person),
    ...review.adviceRequests.flatMap((request) => (request.allocatedTo ? [request.allocatedTo] : [])),
  ];
}
