import { caseKey, type EhcCase } from '../case.ts';
import type { CaseFile } from '../case-file.ts';
import {
  type CalendarInvite,
  type Effect,
  effectId,
  type InvitationContent,
  isUntouched,
  nextSeq,
  type Organiser,
  type OutboxEntry,
} from '../outbox.ts';
import type { Meeting, Review } from '../review.ts';

/**
 * How someone asked for advice answers (issue 9): the card comes into their Teams chat with the bot
 * when they have one; otherwise "requests" there lists it, and the case's contribute page has it.
 */
export const HOW_TO_ANSWER =
  'If you are asked for advice, answer it in Teams: the request comes to your chat with the EHC Review Hub app, and sending "requests" in that chat lists it. You can also answer on the case\'s contribute page, linked below.';

/**
 * The calendar invitation of `review` as it stands: every invitee as an attendee, the venue, and a
 * text that says what the meeting is and links to the case.
 *
 * @remarks The invite goes to mailboxes outside the school (parents, other agencies' teams), so it
 * names the child by first name only and gives no other detail; everything else is behind the case
 * link, where access is checked (permissions.ts).
 */
export function invitationOf(
  ehcCase: EhcCase,
  review: Review,
  meeting: Meeting,
  organiser: Organiser,
  sequence: number,
): InvitationContent {
  // Stryker disable next-line Regex,StringLiteral: after trim() the first word is the same split on one space or many, and split always gives at least one element
  const firstName = ehcCase.child.name.trim().split(/\s+/)[0] ?? '';
  return {
    organiser,
    uid: `${review.id}@ehc-review-hub`,
    sequence,
    subject: `Annual review meeting: ${firstName}`,
    text:
      `You are invited to the annual review meeting of ${firstName}'s EHC plan. ` +
      `${HOW_TO_ANSWER} ` +
      'The case, the advice asked for and the papers are in EHC Review Hub:',
    casePath: `#/cases/${encodeURIComponent(ehcCase.laCode)}/${encodeURIComponent(ehcCase.caseId)}`,
    start: `${meeting.on}T${meeting.startTime}`,
    end: `${meeting.on}T${meeting.endTime}`,
    timeZone: 'Europe/London',
    venue: meeting.venue,
    online: meeting.online,
    attendees: review.invitees.map((invitee) => ({
      name: invitee.person.name,
      email: invitee.person.email,
    })),
  };
}

/** The case's key inside an effect id never holds a `/`: reviews ids are made here (arrange/start.ts). */
export function reviewIdFor(ehcCase: EhcCase, commandId: string): string {
  return `rv-${caseKey(ehcCase).replace(/[^A-Za-z0-9_-]/g, '_')}-${commandId}`;
}

/**
 * After an edit to a review whose invitations went out: every invitee is told (seed: "the EHC Hub will
 * update those who are invited").
 *
 * @remarks If the invite itself has not been tried yet, it is changed instead (one event, the latest
 * details); an update nobody has started is dropped for the newer one, since each update sends the
 * whole invitation. An effect already tried is never changed: the calendar may have it (Graph keeps the
 * first body for a `transactionId`).
 */
export function queueUpdate(file: CaseFile, review: Review): { file: CaseFile; effects: Effect[] } {
  const invitation = review.invitation;
  if (!invitation || !review.meeting) return { file: { ...file, review }, effects: [] };
  const outbox = file.outbox ?? [];
  const invite = outbox.find(
    (e): e is OutboxEntry & { readonly effect: CalendarInvite } =>
      e.effect.reviewId === review.id &&
      // Stryker disable next-line ConditionalExpression: a review's invite is always its first entry in the outbox
      e.effect.kind === 'invite',
  );
  if (invite && isUntouched(invite)) {
    const content = invitationOf(file.case, review, review.meeting, invitation.organiser, 0);
    const changed: OutboxEntry = { ...invite, effect: { ...invite.effect, invitation: content } };
    return {
      file: { ...file, review, outbox: outbox.map((e) => (e === invite ? changed : e)) },
      effects: [],
    };
  }
  const sequence = invitation.sequence + 1;
  const seq = nextSeq(file);
  const effect: Effect = {
    id: effectId(review.id, 'update', seq),
    reviewId: review.id,
    kind: 'update',
    invitation: invitationOf(file.case, review, review.meeting, invitation.organiser, sequence),
  };
  const kept = outbox.filter(
    (e) =>
      !(
        e.effect.reviewId === review.id &&
        // Stryker disable next-line ConditionalExpression: the only untried entry a review can have here is an update (an untried invite was changed in place above)
        e.effect.kind === 'update' &&
        isUntouched(e)
      ),
  );
  return {
    file: { ...file, outbox: kept, review: { ...review, invitation: { ...invitation, sequence } } },
    effects: [effect],
  };
}
