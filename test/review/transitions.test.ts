import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import { ReviewError } from '../../bot/src/review/errors.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { isLive } from '../../bot/src/review/summary.ts';
import {
  abandonReview,
  closeReview,
  moveTo,
  type StepContext,
  startReview,
} from '../../bot/src/review/transitions.ts';
import { d, makeFile, makeMeeting, makeReport, makeReview, requiredInvitees } from './factories.ts';

const ctx: StepContext = { today: d('2025-02-01'), by: 'school-tenant/senco', policy: STATUTORY_DEFAULTS };

const parent: Person = { name: 'Pat Parent', email: 'pat@home.example', role: 'parent' };
const psychologist: Person = { name: 'Dr Eve', email: 'eve@ep.example', role: 'educational-psychologist' };

function thrown(run: () => unknown): ReviewError {
  try {
    run();
  } catch (error) {
    if (error instanceof ReviewError) return error;
    throw error;
  }
  throw new Error('expected a ReviewError');
}

describe('starting a review', () => {
  it('invites the people from the previous review, and requests advice from the professionals', () => {
    const file = startReview(makeFile({ people: [parent, psychologist] }), 'r1', ctx);
    expect(file.review?.stage).toBe('arranging');
    expect(file.review?.invitees.map((i) => [i.person.email, i.requestInformation])).toEqual([
      ['pat@home.example', false],
      ['eve@ep.example', true],
    ]);
    expect(file.review?.history).toEqual([{ from: 'pending', to: 'arranging', on: ctx.today, by: ctx.by }]);
  });

  it('always invites the teams LA policy names, once', () => {
    const policy = {
      ...STATUTORY_DEFAULTS,
      alwaysInvite: [
        { id: 'ds', name: 'Disability Service', email: 'ds@la.example', role: 'disability-service' as const },
        { id: 'ep', name: 'EP Service', email: 'EVE@ep.example', role: 'educational-psychologist' as const },
      ],
    };
    const file = startReview(makeFile({ people: [psychologist] }), 'r1', { ...ctx, policy });
    expect(file.review?.invitees.map((i) => [i.id, i.person.email, i.policyTeamId])).toEqual([
      ['i1', 'eve@ep.example', undefined],
      ['i2', 'ds@la.example', 'ds'],
    ]);
    expect(file.review?.lastInviteeNumber).toBe(2);
  });

  it('carries the child and parent views from the current plan', () => {
    const views = { parent: { text: 'Happy at school', recordedBy: 'pat', updatedOn: d('2024-03-01') } };
    expect(startReview(makeFile({ views }), 'r1', ctx).review?.views).toEqual(views);
  });

  it('refuses to start a second review of the same plan', () => {
    const error = thrown(() => startReview(makeFile({}, makeReview()), 'r2', ctx));
    expect(error.code).toBe('WRONG_STAGE');
  });
});

describe('moving a review on', () => {
  it('refuses with every gate problem and leaves the file as it was', () => {
    const file = makeFile({}, makeReview());
    const before = structuredClone(file);
    const error = thrown(() => moveTo(file, 'contributing', ctx));
    expect(error.code).toBe('STAGE_GATE');
    expect(error.problems.length).toBeGreaterThan(1);
    expect(file).toEqual(before);
  });

  it('records the day invitations went out, advice was circulated and the report submitted', () => {
    const atMeeting = moveTo(
      makeFile(
        {},
        makeReview({
          stage: 'contributing',
          advice: [
            {
              id: 'a1',
              author: psychologist,
              state: 'submitted',
            },
          ],
        }),
      ),
      'meeting',
      ctx,
    );
    expect(atMeeting.review?.stage).toBe('meeting');
    expect(atMeeting.review?.progressedToMeetingOn).toBe(ctx.today);
    expect(atMeeting.review?.history.at(-1)).toEqual({
      from: 'contributing',
      to: 'meeting',
      on: ctx.today,
      by: ctx.by,
    });
  });

  it('closing and abandoning each have their own step', () => {
    expect(thrown(() => moveTo(makeFile({}, makeReview({ stage: 'decided' })), 'closed', ctx)).code).toBe(
      'WRONG_STAGE',
    );
  });

  it('abandoning needs moveTo to be told why', () => {
    expect(thrown(() => moveTo(makeFile({}, makeReview()), 'abandoned', ctx)).code).toBe('WRONG_STAGE');
  });
});

describe('abandoning a review', () => {
  it('deletes the review and returns the case to its previous due date', () => {
    const file = makeFile(
      { lastReviewDecisionOn: d('2024-03-25') },
      makeReview({ meeting: makeMeeting('2025-03-03') }),
    );
    const abandoned = abandonReview(file, 'Family moved out of area', ctx);
    expect(abandoned.review).toBeUndefined();
    expect(abandoned.case).toEqual(file.case);
  });

  it('needs a reason', () => {
    const error = thrown(() => abandonReview(makeFile({}, makeReview()), '  ', ctx));
    expect(error.problems).toEqual([{ where: 'reason', message: 'say why the review is abandoned' }]);
  });

  it('is not possible once the report is submitted', () => {
    const error = thrown(() => abandonReview(makeFile({}, makeReview({ stage: 'submitted' })), 'late', ctx));
    expect(error.code).toBe('STAGE_GATE');
  });

  it('is not possible when no review was started', () => {
    expect(thrown(() => abandonReview(makeFile(), 'why', ctx)).code).toBe('WRONG_STAGE');
  });
});

describe('closing a review', () => {
  const decision = { decidedBy: 'la/casey', notifiedOn: d('2025-03-20'), reason: 'Reviewed' };
  const invitee = (id: string, person: Person) => ({ id, person, requestInformation: true });
  const allocated: Person = { name: 'Al Located', email: 'al@ds.example', role: 'disability-service' };
  const updatedViews = {
    child: { text: 'I like maths now', recordedBy: 'senco', updatedOn: d('2025-03-01') },
  };
  const amended = makeReview({
    stage: 'amending',
    invitees: [invitee('i1', parent), invitee('i2', psychologist)],
    adviceRequests: [
      { id: 'r1', inviteeId: 'i2', state: 'submitted', requestedOn: d('2025-01-10'), allocatedTo: allocated },
    ],
    views: updatedViews,
    decision: { ...decision, outcome: 'amend' },
    amendment: { noticeOn: d('2025-03-20'), finalIssuedOn: d('2025-05-01') },
  });
  const transfer = { kind: 'primary-to-secondary', on: d('2025-09-03') } as const;

  it('REVIEW_DUE: counts the next review from the decision date, not the final plan', () => {
    const { file } = closeReview(makeFile({ lastReviewDecisionOn: d('2024-03-25') }, amended), ctx);
    expect(file.review).toBeUndefined();
    expect(file.case.lastReviewDecisionOn).toBe('2025-03-20');
    expect(file.case.lastReviewDecisionFrom).toBe('review');
  });

  it('keeps the whole review, closed, for the archive', () => {
    const { closed } = closeReview(makeFile({}, amended), ctx);
    expect(closed).toEqual({
      ...amended,
      stage: 'closed',
      closedOn: ctx.today,
      history: [{ from: 'amending', to: 'closed', on: ctx.today, by: ctx.by }],
    });
  });

  it('carries this review’s invitees and updated views into the case, to pre-fill the next review: a team’s mailbox, not the person it allocated', () => {
    const { file } = closeReview(makeFile({ people: [parent] }, amended), ctx);
    expect(file.case.people.map((p) => p.email)).toEqual(['pat@home.example', 'eve@ep.example']);
    expect(file.case.views).toEqual(updatedViews);
    const next = startReview(file, 'r2', ctx);
    expect(next.review?.invitees.map((i) => i.person.email)).toEqual(['pat@home.example', 'eve@ep.example']);
  });

  it('PHASE_TRANSFER: records that the amended plan named the new setting', () => {
    const { file } = closeReview(makeFile({ phaseTransfer: transfer }, amended), ctx);
    expect(file.case.phaseTransfer).toEqual({ ...transfer, namedInPlanOn: d('2025-05-01') });
  });

  it('on cease, the plan ceases: no further review is due and the case leaves the live list', () => {
    const ceased = makeReview({ stage: 'decided', decision: { ...decision, outcome: 'cease' } });
    const { file } = closeReview(makeFile({}, ceased), ctx);
    expect(file.case.ceasedOn).toBe('2025-03-20');
    expect(isLive(file)).toBe(false);
  });

  it('on maintain, the case stays live with its next review pending', () => {
    const maintained = makeReview({ stage: 'decided', decision: { ...decision, outcome: 'maintain' } });
    const { file } = closeReview(makeFile({}, maintained), ctx);
    expect(file.case.ceasedOn).toBeUndefined();
    expect(isLive(file)).toBe(true);
  });

  it('refuses a review that is not decided', () => {
    expect(thrown(() => closeReview(makeFile({}, makeReview({ stage: 'submitted' })), ctx)).code).toBe(
      'STAGE_GATE',
    );
  });
});

describe('rules the steps hold', () => {
  const decision = { decidedBy: 'la/casey', notifiedOn: d('2025-03-20'), reason: 'Reviewed' };
  const where = (run: () => unknown) => thrown(run).problems.map((p) => p.where);

  it('every step on a case with no review names the review as the problem', () => {
    expect(where(() => moveTo(makeFile(), 'contributing', ctx))).toEqual(['review']);
    expect(where(() => closeReview(makeFile(), ctx))).toEqual(['review']);
    expect(where(() => abandonReview(makeFile(), 'why', ctx))).toEqual(['review']);
    expect(where(() => startReview(makeFile({}, makeReview()), 'r2', ctx))).toEqual(['review']);
  });

  it('a new review starts empty but for its invitees, views and the first step of its history', () => {
    const file = startReview(makeFile({ people: [psychologist] }), 'r1', ctx);
    expect(file.review).toEqual({
      id: 'r1',
      stage: 'arranging',
      startedOn: ctx.today,
      invitees: [{ id: 'i1', person: psychologist, requestInformation: true }],
      lastInviteeNumber: 1,
      adviceRequests: [],
      advice: [],
      views: {},
      attendance: [],
      history: [{ from: 'pending', to: 'arranging', on: ctx.today, by: ctx.by }],
    });
  });

  it('each invitee has its own id, the people first, then the teams LA policy adds, asked for advice', () => {
    const policy = {
      ...STATUTORY_DEFAULTS,
      alwaysInvite: [
        { id: 'ds', name: 'Disability Service', email: 'ds@la.example', role: 'disability-service' as const },
        { id: 'ep', name: 'EP Service', email: 'ep@la.example', role: 'educational-psychologist' as const },
      ],
    };
    const file = startReview(makeFile({ people: [parent, psychologist] }), 'r1', { ...ctx, policy });
    expect(file.review?.invitees.map((i) => i.id)).toEqual(['i1', 'i2', 'i3', 'i4']);
    expect(file.review?.lastInviteeNumber).toBe(4);
    expect(file.review?.invitees[2]).toEqual({
      id: 'i3',
      person: {
        name: 'Disability Service',
        email: 'ds@la.example',
        role: 'disability-service',
        isTeam: true,
      },
      requestInformation: true,
      policyTeamId: 'ds',
    });
  });

  it('advice is requested from the professionals only: not the family, the child or the setting’s own staff', () => {
    const roles = ['young-person', 'child', 'head-of-setting', 'named-staff', 'senco', 'health'] as const;
    const people = roles.map((role) => ({ name: role, email: `${role}@example.test`, role }));
    const file = startReview(makeFile({ people }), 'r1', ctx);
    expect(file.review?.invitees.map((i) => [i.person.role, i.requestInformation])).toEqual([
      ['young-person', false],
      ['child', false],
      ['head-of-setting', false],
      ['named-staff', false],
      ['senco', false],
      ['health', true],
    ]);
  });

  it('closing and abandoning through moveTo are refused at the stage, naming the step to use', () => {
    const maintained = makeReview({ stage: 'decided', decision: { ...decision, outcome: 'maintain' } });
    const closing = thrown(() => moveTo(makeFile({}, maintained), 'closed', ctx));
    expect(closing.problems.map((p) => p.where)).toEqual(['stage']);
    expect(closing.problems[0]?.message).toContain('closeReview');
    const abandoning = thrown(() => moveTo(makeFile({}, makeReview()), 'abandoned', ctx));
    expect(abandoning.problems.map((p) => p.where)).toEqual(['stage']);
    expect(abandoning.problems[0]?.message).toContain('abandonReview');
  });

  it('sending the invitations records the day they went out, and only that', () => {
    const arranged = makeFile(
      {},
      makeReview({ meeting: makeMeeting('2025-03-03'), invitees: requiredInvitees() }),
    );
    const review = moveTo(arranged, 'contributing', ctx).review;
    expect(review?.invitationsSentOn).toBe(ctx.today);
    expect(review?.progressedToMeetingOn).toBeUndefined();
    expect(review?.reportSubmittedOn).toBeUndefined();
  });

  it('submitting the report records the day, and only that', () => {
    const written = makeFile(
      { outcomes: [{ id: 'o1', area: 'cognition-and-learning', text: 'Reads', provision: [] }] },
      makeReview({ stage: 'report', meeting: makeMeeting('2025-01-20'), report: makeReport() }),
    );
    const review = moveTo(written, 'submitted', ctx).review;
    expect(review?.reportSubmittedOn).toBe(ctx.today);
    expect(review?.invitationsSentOn).toBeUndefined();
    expect(review?.progressedToMeetingOn).toBeUndefined();
  });

  it('a review with no decision does not close, and says so', () => {
    expect(where(() => closeReview(makeFile({}, makeReview({ stage: 'decided' })), ctx))).toEqual([
      'decision',
    ]);
  });

  it('AMEND_FINAL: a decision to amend does not close before the final plan is issued', () => {
    const amending = makeReview({
      stage: 'amending',
      decision: { ...decision, outcome: 'amend' },
      amendment: { noticeOn: d('2025-03-20') },
    });
    expect(where(() => closeReview(makeFile({}, amending), ctx))).toEqual(['amendment.finalIssuedOn']);
  });

  it('closing carries the family into the case, and drops professionals this review did not involve', () => {
    const formerProfessional: Person = {
      name: 'Old EP',
      email: 'old@ep.example',
      role: 'educational-psychologist',
    };
    const maintained = makeReview({
      stage: 'decided',
      decision: { ...decision, outcome: 'maintain' },
      invitees: [{ id: 'i1', person: psychologist, requestInformation: true }],
    });
    const { file } = closeReview(makeFile({ people: [parent, formerProfessional] }, maintained), ctx);
    expect(file.case.people.map((p) => p.email)).toEqual(['eve@ep.example', 'pat@home.example']);
  });

  it('PHASE_TRANSFER: only a final amended plan names the new setting, and a case with no transfer gains none', () => {
    const transfer = { kind: 'primary-to-secondary', on: d('2025-09-03') } as const;
    const maintained = makeReview({ stage: 'decided', decision: { ...decision, outcome: 'maintain' } });
    expect(
      closeReview(makeFile({ phaseTransfer: transfer }, maintained), ctx).file.case.phaseTransfer,
    ).toEqual(transfer);
    const amended = makeReview({
      stage: 'amending',
      decision: { ...decision, outcome: 'amend' },
      amendment: { noticeOn: d('2025-03-20'), finalIssuedOn: d('2025-05-01') },
    });
    expect(closeReview(makeFile({}, amended), ctx).file.case.phaseTransfer).toBeUndefined();
  });
});
