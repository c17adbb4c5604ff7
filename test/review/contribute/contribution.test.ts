import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import { contributionOf } from '../../../bot/src/review/contribute/contribution.ts';
import { d } from '../factories.ts';
import {
  accept,
  allocator,
  contributing,
  fullAdvice,
  health,
  pendingFile,
  people,
  policy,
  psychologistTeam,
  requestTo,
  senco,
  socialWorker,
  socialWorkerActor,
  TODAY,
} from './factories.ts';

const DS = 'ds@la.example';
const view = (file: CaseFile, actor = senco, today = TODAY) => contributionOf(file, [], actor, today, policy);

describe('the contribute page', () => {
  it('with no review started: nothing to show, and the gate says why', () => {
    const file = pendingFile();
    expect(view(file)).toEqual({
      stage: 'pending',
      outcomes: file.case.outcomes.map(({ id, area, text }) => ({ id, area, text })),
      canRequest: true,
      requests: [],
      index: [],
      advice: [],
      views: file.case.views,
      gate: [{ where: 'review', message: 'no review has been started' }],
      canProgress: false,
      warnings: [],
    });
  });

  it('shows each request to whom, and what this reader may do with it', () => {
    const file = contributing();
    const byEmail = (actor: typeof senco) =>
      Object.fromEntries(
        view(file, actor).requests.map((r) => [
          file.review?.invitees.find((i) => i.id === r.inviteeId)?.person.email,
          r.yours,
        ]),
      );
    // The SENCo records anyone's advice on their behalf; each contributor answers their own.
    expect(byEmail(senco)).toEqual({
      [people.coordinator.email]: 'record',
      [people.health.email]: 'record',
      [people.psychologist.email]: 'record',
      [DS]: 'record',
    });
    expect(byEmail(health)).toEqual({
      [people.coordinator.email]: undefined,
      [people.health.email]: 'answer',
      [people.psychologist.email]: undefined,
      [DS]: undefined,
    });
    expect(byEmail(allocator)[DS]).toBe('allocate');
    const request = view(file, health).requests.find((r) => r.yours === 'answer');
    expect(request).toEqual({
      id: requestTo(file, people.health.email).id,
      inviteeId: requestTo(file, people.health.email).inviteeId,
      to: people.health.name,
      state: 'requested',
      requestedOn: d('2025-01-06'),
      yours: 'answer',
      asked: true,
    });
  });

  it('once allocated, the allocator records on the professional’s behalf, who answers it themself', () => {
    const file = contributing();
    const ds = requestTo(file, DS);
    const allocated = accept(
      file,
      { type: 'allocateRequest', requestId: ds.id, professional: socialWorker },
      allocator,
    ).file;
    const shown = (actor: typeof senco) => view(allocated, actor).requests.find((r) => r.id === ds.id);
    expect(shown(allocator)).toMatchObject({ allocatedTo: 'Sol Worker', state: 'accepted', yours: 'record' });
    expect(shown(socialWorkerActor)?.yours).toBe('answer');
  });

  it('a request closed or declined shows its reason, and is no one’s to answer', () => {
    const file = contributing();
    const eps = requestTo(file, people.psychologist.email);
    const closed = accept(file, { type: 'closeRequest', requestId: eps.id, reason: 'Seen last month' }).file;
    const shown = view(closed, psychologistTeam).requests.find((r) => r.id === eps.id);
    expect(shown).toMatchObject({ state: 'closed', reason: 'Seen last month' });
    expect(shown?.yours).toBeUndefined();
    const declined = accept(
      file,
      { type: 'declineRequest', requestId: requestTo(file, people.health.email).id, reason: 'Not known' },
      health,
    ).file;
    expect(view(declined).requests.find((r) => r.state === 'declined')?.reason).toBe('Not known');
  });

  it('a request to someone no longer invited is shown as to a removed invitee', () => {
    const file = contributing();
    const review = file.review;
    if (!review) throw new Error('no review');
    const removed = {
      ...file,
      review: { ...review, invitees: review.invitees.filter((i) => i.person.email !== DS) },
    };
    expect(view(removed).requests.find((r) => r.id === requestTo(file, DS).id)?.to).toBe('a removed invitee');
  });

  it('ADVICE_CIRCULATED: the day to circulate by, and a warning only once it has passed while contributing', () => {
    const file = contributing();
    expect(view(file).adviceCirculatedBy).toBe('2025-02-17');
    expect(view(file, senco, d('2025-02-17')).warnings).toEqual([]);
    expect(view(file, senco, d('2025-02-18')).warnings).toEqual([
      { where: 'progressToMeeting', message: expect.stringContaining('17 February 2025') },
    ]);
    const meeting = {
      ...file,
      review: { ...(file.review as NonNullable<CaseFile['review']>), stage: 'meeting' as const },
    };
    expect(view(meeting, senco, d('2025-02-18')).warnings).toEqual([]);
    expect(view(meeting).gate).toEqual([]);
  });

  it('progress is open to the SENCo once the gate is clear, to no one else', () => {
    let file = contributing();
    expect(view(file).canProgress).toBe(false);
    expect(view(file).gate.length).toBeGreaterThan(0);
    const request = requestTo(file, people.health.email);
    file = accept(file, { type: 'submitAdvice', requestId: request.id, content: fullAdvice() }, health).file;
    for (const r of file.review?.adviceRequests ?? []) {
      if (r.state === 'requested')
        file = accept(file, { type: 'closeRequest', requestId: r.id, reason: 'Not needed' }).file;
    }
    expect(view(file)).toMatchObject({ gate: [], canProgress: true, stage: 'contributing' });
    expect(view(file).index.map((a) => a.state)).toEqual(['submitted']);
    expect(view(file, health).canProgress).toBe(false);
  });
});
