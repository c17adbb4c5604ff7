import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
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
