import { describe, expect, it } from 'vitest';
import { invitationOf, queueUpdate } from '../../../bot/src/review/arrange/calendar-effects.ts';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import {
  type CalendarEffect,
  type Effect,
  isCalendarEffect,
  type OutboxEntry,
} from '../../../bot/src/review/outbox.ts';
import { makeCase, makeFile, makeMeeting, makeReview, requiredInvitees } from '../factories.ts';

/** The effect, known to be a calendar one (what these rules queue). */
function calendar(effect: Effect): CalendarEffect {
  if (!isCalendarEffect(effect)) throw new Error(`not a calendar effect: ${effect.kind}`);
  return effect;
}

const organiser = { mailbox: 'senco-oid', email: 'senco@school.example' };
const meeting = makeMeeting('2025-03-03');
const review = makeReview({
  id: 'rv-1',
  stage: 'contributing',
  meeting,
  invitees: requiredInvitees(),
  invitation: { organiser, sentOn: meeting.on, sequence: 0 },
});

function entry(
  reviewId: string,
  kind: 'invite' | 'update',
  state: OutboxEntry['state'],
  seq = 1,
): OutboxEntry {
  return {
    effect: {
      id: `${reviewId}:${kind}:${seq}`,
      reviewId,
      kind,
      invitation: invitationOf(makeCase(), review, meeting, organiser, 0),
    },
    state,
    attempts: state === 'pending' ? 0 : 1,
  };
}

describe('the calendar invitation', () => {
  it('names the child by first name only, however the name is spaced', () => {
    const spaced = makeCase({
      child: { name: '  Sam   Fictional ', dateOfBirth: makeCase().child.dateOfBirth },
    });
    expect(invitationOf(spaced, review, meeting, organiser, 0).subject).toBe('Annual review meeting: Sam');
  });

  it('is one event per review, whatever is sent: its uid is the review’s', () => {
    expect(invitationOf(makeCase(), review, meeting, organiser, 3).uid).toBe('rv-1@ehc-review-hub');
  });
});

describe('an edit after the invitations went out', () => {
  it('with nothing left in the outbox, sends an update numbered after the last effect', () => {
    const file: CaseFile = { ...makeFile({}, review), outboxSeq: 4 };
    const { effects, file: after } = queueUpdate(file, review);
    expect(effects.map(calendar).map((e) => [e.id, e.kind, e.invitation.sequence])).toEqual([
      ['rv-1:update:5', 'update', 1],
    ]);
    expect(after.review?.invitation?.sequence).toBe(1);
  });

  it("changes this review's untried invite, and leaves another review's effects as they are", () => {
    const other = entry('rv-0', 'invite', 'done');
    const ours = entry('rv-1', 'invite', 'pending', 2);
    const edited = { ...review, meeting: { ...meeting, venue: 'Hall' } };
    const { effects, file } = queueUpdate({ ...makeFile({}, review), outbox: [other, ours] }, edited);
    expect(effects).toEqual([]);
    expect(file.outbox?.map((e) => [e.effect.id, calendar(e.effect).invitation.venue])).toEqual([
      ['rv-0:invite:1', 'School library'],
      ['rv-1:invite:2', 'Hall'],
    ]);
  });

  it("does not take another review's untried invite or update for this one's", () => {
    const otherInvite = entry('rv-0', 'invite', 'pending');
    const otherUpdate = entry('rv-0', 'update', 'pending', 2);
    const ours = entry('rv-1', 'invite', 'done', 3);
    const file: CaseFile = {
      ...makeFile({}, review),
      outbox: [otherInvite, otherUpdate, ours],
      outboxSeq: 3,
    };
    const { effects, file: after } = queueUpdate(file, { ...review, meeting: { ...meeting, venue: 'Hall' } });
    expect(effects.map((e) => e.id)).toEqual(['rv-1:update:4']);
    expect(after.outbox).toEqual([otherInvite, otherUpdate, ours]);
  });
});
