import type { Person } from '../case.ts';
import type { AbandonReason } from '../case-file.ts';
import type { PlainDate } from '../plain-date.ts';

/**
 * The commands of the arrange stage (seed: "Arrange the Annual Review"), each with its client-made id
 * (command.ts). Later stages add theirs beside these.
 */
export type ArrangeCommand =
  | StartReview
  | SaveMeeting
  | AddInvitee
  | RemoveInvitee
  | MarkRequestInformation
  | SendInvitations
  | AbandonReview;

interface CommandBase {
  /** Client-made, new for each user action (COMMAND_ID_PATTERN). */
  readonly id: string;
}

/** "Select the child/young person and click start review". */
export interface StartReview extends CommandBase {
  readonly type: 'startReview';
}

/** The meeting's fields as a form edits them. */
export interface MeetingFields {
  readonly on: PlainDate;
  /** `HH:MM`, Europe/London. */
  readonly startTime: string;
  readonly endTime: string;
  readonly venue: string;
  /** A Teams online meeting with the invite (on by default in the tab). */
  readonly online: boolean;
}
export const MEETING_FIELDS = ['on', 'startTime', 'endTime', 'venue', 'online'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

/**
 * "Add the date, time and venue"; "Save in draft", or an edit after the invitations went out (seed:
 * "the meeting details can be edited and saved, then the EHC Hub will update those who are invited").
 *
 * @remarks `seen` is the meeting as the client loaded it. A field the user did not change (the same as
 * seen) keeps whatever is stored now, so two people changing different fields both land; a field both
 * changed, to different values, is a conflict that names the field. Without `seen` the fields sent
 * replace the stored ones (an integrator that owns the meeting).
 */
export interface SaveMeeting extends CommandBase {
  readonly type: 'saveMeeting';
  readonly meeting: Partial<MeetingFields>;
  readonly seen?: Partial<MeetingFields>;
}

/** "+add parent, carer, guardian", "+ add professional", or a named member of staff. */
export interface AddInvitee extends CommandBase {
  readonly type: 'addInvitee';
  readonly person: Person;
  /** Whether advice is requested; professionals by default (seed: "ensure you click on 'request information'"). */
  readonly requestInformation?: boolean;
}

/** "Click the 'X' against the person"; a team LA policy always invites needs a reason. */
export interface RemoveInvitee extends CommandBase {
  readonly type: 'removeInvitee';
  readonly inviteeId: string;
  readonly reason?: string;
}

export interface MarkRequestInformation extends CommandBase {
  readonly type: 'markRequestInformation';
  readonly inviteeId: string;
  readonly requestInformation: boolean;
}

/** "Confirm and send invitations": the gate of the arrange stage. */
export interface SendInvitations extends CommandBase {
  readonly type: 'sendInvitations';
}

/** "Abandon a review you have arranged. You will be asked for a reason". */
export interface AbandonReview extends CommandBase {
  readonly type: 'abandonReview';
  readonly reason: AbandonReason;
}
