import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../bot/src/review/permissions.ts';
import {
  accept,
  contributing,
  fullAdvice,
  health,
  people,
  psychologistTeam,
  requestTo,
  run,
  senco,
} from './factories.ts';

describe('whose advice it is', () => {
  it('advice for a request the review does not have is refused, naming the request', () => {
    const decided = run(contributing(), { type: 'saveAdvice', requestId: 'r99', content: fullAdvice() });
    expect(decided).toMatchObject({ ok: false, code: 'INVALID_INPUT', problems: [{ where: 'requestId' }] });
  });

  it('a request asking no one (its invitee gone, no one allocated) takes no advice, even from the SENCo', () => {
    const base = contributing();
    const review = base.review;
    if (!review) throw new Error('no review');
    const request = requestTo(base, people.health.email);
    const file = {
      ...base,
      review: { ...review, invitees: review.invitees.filter((i) => i.id !== request.inviteeId) },
    };
    const decided = run(file, { type: 'saveAdvice', requestId: request.id, content: fullAdvice() }, senco);
    expect(decided).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });

  it('a SENCo who holds another role too is still named as the SENCo', () => {
    const both: Actor = { ...senco, roles: [...senco.roles, { kind: 'la-officer', laCode: '999' }] };
    const saved = accept(contributing(), { type: 'saveAdvice', content: fullAdvice() }, both);
    expect(saved.advice?.author.role).toBe('senco');
  });

  it('someone the directory gives neither a name nor an email is recorded as "unknown", with no email', () => {
    const anonymous: Actor = { ...senco, email: undefined };
    delete (anonymous as { email?: string }).email;
    const saved = accept(contributing(), { type: 'saveAdvice', content: fullAdvice() }, anonymous);
    expect(saved.advice?.author).toMatchObject({ name: 'unknown', email: '', role: 'senco' });
  });
});

describe('the case file’s index of advice', () => {
  it('holds one entry per piece of advice, each updated in its place', () => {
    const file = contributing();
    const h = requestTo(file, people.health.email);
    const p = requestTo(file, people.psychologist.email);
    const hDraft = accept(file, { type: 'saveAdvice', requestId: h.id, content: fullAdvice() }, health);
    const pDraft = accept(
      hDraft.file,
      { type: 'saveAdvice', requestId: p.id, content: fullAdvice() },
      psychologistTeam,
    );
    expect(pDraft.file.review?.advice.map((a) => [a.id, a.state])).toEqual([
      [h.id, 'draft'],
      [p.id, 'draft'],
    ]);
    const hSubmitted = accept(
      pDraft.file,
      { type: 'submitAdvice', requestId: h.id, content: fullAdvice() },
      health,
      hDraft.advice,
    );
    expect(hSubmitted.file.review?.advice.map((a) => [a.id, a.state])).toEqual([
      [h.id, 'submitted'],
      [p.id, 'draft'],
    ]);
  });
});
