import { describe, expect, it } from 'vitest';
import { HOW_TO_ANSWER } from '../../../bot/src/review/arrange/calendar-effects.ts';
import { CANCEL_COMMENTS } from '../../../bot/src/review/arrange/decide-arrange.ts';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import { REMEMBERED_COMMANDS } from '../../../bot/src/review/command.ts';
import { decide } from '../../../bot/src/review/decide.ts';
import {
  type CalendarEffect,
  completed,
  type Effect,
  isCalendarEffect,
  lease,
  type OutboxEntry,
} from '../../../bot/src/review/outbox.ts';
import type { Actor } from '../../../bot/src/review/permissions.ts';
import { d } from '../factories.ts';
import {
  apply,
  arranged,
  DISABILITY,
  newId,
  otherSenco,
  pendingFile,
  people,
  policy,
  senco,
  sent,
  TODAY,
} from './factories.ts';

const AT = '2025-01-06T10:00:00.000Z';
const inviteId = (file: CaseFile) => file.outbox?.[0]?.effect.id ?? '';
/** The calendar's part of the outbox: the request cards sent with the invitations are another lane. */
const calendarOf = (file: CaseFile) =>
  (file.outbox ?? []).filter((e): e is OutboxEntry & { effect: CalendarEffect } =>
    isCalendarEffect(e.effect),
  );
const invitationIn = (effect: Effect | undefined) =>
  effect && isCalendarEffect(effect) ? effect.invitation : undefined;

function rejectedBy(file: CaseFile, command: object, actor: Actor = senco) {
  const decided = decide(file, { id: newId(), ...command } as never, actor, TODAY, policy);
  if (decided.ok) throw new Error('expected the command to be rejected');
  return decided;
}

describe('a command is done once, however often it is sent', () => {
  it('a repeated id changes nothing and answers as the first time', () => {
    const first = apply(pendingFile(), { id: 'start-0001', type: 'startReview' });
    const again = decide(first.file, { id: 'start-0001', type: 'startReview' }, senco, TODAY, policy);
    expect(again).toEqual({ ok: true, file: first.file, effects: [], result: first.result, repeated: true });
    expect(first.result.reviewId).toMatch(/^rv-860_CASE-0001-start-0001$/);
  });

  it('an id used for another command is refused, naming the id', () => {
    const first = apply(pendingFile(), { id: 'same-0001', type: 'startReview' });
    const reused = decide(first.file, { id: 'same-0001', type: 'sendInvitations' }, senco, TODAY, policy);
    expect(reused).toMatchObject({ ok: false, code: 'INVALID_INPUT', problems: [{ where: 'id' }] });
  });

  it(`the file remembers the last ${REMEMBERED_COMMANDS} commands, no more`, () => {
    let file = arranged();
    for (let i = 0; i < REMEMBERED_COMMANDS + 5; i += 1) {
      file = apply(file, {
        type: 'markRequestInformation',
        inviteeId: 'i1',
        requestInformation: i % 2 === 0,
      }).file;
    }
    expect(file.recentCommands).toHaveLength(REMEMBERED_COMMANDS);
  });
});

describe('who may arrange', () => {
  it('the SENCo of the setting may; a parent may not; a stranger is told there is no such case', () => {
    const parent: Actor = { email: 'pat@home.example', roles: [] };
    const stranger: Actor = {
      email: 'who@else.example',
      roles: [{ kind: 'senco', settingUrn: '999999', laCode: '860' }],
    };
    expect(rejectedBy(pendingFile(), { type: 'startReview' }, parent).code).toBe('NOT_ALLOWED');
    expect(rejectedBy(pendingFile(), { type: 'startReview' }, stranger).code).toBe('CASE_NOT_FOUND');
  });
});

describe('start review', () => {
  it('pre-fills the invitees from the last review and the teams LA policy always invites, with stable ids', () => {
    const { file } = apply(pendingFile(), { type: 'startReview' });
    expect(file.review?.invitees.map((i) => [i.id, i.person.email, i.policyTeamId])).toEqual([
      ['i1', people.parent.email, undefined],
      ['i2', people.head.email, undefined],
      ['i3', people.coordinator.email, undefined],
      ['i4', people.health.email, undefined],
      ['i5', people.psychologist.email, undefined],
      ['i6', DISABILITY.email, 'ds'],
    ]);
  });

  it('cannot start a second review', () => {
    const { file } = apply(pendingFile(), { type: 'startReview' });
    expect(rejectedBy(file, { type: 'startReview' }).code).toBe('WRONG_STAGE');
  });
});

describe('save meeting', () => {
  const started = () => apply(pendingFile(), { type: 'startReview' }).file;

  it('names each required field that is missing, and a meeting that ends before it starts', () => {
    expect(
      rejectedBy(started(), { type: 'saveMeeting', meeting: { venue: 'Hall', online: false } }).problems,
    ).toEqual([
      { where: 'meeting.on', message: 'required: the date of the meeting' },
      { where: 'meeting.startTime', message: 'required: HH:MM' },
      { where: 'meeting.endTime', message: 'required: HH:MM' },
    ]);
    const backwards = { on: d('2025-03-03'), startTime: '11:00', endTime: '10:00', venue: '', online: false };
    expect(rejectedBy(started(), { type: 'saveMeeting', meeting: backwards }).problems).toEqual([
      { where: 'meeting.endTime', message: 'the meeting must end after it starts' },
      { where: 'meeting.venue', message: 'required: a venue, unless the meeting is online in Teams' },
    ]);
  });

  it('two people changing different fields both land', () => {
    const file = arranged();
    const seen = file.review?.meeting;
    const a = apply(file, { type: 'saveMeeting', meeting: { ...seen, venue: 'Hall' }, seen }).file;
    const b = apply(
      a,
      { type: 'saveMeeting', meeting: { ...seen, startTime: '09:30' }, seen },
      { actor: otherSenco },
    );
    expect(b.file.review?.meeting).toMatchObject({ venue: 'Hall', startTime: '09:30', endTime: '11:00' });
  });

  it('two people changing the same field: the second is told which field, and nothing is lost', () => {
    const file = arranged();
    const seen = file.review?.meeting;
    const a = apply(file, { type: 'saveMeeting', meeting: { ...seen, venue: 'Hall' }, seen }).file;
    const conflict = decide(
      a,
      { id: newId(), type: 'saveMeeting', meeting: { ...seen, venue: 'Room 4' }, seen },
      otherSenco,
      TODAY,
      policy,
    );
    expect(conflict).toMatchObject({
      ok: false,
      code: 'EDIT_CONFLICT',
      problems: [{ where: 'meeting.venue', message: expect.stringContaining('"Hall"') }],
    });
  });

  it('saving what is stored changes nothing but remembers the command', () => {
    const file = arranged();
    const { file: after } = apply(file, { type: 'saveMeeting', meeting: { ...file.review?.meeting } });
    expect(after.review).toBe(file.review);
  });
});

describe('invitees', () => {
  it('an added invitee gets an id never used before, even after a removal', () => {
    const file = arranged();
    const added = apply(file, { type: 'addInvitee', person: people.socialCare });
    expect(added.result.inviteeId).toBe('i7');
    const removed = apply(added.file, { type: 'removeInvitee', inviteeId: 'i7' }).file;
    const again = apply(removed, {
      type: 'addInvitee',
      person: { ...people.socialCare, email: 'other@la.example' },
    });
    expect(again.result.inviteeId).toBe('i8');
    expect(again.file.review?.invitees.find((i) => i.id === 'i8')?.requestInformation).toBe(true);
  });

  it('the same person twice is refused, by email whatever its case', () => {
    const problems = rejectedBy(arranged(), {
      type: 'addInvitee',
      person: { ...people.parent, email: 'PAT@home.example' },
    }).problems;
    expect(problems).toEqual([{ where: 'person.email', message: 'pat@home.example is already invited' }]);
  });

  it('a team LA policy always invites is removed only with a reason, which the gate then accepts', () => {
    const file = apply(arranged(), { type: 'addInvitee', person: people.socialCare }).file;
    expect(rejectedBy(file, { type: 'removeInvitee', inviteeId: 'i6' }).problems[0]?.where).toBe('reason');
    const removed = apply(file, {
      type: 'removeInvitee',
      inviteeId: 'i6',
      reason: 'Not known to the service',
    }).file;
    expect(removed.review?.policyTeamsRemoved).toEqual([
      { teamId: 'ds', reason: 'Not known to the service', by: 'school/senco-oid', on: TODAY },
    ]);
    expect(apply(removed, { type: 'sendInvitations' }).file.review?.stage).toBe('contributing');
  });

  it('request information is marked per invitee', () => {
    const { file } = apply(arranged(), {
      type: 'markRequestInformation',
      inviteeId: 'i5',
      requestInformation: false,
    });
    expect(file.review?.invitees.find((i) => i.id === 'i5')?.requestInformation).toBe(false);
    expect(
      rejectedBy(file, { type: 'markRequestInformation', inviteeId: 'i99', requestInformation: true })
        .problems,
    ).toEqual([{ where: 'inviteeId', message: 'no invitee i99 on this review' }]);
  });
});

describe('confirm and send invitations', () => {
  it('is the gate: every problem is named, nothing changes', () => {
    const started = apply(pendingFile(), { type: 'startReview' }).file;
    const gate = rejectedBy(started, { type: 'sendInvitations' });
    expect(gate.code).toBe('STAGE_GATE');
    expect(gate.problems.map((p) => p.where)).toEqual(['meeting']);
  });

  it('puts one invite in the outbox with a fixed id, every invitee an attendee, and only the first name', () => {
    const { file, effects, result } = apply(arranged(), { type: 'sendInvitations' });
    const reviewId = file.review?.id ?? '';
    const requests = file.review?.adviceRequests ?? [];
    expect(requests.length).toBeGreaterThan(0);
    // The invite first, then one advice card for each request made as the invitations go out.
    expect(result.effectIds).toEqual([
      `${reviewId}:invite:1`,
      ...requests.map((_, n) => `${reviewId}:advice-request:${n + 2}`),
    ]);
    expect(effects.slice(1).map((e) => (e.kind === 'advice-request' ? e.requestId : e.kind))).toEqual(
      requests.map((r) => r.id),
    );
    expect(file.outbox).toEqual(effects.map((effect) => ({ effect, state: 'pending', attempts: 0 })));
    expect(file.review).toMatchObject({
      stage: 'contributing',
      invitationsSentOn: TODAY,
      invitation: {
        organiser: { mailbox: 'senco-oid', email: 'senco@school.example' },
        sentOn: TODAY,
        sequence: 0,
      },
    });
    const invitation = invitationIn(effects[0]);
    expect(invitation).toMatchObject({
      subject: 'Annual review meeting: Sam',
      start: '2025-03-03T10:00',
      end: '2025-03-03T11:00',
      timeZone: 'Europe/London',
      venue: 'Library',
      online: true,
      casePath: '#/cases/860/CASE-0001',
      sequence: 0,
    });
    expect(invitation?.attendees).toHaveLength(6);
    // Someone asked for advice is told how to answer: in Teams, "requests", or the contribute page.
    expect(invitation?.text).toContain(HOW_TO_ANSWER);
    expect(HOW_TO_ANSWER).toMatch(/"requests".*contribute page/);
    expect(JSON.stringify(invitation)).not.toContain('Fictional');
  });

  it('cannot be sent twice', () => {
    expect(rejectedBy(sent(), { type: 'sendInvitations' }).code).toBe('WRONG_STAGE');
  });
});

describe('edit after sending: everyone invited is told', () => {
  it('an invite not yet tried is changed instead: one event, with the latest details', () => {
    const file = sent();
    const { file: edited, effects } = apply(file, { type: 'saveMeeting', meeting: { venue: 'Hall' } });
    expect(effects).toEqual([]);
    expect(calendarOf(edited)).toHaveLength(1);
    expect(calendarOf(edited)[0]?.effect.invitation.venue).toBe('Hall');
  });

  it('once the invite is sent an update follows, SEQUENCE one more; a newer edit replaces an update not yet tried', () => {
    const file = sent();
    const done = completed(
      file,
      inviteId(file),
      { eventId: 'EV1', joinUrl: 'https://teams.example/j/1' },
      AT,
    );
    const first = apply(done, { type: 'saveMeeting', meeting: { venue: 'Hall' } });
    expect(first.effects.map((e) => [e.kind, invitationIn(e)?.sequence])).toEqual([['update', 1]]);
    const second = apply(first.file, { type: 'addInvitee', person: people.socialCare });
    expect(
      calendarOf(second.file).map((e) => [e.effect.kind, e.state, e.effect.invitation.sequence]),
    ).toEqual([
      ['invite', 'done', 0],
      ['update', 'pending', 2],
    ]);
    expect(calendarOf(second.file)[1]?.effect.invitation.attendees.map((a) => a.email)).toContain(
      people.socialCare.email,
    );
    expect(second.file.review?.meeting?.joinUrl).toBe('https://teams.example/j/1');
  });

  it('an invite answered without a join URL: the review says the Teams meeting is missing', () => {
    const file = sent();
    const done = completed(file, inviteId(file), { eventId: 'EV1' }, AT);
    expect(done.review?.invitation).toMatchObject({ eventId: 'EV1', teamsMeetingMissing: true });
  });
});

describe('abandon', () => {
  it('a draft: the review is deleted, nothing to cancel, the case back to its previous due date', () => {
    const { file, effects } = apply(arranged(), { type: 'abandonReview', reason: 'arranged-in-error' });
    expect(effects).toEqual([]);
    expect(file.review).toBeUndefined();
    expect(file.tombstones).toBeUndefined();
    expect(file.abandonedReviewIds).toHaveLength(1);
  });

  it('sent and untried: the invite is dropped, no event exists to cancel', () => {
    const { file, effects } = apply(sent(), { type: 'abandonReview', reason: 'duplicate' });
    expect(effects).toEqual([]);
    expect(file.outbox).toEqual([]);
  });

  it('sent: a cancel with the message goes out, a content-free tombstone stays until it is sent', () => {
    const file = sent();
    const reviewId = file.review?.id ?? '';
    const done = completed(file, inviteId(file), { eventId: 'EV1' }, AT);
    const { file: abandoned, effects } = apply(done, { type: 'abandonReview', reason: 'rearranging' });
    const seq = (file.outboxSeq ?? 0) + 1;
    expect(effects.map((e) => [e.kind, e.id])).toEqual([['cancel', `${reviewId}:cancel:${seq}`]]);
    expect(effects[0]).toMatchObject({ comment: CANCEL_COMMENTS.rearranging, invitation: { sequence: 1 } });
    expect(abandoned.tombstones).toEqual([
      { reviewId, by: 'school/senco-oid', on: TODAY, reason: 'rearranging', eventId: 'EV1' },
    ]);
    expect(abandoned.outbox?.map((e) => e.effect.kind)).toEqual(['cancel']);
    const cancelled = completed(abandoned, effects[0]?.id ?? '', {}, AT);
    expect(cancelled.tombstones).toEqual([]);
    expect(cancelled.outbox).toEqual([]);
  });

  it('while the invite is in flight: it is kept, and the event id it brings back reaches the cancel', () => {
    const file = sent();
    const leased = lease(file, inviteId(file), 'instance-a', '2025-01-06T10:01:00.000Z');
    const { file: abandoned } = apply(leased, { type: 'abandonReview', reason: 'rearranging' });
    expect(abandoned.outbox?.map((e) => e.effect.kind)).toEqual(['invite', 'cancel']);
    const done = completed(abandoned, inviteId(file), { eventId: 'EV9' }, AT);
    expect(done.tombstones?.[0]?.eventId).toBe('EV9');
    expect(done.outbox?.map((e) => e.effect.kind)).toEqual(['cancel']);
  });
});
