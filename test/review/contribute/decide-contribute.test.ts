import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import { NO_MORE_ADVICE, ONLY_INVITEES } from '../../../bot/src/review/contribute/decide-contribute.ts';
import { relationsTo } from '../../../bot/src/review/permissions.ts';
import { d } from '../factories.ts';
import {
  accept,
  allocator,
  contributing,
  fullAdvice,
  health,
  parentActor,
  people,
  psychologistTeam,
  requestTo,
  run,
  senco,
  socialWorker,
  socialWorkerActor,
  stranger,
  TODAY,
} from './factories.ts';

const DS = 'ds@la.example';

/** Health submits its advice; the other requests stay open. */
function withHealthAdvice(file: CaseFile = contributing()) {
  const request = requestTo(file, people.health.email);
  return accept(file, { type: 'submitAdvice', requestId: request.id, content: fullAdvice() }, health);
}

describe('requests go out with the invitations', () => {
  it('every invitee marked "request information" is asked, and no one else', () => {
    const file = contributing();
    const asked = file.review?.adviceRequests.map((r) => {
      const invitee = file.review?.invitees.find((i) => i.id === r.inviteeId);
      return [invitee?.person.email, r.state, r.requestedOn];
    });
    expect(asked).toEqual([
      [people.coordinator.email, 'requested', d('2025-01-06')],
      [people.health.email, 'requested', d('2025-01-06')],
      [people.psychologist.email, 'requested', d('2025-01-06')],
      [DS, 'requested', d('2025-01-06')],
    ]);
  });

  it('a team’s request reaches the allocator the LA’s directory names for its mailbox, and only that team’s', () => {
    const file = contributing();
    expect(relationsTo(allocator, file)).toEqual(['allocator']);
    const other = {
      ...allocator,
      roles: [{ kind: 'allocator', laCode: '860', teamEmail: 'x@la.example' }],
    } as const;
    expect(relationsTo(other, file)).toEqual([]);
    const otherLa = { ...allocator, roles: [{ kind: 'allocator', laCode: '861', teamEmail: DS }] } as const;
    expect(relationsTo(otherLa, file)).toEqual([]);
  });

  it('only invitees can be asked, in the seed’s words', () => {
    const decided = run(contributing(), { type: 'requestAdvice', inviteeId: 'i99' });
    expect(decided).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!decided.ok && decided.problems).toEqual([{ where: 'inviteeId', message: ONLY_INVITEES }]);
  });

  it('asking an invitee not yet asked makes a request and marks them', () => {
    const file = contributing();
    const parentInvitee = file.review?.invitees.find((i) => i.person.role === 'parent');
    const next = accept(file, { type: 'requestAdvice', inviteeId: parentInvitee?.id });
    expect(next.result.requestId).toBe('r5');
    expect(next.file.review?.invitees.find((i) => i.id === parentInvitee?.id)?.requestInformation).toBe(true);
  });

  it('the SENCo closes a request with a reason, and re-sends it, which opens it again', () => {
    const file = contributing();
    const request = requestTo(file, people.psychologist.email);
    expect(run(file, { type: 'closeRequest', requestId: request.id, reason: '  ' })).toMatchObject({
      ok: false,
      problems: [{ where: 'reason' }],
    });
    const closed = accept(file, { type: 'closeRequest', requestId: request.id, reason: 'Seen last month' });
    expect(requestTo(closed.file, people.psychologist.email)).toMatchObject({
      state: 'closed',
      closedReason: 'Seen last month',
    });
    const resent = accept(closed.file, { type: 'requestAdvice', inviteeId: request.inviteeId });
    const again = requestTo(resent.file, people.psychologist.email);
    expect(again).toMatchObject({ id: request.id, state: 'requested', resentOn: d('2025-01-20') });
    expect(again.closedReason).toBeUndefined();
  });

  it('only the SENCo requests and closes', () => {
    const file = contributing();
    const request = requestTo(file, people.psychologist.email);
    expect(run(file, { type: 'closeRequest', requestId: request.id, reason: 'x' }, health)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
  });
});

describe('a team’s allocator', () => {
  it('allocates a named professional, whose name then shows on the review and who may now answer', () => {
    const file = contributing();
    const request = requestTo(file, DS);
    expect(relationsTo(socialWorkerActor, file)).toEqual([]);
    const allocated = accept(
      file,
      { type: 'allocateRequest', requestId: request.id, professional: socialWorker },
      allocator,
    );
    expect(requestTo(allocated.file, DS)).toMatchObject({
      state: 'accepted',
      allocatedTo: { name: 'Sol Worker', email: 'sol@la.example', role: 'disability-service' },
      allocatedOn: TODAY,
    });
    expect(relationsTo(socialWorkerActor, allocated.file)).toEqual(['invitee', 'contributor']);
    const submitted = accept(
      allocated.file,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      socialWorkerActor,
    );
    expect(submitted.advice).toMatchObject({ author: { email: 'sol@la.example' }, state: 'submitted' });
    expect(submitted.advice?.recordedBy).toBeUndefined();
  });

  it('a professional with no email address is refused, naming the field', () => {
    const request = requestTo(contributing(), DS);
    const decided = run(
      contributing(),
      { type: 'allocateRequest', requestId: request.id, professional: { name: 'Sol', email: 'sol' } },
      allocator,
    );
    expect(!decided.ok && decided.problems).toEqual([
      { where: 'professional.email', message: 'give the professional’s email address' },
    ]);
  });

  it('declines with a reason, and accepts', () => {
    const file = contributing();
    const request = requestTo(file, DS);
    expect(run(file, { type: 'declineRequest', requestId: request.id, reason: '' }, allocator)).toMatchObject(
      {
        ok: false,
        problems: [{ where: 'reason' }],
      },
    );
    const declined = accept(
      file,
      { type: 'declineRequest', requestId: request.id, reason: 'Not known to the service' },
      allocator,
    );
    expect(requestTo(declined.file, DS)).toMatchObject({
      state: 'declined',
      declinedReason: 'Not known to the service',
      declinedOn: TODAY,
    });
    expect(
      requestTo(accept(file, { type: 'acceptRequest', requestId: request.id }, allocator).file, DS).state,
    ).toBe('accepted');
    // Sent again by the SENCo, a declined request is open once more, its reason and day gone.
    const again = requestTo(
      accept(declined.file, { type: 'requestAdvice', inviteeId: request.inviteeId }, senco).file,
      DS,
    );
    expect(again.state).toBe('requested');
    expect(again.declinedReason).toBeUndefined();
    expect(again.declinedOn).toBeUndefined();
  });

  it('allocates only the requests of their own team; once allocated, the team’s mailbox no longer answers', () => {
    const file = contributing();
    const eps = requestTo(file, people.psychologist.email);
    expect(
      run(file, { type: 'allocateRequest', requestId: eps.id, professional: socialWorker }, allocator),
    ).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    const ds = requestTo(file, DS);
    const allocated = accept(
      file,
      { type: 'allocateRequest', requestId: ds.id, professional: socialWorker },
      allocator,
    ).file;
    const mailbox = { email: DS, roles: [] };
    expect(
      run(allocated, { type: 'submitAdvice', requestId: ds.id, content: fullAdvice() }, mailbox),
    ).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });

  it('records advice a social worker supplies, on their behalf, naming both people', () => {
    const file = contributing();
    const request = requestTo(file, DS);
    const allocated = accept(
      file,
      { type: 'allocateRequest', requestId: request.id, professional: socialWorker },
      allocator,
    ).file;
    const recorded = accept(
      allocated,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      allocator,
    );
    expect(recorded.advice).toMatchObject({
      author: { email: 'sol@la.example' },
      recordedBy: { email: 'ali@la.example' },
    });
    expect(recorded.file.review?.advice).toEqual([
      expect.objectContaining({
        id: request.id,
        recordedBy: expect.objectContaining({ email: 'ali@la.example' }),
      }),
    ]);
  });
});

describe('advice', () => {
  it('a draft is a document of its own: the case file indexes who and its state, never what it says', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const saved = accept(file, { type: 'saveAdvice', requestId: request.id, content: fullAdvice() }, health);
    expect(saved.advice).toMatchObject({
      state: 'draft',
      key: request.id,
      writtenBy: 'email:paeds@nhs.example',
    });
    expect(saved.file.review?.advice).toEqual([
      { id: request.id, requestId: request.id, author: people.health, state: 'draft' },
    ]);
    expect(JSON.stringify(saved.file)).not.toContain('Precision teaching');
  });

  it('a draft may be partial; a submission judges every outcome, each with commentary', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const partial = fullAdvice({ outcomes: [{ outcomeId: 'o1', commentary: '' }] });
    expect(run(file, { type: 'saveAdvice', requestId: request.id, content: partial }, health).ok).toBe(true);
    const decided = run(file, { type: 'submitAdvice', requestId: request.id, content: partial }, health);
    expect(decided.ok).toBe(false);
    expect(!decided.ok && decided.problems.map((p) => p.where)).toEqual([
      'outcomes.o1.progress',
      'outcomes.o1.commentary',
      'outcomes.o2.progress',
      'outcomes.o2.commentary',
    ]);
  });

  it('"not able to comment" needs its reason', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const content = fullAdvice({
      outcomes: [
        { outcomeId: 'o1', progress: 'not-able-to-comment', commentary: ' ' },
        { outcomeId: 'o2', progress: 'complete', commentary: 'Met' },
      ],
    });
    const decided = run(file, { type: 'submitAdvice', requestId: request.id, content }, health);
    expect(!decided.ok && decided.problems).toEqual([
      { where: 'outcomes.o1.commentary', message: 'say why you are not able to comment' },
    ]);
  });

  it('names each bad field: an unknown outcome, a new outcome without text, a provision row missing its group size', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const content = fullAdvice({
      outcomes: [...fullAdvice().outcomes, { outcomeId: 'o9', progress: 'complete', commentary: 'x' }],
      newOutcomes: [{ area: 'health', text: '' }],
      needs: [{ area: 'health', description: 'Asthma, new since the last review' }],
      provision: fullAdvice().provision.map((row) => ({ ...row, groupSize: '' })),
    });
    const decided = run(file, { type: 'saveAdvice', requestId: request.id, content }, health);
    expect(!decided.ok && decided.problems.map((p) => p.where)).toEqual([
      'outcomes.o9',
      'newOutcomes.0.text',
      'provision.0.groupSize',
    ]);
  });

  it('submitting answers the request and indexes the submission with its day', () => {
    const submitted = withHealthAdvice();
    const request = requestTo(submitted.file, people.health.email);
    expect(request.state).toBe('submitted');
    expect(submitted.file.review?.advice).toEqual([
      {
        id: request.id,
        requestId: request.id,
        author: people.health,
        state: 'submitted',
        submittedOn: d('2025-01-20'),
      },
    ]);
  });

  it('the same submission twice is one: the repeat changes nothing', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const command = {
      id: 'submit-000001',
      type: 'submitAdvice',
      requestId: request.id,
      content: fullAdvice(),
    } as const;
    const first = accept(file, command, health);
    const again = accept(first.file, command, health, first.advice);
    expect(again.repeated).toBe(true);
    expect(again.file).toBe(first.file);
  });

  it('a retry after the document was written but not the case file only completes the index', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const command = {
      id: 'submit-000002',
      type: 'submitAdvice',
      requestId: request.id,
      content: fullAdvice(),
    } as const;
    const first = accept(file, command, health);
    const retried = accept(file, command, health, first.advice);
    expect(retried.advice).toBe(first.advice);
    expect(retried.file.review?.advice).toEqual(first.file.review?.advice);
  });

  it('submitted advice can no longer change', () => {
    const first = withHealthAdvice();
    const request = requestTo(first.file, people.health.email);
    const decided = run(
      first.file,
      { type: 'saveAdvice', requestId: request.id, content: fullAdvice() },
      health,
      first.advice,
    );
    expect(decided).toMatchObject({ ok: false, code: 'WRONG_STAGE' });
  });

  it('a draft someone else is writing on the author’s behalf is not overwritten', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const bySenco = accept(file, { type: 'saveAdvice', requestId: request.id, content: fullAdvice() }, senco);
    expect(bySenco.advice?.recordedBy).toMatchObject({ email: 'senco@school.example', role: 'senco' });
    const decided = run(
      bySenco.file,
      { type: 'saveAdvice', requestId: request.id, content: fullAdvice() },
      health,
      bySenco.advice,
    );
    expect(decided).toMatchObject({ ok: false, code: 'EDIT_CONFLICT' });
  });

  it('is refused from someone not asked, an invitee not asked, and a stranger', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const submit = { type: 'submitAdvice', requestId: request.id, content: fullAdvice() } as const;
    expect(run(file, submit, psychologistTeam)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(run(file, submit, parentActor)).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(run(file, submit, stranger)).toMatchObject({ ok: false, code: 'CASE_NOT_FOUND' });
  });

  it('is refused from an invitee removed after the request went out: their request is closed', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const removed = accept(file, { type: 'removeInvitee', inviteeId: request.inviteeId }).file;
    expect(removed.review?.adviceRequests.find((r) => r.id === request.id)).toMatchObject({
      state: 'closed',
    });
    const decided = run(
      removed,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      health,
    );
    expect(decided).toMatchObject({ ok: false, code: 'CASE_NOT_FOUND' });
  });

  it('is refused on a closed request (an invitee can only leave once their request is closed)', () => {
    const file = contributing();
    const request = requestTo(file, people.health.email);
    const closed = accept(file, { type: 'closeRequest', requestId: request.id, reason: 'Duplicate' }).file;
    const decided = run(
      closed,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      health,
    );
    expect(decided).toMatchObject({ ok: false, code: 'WRONG_STAGE' });
  });

  it('the setting’s own advice is the SENCo’s, under the key "setting"', () => {
    const submitted = accept(
      contributing(),
      { type: 'submitAdvice', content: fullAdvice() },
      { ...senco, name: 'Sue Senco' },
    );
    expect(submitted.advice).toMatchObject({ key: 'setting', author: { name: 'Sue Senco', role: 'senco' } });
    expect(run(contributing(), { type: 'submitAdvice', content: fullAdvice() }, health)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
  });
});

describe('views', () => {
  it('a parent records their own; the SENCo records on someone’s behalf, saying whose', () => {
    const file = contributing();
    const own = accept(
      file,
      { type: 'recordViews', whose: 'parent', text: 'Happier this year.' },
      parentActor,
    );
    expect(own.file.review?.views.parent).toEqual({
      text: 'Happier this year.',
      recordedBy: 'email:pat@home.example',
      updatedOn: d('2025-01-20'),
    });
    expect(run(file, { type: 'recordViews', whose: 'child', text: 'I like maths' })).toMatchObject({
      ok: false,
      problems: [{ where: 'onBehalfOf' }],
    });
    const recorded = accept(file, {
      type: 'recordViews',
      whose: 'child',
      text: 'I like maths',
      onBehalfOf: 'Sam',
    });
    expect(recorded.file.review?.views.child).toMatchObject({
      onBehalfOf: 'Sam',
      recordedBy: 'school/senco-oid',
    });
  });

  it('a professional does not record views', () => {
    expect(
      run(contributing(), { type: 'recordViews', whose: 'child', text: 'x', onBehalfOf: 'Sam' }, health),
    ).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
  });
});

describe('progress to the meeting (ADVICE_CIRCULATED)', () => {
  it('is blocked until every request is answered or closed, naming each', () => {
    const decided = run(withHealthAdvice().file, { type: 'progressToMeeting' });
    expect(decided).toMatchObject({ ok: false, code: 'STAGE_GATE' });
    expect(!decided.ok && decided.problems.map((p) => p.where)).toEqual([
      'adviceRequests.r1',
      'adviceRequests.r3',
      'adviceRequests.r4',
    ]);
  });

  it('needs at least one piece of advice submitted', () => {
    let file = contributing();
    for (const id of ['r1', 'r2', 'r3', 'r4']) {
      file = accept(file, { type: 'closeRequest', requestId: id, reason: 'Not needed' }).file;
    }
    const decided = run(file, { type: 'progressToMeeting' });
    expect(!decided.ok && decided.problems.map((p) => p.where)).toEqual(['advice']);
  });

  it('moves to the meeting once answered, recording the day; after that no more advice', () => {
    let file = withHealthAdvice().file;
    for (const id of ['r1', 'r3', 'r4']) {
      file = accept(file, { type: 'closeRequest', requestId: id, reason: 'Not needed' }).file;
    }
    const moved = accept(file, { type: 'progressToMeeting' });
    expect(moved.file.review).toMatchObject({ stage: 'meeting', progressedToMeetingOn: d('2025-01-20') });
    const late = run(
      moved.file,
      { type: 'saveAdvice', requestId: 'r3', content: fullAdvice() },
      psychologistTeam,
    );
    expect(late).toMatchObject({ ok: false, code: 'WRONG_STAGE', problems: [{ message: NO_MORE_ADVICE }] });
  });

  it('only the SENCo progresses', () => {
    expect(run(withHealthAdvice().file, { type: 'progressToMeeting' }, health)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
  });
});

describe('before the invitations go out', () => {
  it('nothing of the contribute stage can be done', () => {
    const file = contributing();
    const arranging: CaseFile = { ...file, review: file.review && { ...file.review, stage: 'arranging' } };
    expect(run(arranging, { type: 'submitAdvice', content: fullAdvice() })).toMatchObject({
      ok: false,
      code: 'WRONG_STAGE',
    });
  });
});
