import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import {
  completed,
  dueEntries,
  failed,
  isCalendarEffect,
  lease,
  nextDue,
  outboxDueAt,
} from '../../bot/src/review/outbox.ts';
import { apply, people, sent as sentWithCards } from './arrange/factories.ts';

/** Sent, with the calendar's lane alone (the request cards made with it are left out). */
function sent(): CaseFile {
  const file = sentWithCards();
  return { ...file, outbox: (file.outbox ?? []).filter((e) => isCalendarEffect(e.effect)) };
}

const T0 = '2025-01-06T10:00:00.000Z';
const T1 = '2025-01-06T10:01:00.000Z';
const T2 = '2025-01-06T10:02:00.000Z';

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
});
