import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import {
  type AdviceRequestCard,
  completed,
  dueEntries,
  effectId,
  enqueue,
  failed,
  isCalendarEffect,
  lease,
  nextDue,
  nextSeq,
  type OutboxEntry,
  outboxDueAt,
} from '../../bot/src/review/outbox.ts';
import { apply, pendingFile, people, sent as sentWithCards } from './arrange/factories.ts';
import { d } from './factories.ts';

/** Sent, with the calendar's lane alone (the request cards made with it are left out). */
function sent(): CaseFile {
  const file = sentWithCards();
  return { ...file, outbox: (file.outbox ?? []).filter((e) => isCalendarEffect(e.effect)) };
}

const T0 = '2025-01-06T10:00:00.000Z';
const T1 = '2025-01-06T10:01:00.000Z';
const T2 = '2025-01-06T10:02:00.000Z';
const T3 = '2025-01-06T10:03:00.000Z';

const entryOf = (file: CaseFile, id: string): OutboxEntry | undefined =>
  file.outbox?.find((e) => e.effect.id === id);
const idAt = (file: CaseFile, index: number): string => file.outbox?.[index]?.effect.id ?? '';
const THROTTLED = { code: 'throttled', status: 429 };

/** A review started, arranged and its invitations sent, on `file` (a case between reviews). */
function sendReview(file: CaseFile, options: { online?: boolean } = {}): CaseFile {
  const started = apply(file, { type: 'startReview' }).file;
  const meeting = { on: d('2025-03-03'), startTime: '10:00', endTime: '11:00', venue: 'Library' };
  const arranged = apply(started, {
    type: 'saveMeeting',
    meeting: { ...meeting, online: options.online ?? true },
  }).file;
  return apply(arranged, { type: 'sendInvitations' }).file;
}

describe('the outbox', () => {
  it('a new effect is due at once, and the store can index when', () => {
    const file = sent();
    expect(nextDue(file, T0)?.effect.kind).toBe('invite');
    expect(outboxDueAt(file)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('a leased effect is no one else’s until the lease ends; each lease counts an attempt', () => {
    const file = sent();
    const id = file.outbox?.[0]?.effect.id ?? '';
    const held = lease(file, id, 'instance-a', T1);
    expect(nextDue(held, T0)).toBeUndefined();
    expect(outboxDueAt(held)).toBe(T1);
    expect(nextDue(held, T2)?.attempts).toBe(1);
  });

  it('a failure waits for its retry time; without one it is given up, with its code', () => {
    const file = sent();
    const id = file.outbox?.[0]?.effect.id ?? '';
    const retrying = failed(lease(file, id, 'a', T1), id, { code: 'throttled', status: 429 }, T2);
    expect(nextDue(retrying, T1)).toBeUndefined();
    expect(nextDue(retrying, T2)?.lastError).toEqual({ code: 'throttled', status: 429 });
    const given = failed(retrying, id, { code: 'rejected', status: 400 }, undefined);
    expect(given.outbox?.[0]?.state).toBe('failed');
    expect(outboxDueAt(given)).toBeUndefined();
  });

  it('effects go out in order: an update waits for its invite', () => {
    const file = sent();
    const id = file.outbox?.[0]?.effect.id ?? '';
    const done = completed(lease(file, id, 'a', T1), id, { eventId: 'E' }, T0);
    const edited = apply(done, { type: 'addInvitee', person: people.socialCare }).file;
    const update = edited.outbox?.[1]?.effect.id ?? '';
    const held = lease(edited, update, 'a', T1);
    expect(nextDue(held, T0)).toBeUndefined();
    expect(completed(done, id, { eventId: 'OTHER' }, T2)).toBe(done);
  });

  it('a card is its own lane: a card waiting for a retry holds neither the invite nor another card', () => {
    const file = sentWithCards();
    const [invite, firstCard, secondCard] = file.outbox ?? [];
    expect([invite?.effect.kind, firstCard?.effect.kind, secondCard?.effect.kind]).toEqual([
      'invite',
      'advice-request',
      'advice-request',
    ]);
    const cardId = firstCard?.effect.id ?? '';
    const waiting = failed(lease(file, cardId, 'a', T1), cardId, { code: 'throttled', status: 429 }, T2);
    const due = dueEntries(waiting, T1).map((e) => e.effect.id);
    expect(due).toContain(invite?.effect.id);
    expect(due).toContain(secondCard?.effect.id);
    expect(due).not.toContain(cardId);
    // With the invite and the other cards done, the case is next due when the waiting card is.
    const others = (file.outbox ?? []).filter((e) => e.effect.id !== cardId);
    const rest = others.reduce((f, e) => completed(f, e.effect.id, { delivery: 'sent' }, T0), waiting);
    expect(outboxDueAt(rest)).toBe(T2);
    expect(rest.outbox?.find((e) => e.effect.id === secondCard?.effect.id)).toMatchObject({
      state: 'done',
      delivery: 'sent',
    });
  });

  it('a calendar effect waiting for a retry still holds the calendar effects after it, not the cards', () => {
    const file = sentWithCards();
    const inviteId = file.outbox?.[0]?.effect.id ?? '';
    const waiting = failed(lease(file, inviteId, 'a', T1), inviteId, { code: 'throttled', status: 429 }, T2);
    const due = dueEntries(waiting, T1);
    expect(due.some((e) => isCalendarEffect(e.effect))).toBe(false);
    expect(due.length).toBe((file.outbox ?? []).length - 1);
  });

  it('enqueuing nothing leaves the file as it was', () => {
    const file = pendingFile();
    expect(enqueue(file, [])).toEqual(file);
  });

  it('effect ids count up per case file: the next effect takes the seq after those just enqueued', () => {
    const file = sent();
    const seq = nextSeq(file);
    const card = (n: number): AdviceRequestCard => ({
      id: effectId('R1', 'advice-request', n),
      reviewId: 'R1',
      kind: 'advice-request',
      requestId: `Q${n}`,
      to: { team: { email: 'ep@la.example' } },
    });
    const after = enqueue(file, [card(seq), card(seq + 1)]);
    expect(nextSeq(after)).toBe(seq + 2);
    expect(after.outbox?.slice(-2).map((e) => [e.effect.id, e.state, e.attempts])).toEqual([
      [`R1:advice-request:${seq}`, 'pending', 0],
      [`R1:advice-request:${seq + 1}`, 'pending', 0],
    ]);
  });

  it('a file with no outbox has nothing due, and a report about an effect it does not hold changes nothing', () => {
    const file = pendingFile();
    expect(dueEntries(file, T0)).toEqual([]);
    expect(outboxDueAt(file)).toBeUndefined();
    expect(completed(file, 'R1:invite:1', { eventId: 'E' }, T0)).toBe(file);
    expect(lease(file, 'R1:invite:1', 'a', T1).outbox ?? []).toEqual([]);
  });

  it('an update waits while its invite is being retried', () => {
    const file = sent();
    const inviteId = idAt(file, 0);
    const retrying = failed(lease(file, inviteId, 'a', T1), inviteId, THROTTLED, T2);
    const edited = apply(retrying, { type: 'addInvitee', person: people.socialCare }).file;
    const calendar = (edited.outbox ?? []).filter((e) => isCalendarEffect(e.effect));
    expect(calendar.map((e) => [e.effect.kind, e.state])).toEqual([
      ['invite', 'pending'],
      ['update', 'pending'],
    ]);
    const due = dueEntries(edited, T2).filter((e) => isCalendarEffect(e.effect));
    expect(due.map((e) => e.effect.kind)).toEqual(['invite']);
  });

  it('an effect leased before its retry time is due only at the later of the two', () => {
    const file = sent();
    const id = idAt(file, 0);
    const retrying = failed(lease(file, id, 'a', T1), id, THROTTLED, T3);
    const early = lease(retrying, id, 'b', T2);
    expect(nextDue(early, T2)).toBeUndefined();
    expect(outboxDueAt(early)).toBe(T3);
    expect(nextDue(early, T3)?.effect.id).toBe(id);
  });

  it('the case is next due when its earliest lane is, whatever the order of the lanes', () => {
    const file = sentWithCards();
    const [inviteId, firstCard, secondCard] = [idAt(file, 0), idAt(file, 1), idAt(file, 2)];
    const inviteLater = failed(lease(file, inviteId, 'a', T1), inviteId, THROTTLED, T3);
    const cardSooner = failed(lease(inviteLater, firstCard, 'a', T1), firstCard, THROTTLED, T2);
    const others = (file.outbox ?? []).slice(2).map((e) => e.effect.id);
    expect(others[0]).toBe(secondCard);
    const rest = others.reduce((f, id) => completed(f, id, { delivery: 'sent' }, T0), cardSooner);
    expect(outboxDueAt(rest)).toBe(T2);
  });

  it('a card retried after reaching some of its recipients remembers each of them once', () => {
    const file = sentWithCards();
    const cardId = idAt(file, 1);
    const once = failed(lease(file, cardId, 'a', T1), cardId, THROTTLED, T2, ['t/rosa']);
    expect(entryOf(once, cardId)?.reached).toEqual(['t/rosa']);
    const twice = failed(lease(once, cardId, 'a', T2), cardId, THROTTLED, T3, ['t/owen', 't/rosa']);
    expect(entryOf(twice, cardId)?.reached).toEqual(['t/rosa', 't/owen']);
    const thrice = failed(
      lease(twice, cardId, 'a', T3),
      cardId,
      { code: 'rejected', status: 400 },
      undefined,
    );
    expect(entryOf(thrice, cardId)?.reached).toEqual(['t/rosa', 't/owen']);
    const inviteId = idAt(file, 0);
    const calendar = failed(lease(file, inviteId, 'a', T1), inviteId, THROTTLED, T2);
    expect(entryOf(calendar, inviteId)?.reached ?? []).toEqual([]);
  });
});

describe('what a done effect records in the file', () => {
  it('two abandoned reviews: an event id and a cancel each touch only their own review’s tombstone', () => {
    const first = sentWithCards();
    const firstInvite = idAt(first, 0);
    const inFlight = lease(first, firstInvite, 'a', T1);
    const firstAbandoned = apply(inFlight, { type: 'abandonReview', reason: 'rearranging' });
    const firstCancel = firstAbandoned.effects[0]?.id ?? '';
    const second = sendReview(firstAbandoned.file);
    const secondInvite = (second.outbox ?? []).find(
      (e) => e.effect.kind === 'invite' && e.effect.reviewId === second.review?.id,
    );
    const secondDone = completed(second, secondInvite?.effect.id ?? '', { eventId: 'EV-2' }, T0);
    const bothAbandoned = apply(secondDone, { type: 'abandonReview', reason: 'duplicate' }).file;
    const [firstId, secondId] = [first.review?.id, second.review?.id];
    expect(bothAbandoned.tombstones?.map((t) => [t.reviewId, t.eventId])).toEqual([
      [firstId, undefined],
      [secondId, 'EV-2'],
    ]);
    const answered = completed(bothAbandoned, firstInvite, { eventId: 'EV-1' }, T1);
    expect(answered.tombstones?.map((t) => [t.reviewId, t.eventId])).toEqual([
      [firstId, 'EV-1'],
      [secondId, 'EV-2'],
    ]);
    const cancelled = completed(answered, firstCancel, {}, T2);
    expect(cancelled.tombstones?.map((t) => [t.reviewId, t.eventId])).toEqual([[secondId, 'EV-2']]);
  });

  it('an update in flight when its review is abandoned leaves the cancel its event id', () => {
    const file = sent();
    const invited = completed(
      file,
      idAt(file, 0),
      { eventId: 'EV1', joinUrl: 'https://teams.example/j/1' },
      T0,
    );
    const edited = apply(invited, { type: 'saveMeeting', meeting: { venue: 'Hall' } });
    const updateId = edited.effects[0]?.id ?? '';
    const inFlight = lease(edited.file, updateId, 'a', T1);
    const abandoned = apply(inFlight, { type: 'abandonReview', reason: 'rearranging' }).file;
    expect(abandoned.tombstones?.map((t) => t.eventId)).toEqual(['EV1']);
    const answered = completed(abandoned, updateId, { joinUrl: 'https://teams.example/j/1' }, T1);
    expect(answered.tombstones?.map((t) => t.eventId)).toEqual(['EV1']);
    expect(answered.outbox?.map((e) => e.effect.kind)).toEqual(['cancel']);
  });

  it('an update answered without a link keeps the meeting’s Teams link; one with a link replaces it', () => {
    const file = sent();
    const invited = completed(
      file,
      idAt(file, 0),
      { eventId: 'EV1', joinUrl: 'https://teams.example/j/1' },
      T0,
    );
    expect(invited.review?.invitation?.teamsMeetingMissing).toBeUndefined();
    const edited = apply(invited, { type: 'saveMeeting', meeting: { venue: 'Hall' } });
    const updateId = edited.effects[0]?.id ?? '';
    const updated = completed(edited.file, updateId, {}, T1);
    expect(updated.review?.meeting?.joinUrl).toBe('https://teams.example/j/1');
    expect(updated.review?.invitation).toMatchObject({ eventId: 'EV1' });
    expect(updated.review?.invitation?.teamsMeetingMissing).toBeUndefined();
    const again = apply(updated, { type: 'saveMeeting', meeting: { venue: 'Gym' } });
    const relinked = completed(
      again.file,
      again.effects[0]?.id ?? '',
      { joinUrl: 'https://teams.example/j/2' },
      T2,
    );
    expect(relinked.review?.meeting?.joinUrl).toBe('https://teams.example/j/2');
  });

  it('a meeting in person needs no Teams link: its invite answered without one is not flagged', () => {
    const file = sendReview(pendingFile(), { online: false });
    const invite = (file.outbox ?? []).find((e) => e.effect.kind === 'invite');
    const done = completed(file, invite?.effect.id ?? '', { eventId: 'EV1' }, T0);
    expect(done.review?.invitation).toMatchObject({ eventId: 'EV1' });
    expect(done.review?.invitation?.teamsMeetingMissing).toBeUndefined();
    expect(done.review?.meeting?.joinUrl).toBeUndefined();
  });
});
