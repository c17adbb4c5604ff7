import type { CaseFile } from '../case-file.ts';
import { clockFor, type DueDate } from '../clock.ts';
import { latestSensibleMeeting, type RuledDate } from '../deadlines.ts';
import type { Problem } from '../errors.ts';
import { gateProblems } from '../gates.ts';
import { type CalendarEffect, type EffectState, isCalendarEffect } from '../outbox.ts';
import type { PlainDate } from '../plain-date.ts';
import type { LaPolicy } from '../policy.ts';
import type { Invitee, Meeting, SentInvitation, Stage } from '../review.ts';
import { type ArrangeWarning, arrangeWarnings, type BankHolidayOf } from './arrange-warnings.ts';

/** An invitee as the arrange page and card show them. */
export interface InviteeView {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: Invitee['person']['role'];
  readonly organisation?: string;
  readonly isTeam: boolean;
  readonly requestInformation: boolean;
  /** The name of the LA policy team this invitee was added for: removed only with a reason. */
  readonly alwaysInvited?: string;
}

/** One invitation sent (or to be sent): the outbox's record of it, without its content. */
export interface InvitationRecord {
  readonly id: string;
  readonly kind: CalendarEffect['kind'];
  readonly sequence: number;
  readonly state: EffectState;
  readonly attempts: number;
  readonly lastError?: { readonly code: string; readonly status?: number };
  readonly doneAt?: string;
}

/** Everything the arrange page and card show, from one case file on one day. */
export interface Arrangement {
  readonly stage: Stage;
  readonly reviewId?: string;
  readonly meeting?: Meeting;
  readonly invitees: readonly InviteeView[];
  readonly invitation?: SentInvitation;
  /** Never blocking (arrange-warnings.ts). */
  readonly warnings: readonly ArrangeWarning[];
  /** What stops "Confirm and send invitations" now (the gate); empty when it can be sent. */
  readonly sendProblems: readonly Problem[];
  /**
   * The dates the page shows: review by, the latest sensible meeting date (deadlines.ts, with its rule),
   * the last day to invite; and from the meeting, the rest of the timeline (advice, report, decision).
   */
  readonly dates: {
    readonly reviewBy?: DueDate;
    readonly latestMeeting?: RuledDate;
    readonly inviteBy?: DueDate;
    readonly adviceBy?: DueDate;
    readonly reportBy?: DueDate;
    readonly decisionBy?: DueDate;
  };
  readonly invitations: readonly InvitationRecord[];
}

/** The arrangement of `file`'s review on `today`. Pure: the tab may compute it too. */
export function arrangementOf(
  file: CaseFile,
  today: PlainDate,
  policy: LaPolicy,
  bankHolidayOf: BankHolidayOf,
): Arrangement {
  const review = file.review;
  const clock = clockFor(file, today, policy);
  const { review_by, invite_by, advice_by, report_by, decision_by } = clock.dates;
  const dates = {
    ...(review_by ? { reviewBy: review_by } : {}),
    latestMeeting: latestSensibleMeeting(clock, today, policy),
    ...(invite_by ? { inviteBy: invite_by } : {}),
    ...(advice_by ? { adviceBy: advice_by } : {}),
    ...(report_by ? { reportBy: report_by } : {}),
    ...(decision_by ? { decisionBy: decision_by } : {}),
  };
  if (!review)
    return { stage: 'pending', invitees: [], warnings: [], sendProblems: [], dates, invitations: [] };
  const teams = new Map(policy.alwaysInvite.map((team) => [team.id, team.name]));
  return {
    stage: review.stage,
    reviewId: review.id,
    ...(review.meeting ? { meeting: review.meeting } : {}),
    invitees: review.invitees.map((invitee) => {
      const { person } = invitee;
      const team = invitee.policyTeamId ? (teams.get(invitee.policyTeamId) ?? person.name) : undefined;
      return {
        id: invitee.id,
        name: person.name,
        email: person.email,
        role: person.role,
        ...(person.organisation ? { organisation: person.organisation } : {}),
        isTeam: person.isTeam === true,
        requestInformation: invitee.requestInformation,
        ...(team ? { alwaysInvited: team } : {}),
      };
    }),
    ...(review.invitation ? { invitation: review.invitation } : {}),
    warnings: arrangeWarnings(file, today, policy, bankHolidayOf),
    sendProblems: review.stage === 'arranging' ? gateProblems(file, 'contributing', today, policy) : [],
    dates,
    invitations: (file.outbox ?? []).flatMap((entry) => {
      const effect = entry.effect;
      if (effect.reviewId !== review.id || !isCalendarEffect(effect)) return [];
      return [
        {
          id: effect.id,
          kind: effect.kind,
          sequence: effect.invitation.sequence,
          state: entry.state,
          attempts: entry.attempts,
          ...(entry.lastError ? { lastError: entry.lastError } : {}),
          ...(entry.doneAt ? { doneAt: entry.doneAt } : {}),
        },
      ];
    }),
  };
}
