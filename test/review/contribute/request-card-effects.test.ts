import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import {
  askedOf,
  newRequestIds,
  requestCardEffects,
} from '../../../bot/src/review/contribute/request-card-effects.ts';
import type { AdviceRequestCard, Effect } from '../../../bot/src/review/outbox.ts';
import { d } from '../factories.ts';
import { accept, allocator, pendingFile, people, requestTo, run, senco, socialWorker } from './factories.ts';

const DS = 'ds@la.example';
const SENT_ON = d('2025-01-06');

function cardsOf(effects: readonly Effect[]): AdviceRequestCard[] {
  return effects.filter((e): e is AdviceRequestCard => e.kind === 'advice-request');
}

function arranged(): CaseFile {
  const started = accept(pendingFile(), { type: 'startReview' }, senco, undefined, SENT_ON).file;
  return accept(
    started,
    {
      type: 'saveMeeting',
      meeting: { on: d('2025-03-03'), startTime: '10:00', endTime: '11:00', venue: 'Library', online: true },
    },
    senco,
    undefined,
    SENT_ON,
  ).file;
}

describe('the advice card of each request goes into the outbox with it', () => {
  it('sending the invitations puts one card effect per request, to whoever it asks, and nothing personal beyond that', () => {
    const sent = accept(arranged(), { id: 'send-0001', type: 'sendInvitations' }, senco, undefined, SENT_ON);
    const review = sent.file.review;
    const cards = cardsOf(sent.effects);
    expect(cards.map((c) => c.requestId)).toEqual(review?.adviceRequests.map((r) => r.id));
    expect(cards.map((c) => c.id)).toEqual(cards.map((_, n) => `${review?.id}:advice-request:${n + 2}`));
    const coordinator = cards.find((c) => c.requestId === requestTo(sent.file, people.coordinator.email).id);
    expect(coordinator?.to).toEqual({ person: { email: people.coordinator.email } });
    // The Disability Service is a team: its allocators get the card.
    const team = cards.find((c) => c.requestId === requestTo(sent.file, DS).id);
    expect(team?.to).toEqual({ team: { email: DS } });
    expect(Object.keys(coordinator ?? {}).sort()).toEqual(['id', 'kind', 'requestId', 'reviewId', 'to']);
    expect(JSON.stringify(cards)).not.toContain('Sam');
    expect(sent.result.effectIds).toEqual(sent.effects.map((e) => e.id));
    expect(sent.file.outbox?.map((e) => e.effect)).toEqual(sent.effects);
  });

  it('the same command again emits nothing and changes nothing', () => {
    const first = accept(arranged(), { id: 'send-0002', type: 'sendInvitations' }, senco, undefined, SENT_ON);
    const again = accept(first.file, { id: 'send-0002', type: 'sendInvitations' }, senco, undefined, SENT_ON);
    expect(again.repeated).toBe(true);
    expect(again.effects).toEqual([]);
    expect(again.file.outbox).toEqual(first.file.outbox);
  });

  it('the SENCo sending a request again sends its card again, once per command', () => {
    const file = accept(arranged(), { type: 'sendInvitations' }, senco, undefined, SENT_ON).file;
    const request = requestTo(file, people.coordinator.email);
    const before = file.outbox?.length ?? 0;
    const resent = accept(file, { id: 'resend-0001', type: 'requestAdvice', inviteeId: request.inviteeId });
    const cards = cardsOf(resent.effects);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({
      requestId: request.id,
      to: { person: { email: people.coordinator.email } },
    });
    expect(resent.result.effectIds).toEqual([cards[0]?.id]);
    expect(resent.file.outbox).toHaveLength(before + 1);
    const repeat = accept(resent.file, {
      id: 'resend-0001',
      type: 'requestAdvice',
      inviteeId: request.inviteeId,
    });
    expect(repeat.effects).toEqual([]);
    expect(repeat.file.outbox).toHaveLength(before + 1);
  });

  it('an allocator naming a professional sends the card to that professional', () => {
    const file = accept(arranged(), { type: 'sendInvitations' }, senco, undefined, SENT_ON).file;
    const request = requestTo(file, DS);
    const allocated = accept(
      file,
      { type: 'allocateRequest', requestId: request.id, professional: socialWorker },
      allocator,
    );
    expect(cardsOf(allocated.effects)).toEqual([
      expect.objectContaining({ requestId: request.id, to: { person: { email: socialWorker.email } } }),
    ]);
  });

  it('a refused command emits nothing', () => {
    const file = accept(arranged(), { type: 'sendInvitations' }, senco, undefined, SENT_ON).file;
    const refused = run(file, { type: 'requestAdvice', inviteeId: 'i99' });
    expect(refused.ok).toBe(false);
    const closing = run(file, {
      type: 'closeRequest',
      requestId: requestTo(file, DS).id,
      reason: 'not needed',
    });
    expect(closing.ok && closing.effects).toEqual([]);
  });
});

describe('who a request’s card goes to', () => {
  const sent = () => accept(arranged(), { type: 'sendInvitations' }, senco, undefined, SENT_ON).file;

  it('a professional known by their account is reached by that account, their email in lower case', () => {
    const file = sent();
    const review = file.review;
    if (!review) throw new Error('no review');
    const request = {
      ...requestTo(file, DS),
      allocatedTo: {
        name: 'Sol Worker',
        email: 'Sol@LA.example',
        role: 'disability-service' as const,
        identity: { tenantId: 'la', objectId: 'sol-oid' },
      },
    };
    expect(askedOf(review, request)).toEqual({
      person: { identity: { tenantId: 'la', objectId: 'sol-oid' }, email: 'sol@la.example' },
    });
  });

  it('a request whose invitee is no longer on the review, or that is not there at all, sends no card', () => {
    const file = sent();
    const review = file.review;
    if (!review) throw new Error('no review');
    const request = requestTo(file, people.health.email);
    const without = { ...review, invitees: review.invitees.filter((i) => i.id !== request.inviteeId) };
    expect(askedOf(without, request)).toBeUndefined();
    expect(requestCardEffects({ ...file, review: without }, [request.id], 1)).toEqual([]);
    expect(requestCardEffects(file, ['r99'], 1)).toEqual([]);
    // An unknown request takes no number: the next card is numbered as if it were not asked for.
    expect(requestCardEffects(file, ['r99', request.id], 7)).toEqual(
      requestCardEffects(file, [request.id], 7),
    );
    expect(requestCardEffects(file, [request.id], 7)).toHaveLength(1);
  });

  it('a case with no review has no requests and sends no cards', () => {
    const file = pendingFile();
    expect(requestCardEffects(file, ['r1'], 1)).toEqual([]);
    expect(newRequestIds(file, file)).toEqual([]);
    expect(newRequestIds(file, sent())).toEqual(['r1', 'r2', 'r3', 'r4']);
  });
});
