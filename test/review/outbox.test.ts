import { describe, expect, it } from 'vitest';
import { completed, failed, lease, nextDue, outboxDueAt } from '../../bot/src/review/outbox.ts';
import { apply, people, sent } from './arrange/factories.ts';

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
});
