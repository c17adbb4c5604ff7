import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import { NO_MORE_ADVICE, requestsOnSending } from '../../../bot/src/review/contribute/decide-contribute.ts';
import type { Actor } from '../../../bot/src/review/permissions.ts';
import type { Stage } from '../../../bot/src/review/review.ts';
import { d } from '../factories.ts';
import {
  accept,
  allocator,
  contributing,
  fullAdvice,
  health,
  parentActor,
  pendingFile,
  people,
  psychologistTeam,
  requestTo,
  run,
  senco,
  socialWorker,
} from './factories.ts';

const DS = 'ds@la.example';

function refused(file: CaseFile, command: Parameters<typeof run>[1], actor: Actor = senco) {
  const decided = run(file, command, actor);
  if (decided.ok) throw new Error('expected the command to be refused');
  return { code: decided.code, problems: decided.problems };
}

function atStage(file: CaseFile, stage: Stage): CaseFile {
  if (!file.review) throw new Error('no review');
  return { ...file, review: { ...file.review, stage } };
}

const healthRequest = (file: CaseFile) => requestTo(file, people.health.email);

describe('when advice can be asked for and given', () => {
  it('not before a review is started', () => {
    expect(refused(pendingFile(), { type: 'requestAdvice', inviteeId: 'i1' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'review', message: 'no review has been started' }],
    });
  });

  it('not while the review is still being arranged, nor once it has moved to the meeting', () => {
    const arranging = atStage(contributing(), 'arranging');
    expect(refused(arranging, { type: 'requestAdvice', inviteeId: 'i1' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'stage', message: 'send the invitations first: advice is requested with them' }],
    });
    const meeting = atStage(contributing(), 'meeting');
    expect(refused(meeting, { type: 'requestAdvice', inviteeId: 'i1' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'stage', message: NO_MORE_ADVICE }],
    });
  });
});

describe('asking for advice', () => {
  it('asks the invitee named and marks only them', () => {
    const file = contributing();
    const before = file.review?.invitees ?? [];
    const parent = before.find((i) => i.person.role === 'parent');
    const after = accept(file, { type: 'requestAdvice', inviteeId: parent?.id }).file.review;
    expect(after?.invitees.map((i) => i.requestInformation)).toEqual(
      before.map((i) => i.id === parent?.id || i.requestInformation),
    );
    expect(after?.adviceRequests.map((r) => r.inviteeId)).toEqual([
      ...(file.review?.adviceRequests.map((r) => r.inviteeId) ?? []),
      parent?.id,
    ]);
  });

  it('someone who has submitted their advice is not asked again', () => {
    const file = contributing();
    const request = healthRequest(file);
    const submitted = accept(
      file,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      health,
    ).file;
    expect(refused(submitted, { type: 'requestAdvice', inviteeId: request.inviteeId })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'inviteeId', message: 'Community Paediatrics has submitted their advice' }],
    });
  });

  it('asking again keeps a request that was accepted as accepted', () => {
    const file = contributing();
    const request = healthRequest(file);
    const accepted = accept(file, { type: 'acceptRequest', requestId: request.id }, health).file;
    const resent = accept(accepted, { type: 'requestAdvice', inviteeId: request.inviteeId }).file;
    expect(healthRequest(resent)).toMatchObject({ state: 'accepted', resentOn: d('2025-01-20') });
  });

  it('as the invitations go out: no one is asked twice, and with no review there is no one to ask', () => {
    const file = contributing();
    expect(requestsOnSending(file, d('2025-01-21'))).toEqual(file);
    const pending = pendingFile();
    expect(requestsOnSending(pending, d('2025-01-21'))).toBe(pending);
  });

  it('a request that is not on the review is named', () => {
    expect(refused(contributing(), { type: 'acceptRequest', requestId: 'r99' })).toEqual({
      code: 'INVALID_INPUT',
      problems: [{ where: 'requestId', message: 'no advice request r99 on this review' }],
    });
  });
});

describe('answering a request', () => {
  it('the one asked accepts it; another invitee may not, and is told nothing more', () => {
    const file = contributing();
    const request = healthRequest(file);
    expect(refused(file, { type: 'acceptRequest', requestId: request.id }, psychologistTeam)).toEqual({
      code: 'NOT_ALLOWED',
      problems: [],
    });
    const accepted = accept(file, { type: 'acceptRequest', requestId: request.id }, health).file;
    expect(healthRequest(accepted).state).toBe('accepted');
    expect(refused(accepted, { type: 'acceptRequest', requestId: request.id }, health)).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'requestId', message: 'this request is accepted, no longer open' }],
    });
  });

  it('an accepted request may still be declined, with its reason as written; a closed one may not', () => {
    const file = contributing();
    const request = healthRequest(file);
    const accepted = accept(file, { type: 'acceptRequest', requestId: request.id }, health).file;
    const declined = accept(
      accepted,
      { type: 'declineRequest', requestId: request.id, reason: '  Not known to us  ' },
      health,
    ).file;
    expect(healthRequest(declined)).toMatchObject({ state: 'declined', declinedReason: 'Not known to us' });
    expect(
      refused(file, { type: 'declineRequest', requestId: request.id, reason: 'x' }, psychologistTeam).code,
    ).toBe('NOT_ALLOWED');
    expect(refused(file, { type: 'declineRequest', requestId: request.id, reason: ' ' }, health)).toEqual({
      code: 'INVALID_INPUT',
      problems: [{ where: 'reason', message: 'say why the request is declined' }],
    });
    const closed = accept(file, { type: 'closeRequest', requestId: request.id, reason: 'Seen' }).file;
    expect(
      refused(closed, { type: 'declineRequest', requestId: request.id, reason: 'x' }, health).problems,
    ).toEqual([{ where: 'requestId', message: 'this request is closed, no longer open' }]);
  });

  it('a request whose advice was submitted cannot be closed', () => {
    const file = contributing();
    const request = healthRequest(file);
    const submitted = accept(
      file,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      health,
    ).file;
    expect(refused(submitted, { type: 'closeRequest', requestId: request.id, reason: 'Done' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'requestId', message: 'the advice has been submitted: nothing to close' }],
    });
    expect(refused(file, { type: 'closeRequest', requestId: request.id, reason: ' ' }).code).toBe(
      'INVALID_INPUT',
    );
  });

  it('a declined request expects no advice', () => {
    const file = contributing();
    const request = healthRequest(file);
    const declined = accept(
      file,
      { type: 'declineRequest', requestId: request.id, reason: 'Not known' },
      health,
    ).file;
    expect(
      refused(declined, { type: 'saveAdvice', requestId: request.id, content: fullAdvice() }, health),
    ).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'requestId', message: 'this request was declined: no advice is expected' }],
    });
    expect(
      refused(file, { type: 'saveAdvice', requestId: 'r99', content: fullAdvice() }, health).problems,
    ).toEqual([{ where: 'requestId', message: 'no advice request r99 on this review' }]);
  });
});

describe('recording advice on someone’s behalf', () => {
  it('a team’s allocator records only their own team’s advice, not another invitee’s', () => {
    const file = contributing();
    const request = healthRequest(file);
    expect(
      refused(file, { type: 'submitAdvice', requestId: request.id, content: fullAdvice() }, allocator),
    ).toEqual({ code: 'NOT_ALLOWED', problems: [] });
    expect(
      refused(file, { type: 'declineRequest', requestId: request.id, reason: 'Not ours' }, allocator).code,
    ).toBe('NOT_ALLOWED');
  });
});

describe('allocating a team’s request', () => {
  const allocate = (file: CaseFile, professional: { name: string; email: string }) =>
    run(file, { type: 'allocateRequest', requestId: requestTo(file, DS).id, professional }, allocator);

  it('the professional is kept as named, the address in lower case, and the team as their organisation', () => {
    const decided = allocate(contributing(), { name: '  Sol Worker ', email: ' Sol@LA.example ' });
    if (!decided.ok) throw new Error('expected the allocation');
    expect(requestTo(decided.file, DS).allocatedTo).toEqual({
      name: 'Sol Worker',
      email: 'sol@la.example',
      role: 'disability-service',
      organisation: 'Disability Service',
    });
  });

  it('an accepted request may be allocated; a closed one may not', () => {
    const file = contributing();
    const request = requestTo(file, DS);
    const accepted = accept(file, { type: 'acceptRequest', requestId: request.id }, allocator).file;
    expect(allocate(accepted, socialWorker).ok).toBe(true);
    const closed = accept(file, { type: 'closeRequest', requestId: request.id, reason: 'Not needed' }).file;
    expect(
      !allocate(closed, socialWorker).ok &&
        refused(
          closed,
          {
            type: 'allocateRequest',
            requestId: request.id,
            professional: socialWorker,
          },
          allocator,
        ).code,
    ).toBe('WRONG_STAGE');
  });

  it('needs a name and one email address: each missing part is named', () => {
    const file = contributing();
    for (const email of ['two words@la.example', 'sol@la.example extra', 'sol@la']) {
      const decided = allocate(file, { name: ' ', email });
      expect(decided.ok ? [] : [decided.code, ...decided.problems.map((p) => p.where)], email).toEqual([
        'INVALID_INPUT',
        'professional.name',
        'professional.email',
      ]);
    }
  });
});

describe('writing advice', () => {
  it('the same writer saves a draft again: one entry in the index, still a draft, the request still open', () => {
    const file = contributing();
    const request = healthRequest(file);
    const first = accept(file, { type: 'saveAdvice', requestId: request.id, content: fullAdvice() }, health);
    expect(first.advice?.attachments).toEqual([]);
    const withFile = {
      ...(first.advice as NonNullable<typeof first.advice>),
      attachments: [
        {
          id: 'att-1',
          name: 'report.pdf',
          contentType: 'application/pdf',
          size: 10,
          uploadedOn: d('2025-01-20'),
        },
      ],
    } as never;
    const second = accept(
      first.file,
      { type: 'saveAdvice', requestId: request.id, content: fullAdvice() },
      health,
      withFile,
    );
    expect(second.file.review?.advice.map((a) => [a.id, a.state])).toEqual([[request.id, 'draft']]);
    expect(second.advice?.attachments).toHaveLength(1);
    expect(healthRequest(second.file).state).toBe('requested');
  });

  it('a submission that is incomplete is refused as bad input; submitted advice no longer changes', () => {
    const file = contributing();
    const request = healthRequest(file);
    const incomplete = fullAdvice({ outcomes: [] });
    expect(
      refused(file, { type: 'submitAdvice', requestId: request.id, content: incomplete }, health).code,
    ).toBe('INVALID_INPUT');
    const submitted = accept(
      file,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      health,
    );
    const again = run(
      submitted.file,
      { type: 'saveAdvice', requestId: request.id, content: fullAdvice() },
      health,
      submitted.advice,
    );
    expect(!again.ok && again.problems).toEqual([
      { where: 'advice', message: 'this advice has been submitted: it can no longer change' },
    ]);
  });

  it('the setting’s own advice is recorded as the SENCo’s, with their account', () => {
    const saved = accept(contributing(), { type: 'saveAdvice', content: fullAdvice() });
    expect(saved.advice?.author).toEqual({
      name: 'senco@school.example',
      email: 'senco@school.example',
      role: 'senco',
      identity: senco.identity,
    });
  });

  it('advice recorded on a professional’s behalf by a team’s allocator names the allocator as a professional', () => {
    const file = contributing();
    const request = requestTo(file, DS);
    const allocated = accept(
      file,
      { type: 'allocateRequest', requestId: request.id, professional: socialWorker },
      allocator,
    ).file;
    const recorded = accept(
      allocated,
      { type: 'saveAdvice', requestId: request.id, content: fullAdvice() },
      allocator,
    );
    expect(recorded.advice?.recordedBy).toEqual({
      name: 'Ali Allocator',
      email: 'ali@la.example',
      role: 'other-professional',
      identity: allocator.identity,
    });
  });
});

describe('views', () => {
  it('are recorded while contributing, at the meeting and in the report; not once submitted', () => {
    for (const stage of ['meeting', 'report'] as const) {
      const file = atStage(contributing(), stage);
      expect(
        accept(file, { type: 'recordViews', whose: 'parent', text: 'Happy' }, parentActor).file.review?.views
          .parent?.text,
      ).toBe('Happy');
    }
    expect(
      refused(atStage(contributing(), 'submitted'), { type: 'recordViews', whose: 'parent', text: 'x' }),
    ).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'stage', message: 'views cannot change at the submitted stage' }],
    });
  });

  it('are words: only spaces are refused, naming the field; the text is kept trimmed', () => {
    const file = contributing();
    expect(refused(file, { type: 'recordViews', whose: 'parent', text: '  ' }, parentActor)).toEqual({
      code: 'INVALID_INPUT',
      problems: [{ where: 'text', message: 'write the views' }],
    });
    const views = accept(file, { type: 'recordViews', whose: 'parent', text: ' Happy ' }, parentActor).file
      .review?.views;
    expect(views?.parent).toEqual({
      text: 'Happy',
      recordedBy: 'email:pat@home.example',
      updatedOn: d('2025-01-20'),
    });
  });

  it('a parent giving their own views names no one else, whatever they type in "on behalf of"', () => {
    const views = accept(
      contributing(),
      { type: 'recordViews', whose: 'parent', text: 'Happy', onBehalfOf: 'Someone' },
      parentActor,
    ).file.review?.views;
    expect(views?.parent?.onBehalfOf).toBeUndefined();
  });

  it('the child’s views are not the parent’s own: the parent says whose they are, in words', () => {
    const file = contributing();
    expect(
      refused(
        file,
        { type: 'recordViews', whose: 'child', text: 'Likes maths', onBehalfOf: ' ' },
        parentActor,
      ),
    ).toEqual({
      code: 'INVALID_INPUT',
      problems: [{ where: 'onBehalfOf', message: 'say whose views you are recording (their name)' }],
    });
    const views = accept(
      file,
      { type: 'recordViews', whose: 'child', text: 'Likes maths', onBehalfOf: ' Sam ' },
      parentActor,
    ).file.review?.views;
    expect(views?.child?.onBehalfOf).toBe('Sam');
  });

  it('a young person’s own views are the child’s views, naming no one; the parents’ need a name', () => {
    const yara = { name: 'Yara Young', email: 'yara@home.example', role: 'young-person' } as const;
    const base = contributing();
    const file = { ...base, case: { ...base.case, people: [...base.case.people, yara] } };
    const youngPerson: Actor = { email: yara.email, name: yara.name, roles: [] };
    const views = accept(file, { type: 'recordViews', whose: 'child', text: 'I like art' }, youngPerson).file
      .review?.views;
    expect(views?.child).toEqual({
      text: 'I like art',
      recordedBy: 'email:yara@home.example',
      updatedOn: d('2025-01-20'),
    });
    expect(
      refused(file, { type: 'recordViews', whose: 'parent', text: 'Happy' }, youngPerson).problems,
    ).toMatchObject([{ where: 'onBehalfOf' }]);
  });

  it('a parent invited to the review, though not on the case, records their own views', () => {
    const base = contributing();
    const review = base.review;
    if (!review) throw new Error('no review');
    const carer = { name: 'Cal Carer', email: 'cal@home.example', role: 'parent' } as const;
    const file = {
      ...base,
      review: {
        ...review,
        invitees: [...review.invitees, { id: 'i9', person: carer, requestInformation: false }],
      },
    };
    const carerActor: Actor = { email: carer.email, name: carer.name, roles: [] };
    const views = accept(file, { type: 'recordViews', whose: 'parent', text: 'Settled' }, carerActor).file
      .review?.views;
    expect(views?.parent).toEqual({
      text: 'Settled',
      recordedBy: 'email:cal@home.example',
      updatedOn: d('2025-01-20'),
    });
  });
});

describe('progress to the meeting', () => {
  it('the review records the move, with the day and who made it', () => {
    const file = contributing();
    const request = healthRequest(file);
    let next = accept(
      file,
      { type: 'submitAdvice', requestId: request.id, content: fullAdvice() },
      health,
    ).file;
    for (const r of next.review?.adviceRequests ?? []) {
      if (r.state === 'requested')
        next = accept(next, { type: 'closeRequest', requestId: r.id, reason: 'Not needed' }).file;
    }
    const moved = accept(next, { type: 'progressToMeeting' }).file;
    expect(moved.review?.history.at(-1)).toEqual({
      from: 'contributing',
      to: 'meeting',
      on: d('2025-01-20'),
      by: 'school/senco-oid',
    });
  });
});
