import type { AdviceContent } from './advice.ts';
import type { DocumentType } from './attachment.ts';

/**
 * The commands of the contribute stage (seeds: "Contribute Views"), each with its client-made id
 * (command.ts).
 */
export type ContributeCommand =
  | RequestAdvice
  | CloseRequest
  | AcceptRequest
  | DeclineRequest
  | AllocateRequest
  | SaveAdvice
  | SubmitAdvice
  | AttachDocument
  | RecordViews
  | ProgressToMeeting;

interface CommandBase {
  readonly id: string;
}

/**
 * "Select 'request information'" for an invitee, or send an open, declined or closed request again.
 * Only invitees can be asked (seed: "if you need to request advice from another team, you will need
 * to go back to the 'arrange' stage and invite them").
 */
export interface RequestAdvice extends CommandBase {
  readonly type: 'requestAdvice';
  readonly inviteeId: string;
}

/** The SENCo closes a request that will not be answered, saying why. */
export interface CloseRequest extends CommandBase {
  readonly type: 'closeRequest';
  readonly requestId: string;
  readonly reason: string;
}

/** The professional asked, or the team's allocator, accepts the request. */
export interface AcceptRequest extends CommandBase {
  readonly type: 'acceptRequest';
  readonly requestId: string;
}

/** The professional asked, or the team's allocator, declines, saying why. */
export interface DeclineRequest extends CommandBase {
  readonly type: 'declineRequest';
  readonly requestId: string;
  readonly reason: string;
}

/** A team's allocator names the professional who will give the advice (seed: "their name will appear"). */
export interface AllocateRequest extends CommandBase {
  readonly type: 'allocateRequest';
  readonly requestId: string;
  readonly professional: { readonly name: string; readonly email: string };
}

/**
 * "Save changes": the whole form as it stands. `requestId` names the request answered; without it the
 * advice is the setting's own (seed: "Submitting advice from the setting (SENCo)").
 */
export interface SaveAdvice extends CommandBase {
  readonly type: 'saveAdvice';
  readonly requestId?: string;
  readonly content: AdviceContent;
}

/** Submits the advice: every outcome judged, each with commentary. */
export interface SubmitAdvice extends CommandBase {
  readonly type: 'submitAdvice';
  readonly requestId?: string;
  readonly content: AdviceContent;
}

/**
 * Attaches a supporting document to a piece of advice (the request's, or the setting's own). Its bytes
 * are stored first under the random `attachmentId`; the document's type is what its content is.
 *
 * @remarks Still allowed at the meeting stage, when advice is not (DESIGN.md section 2: "no more
 * advice; documents can still be attached"): the advice's content never changes once submitted, but
 * its attachments may grow.
 */
export interface AttachDocument extends CommandBase {
  readonly type: 'attachDocument';
  readonly requestId?: string;
  readonly attachmentId: string;
  readonly fileName: string;
  readonly documentType: DocumentType;
  readonly size: number;
}

export const VIEW_HOLDERS = ['child', 'parent'] as const;
export type ViewHolder = (typeof VIEW_HOLDERS)[number];

/**
 * The child's or the parent's views, carried from the last plan and updated by them or recorded on
 * their behalf (seed: "if not, the SENCo is able to complete on their behalf").
 */
export interface RecordViews extends CommandBase {
  readonly type: 'recordViews';
  readonly whose: ViewHolder;
  readonly text: string;
  /** Whose views these are, when the person recording them is someone else: their name. */
  readonly onBehalfOf?: string;
}

/** "Progress to meeting": the gate of the contribute stage; advice is circulated then (reg 20(4)). */
export interface ProgressToMeeting extends CommandBase {
  readonly type: 'progressToMeeting';
}
