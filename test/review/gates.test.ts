import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { gateProblems, NEXT_STAGES } from '../../bot/src/review/gates.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { type Advice, type Report, STAGES } from '../../bot/src/review/review.ts';
import {
  d,
  makeFile,
  makeInvitee,
  makeMeeting,
  makeReport,
  makeReview,
  requiredInvitees,
} from './factories.ts';

const policy = STATUTORY_DEFAULTS;

const invitee = makeInvitee;
const everyoneRequired = requiredInvitees();

const submittedAdvice: Advice = {
  id: 'a1',
  author: { name: 'Hana Health', email: 'health@example.test', role: 'health' },
  state: 'submitted',
  outcomes: [],
  newOutcomes: [],
  newNeeds: [],
  attachments: [],
  submittedOn: d('2025-02-01'),
};

const outcome: Outcome = { id: 'o1', area: 'cognition-and-learning', text: 'Reads fluently', provision: [] };

const completeReport = makeReport();

function problemsFor(file: CaseFile, to: (typeof STAGES)[number], today = '2025-02-01') {
  return gateProblems(file, to, d(today), policy);
}

describe('the stages a review may move between', () => {
  it('follows pending, arranging, contributing, meeting, report, submitted, decided, (amending), closed', () => {
    expect(NEXT_STAGES.pending).toEqual(['arranging']);
    expect(NEXT_STAGES.submitted).toEqual(['decided']);
    expect(NEXT_STAGES.decided).toEqual(['amending', 'closed']);
  });

  it('can be abandoned from every stage before submitted, and from none after', () => {
    for (const stage of STAGES) {
      const before = ['arranging', 'contributing', 'meeting', 'report'].includes(stage);
      expect(NEXT_STAGES[stage].includes('abandoned'), stage).toBe(before);
    }
  });

  it('refuses a jump over a stage, naming both stages', () => {
    const problems = problemsFor(makeFile({}, makeReview({ stage: 'arranging' })), 'report');
    expect(problems).toEqual([
      { where: 'stage', message: 'a review at the arranging stage cannot move to report' },
    ]);
  });
});

describe('arrange -> contribute views: sending the invitations', () => {
  const arranged = (overrides = {}) =>
    makeFile(
      {},
      makeReview({ meeting: makeMeeting('2025-03-03'), invitees: everyoneRequired, ...overrides }),
    );

  it('passes with a meeting, every required invitee and 2 weeks notice', () => {
    expect(problemsFor(arranged(), 'contributing', '2025-02-17')).toEqual([]);
  });

  it('needs the meeting date, time and venue', () => {
    const problems = problemsFor(makeFile({}, makeReview({ invitees: everyoneRequired })), 'contributing');
    expect(problems).toEqual([{ where: 'meeting', message: 'set the date, time and venue of the meeting' }]);
  });

  it('INVITE_NOTICE: refuses invitations sent less than 2 weeks before the meeting', () => {
    const problems = problemsFor(arranged(), 'contributing', '2025-02-18');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.where).toBe('meeting.on');
    expect(problems[0]?.message).toContain('INVITE_NOTICE');
    expect(problems[0]?.message).toContain('17 February 2025');
  });

  it('INVITEES: names every statutory invitee who is missing', () => {
    const problems = problemsFor(arranged({ invitees: [invitee('parent', 'young-person')] }), 'contributing');
    expect(problems.map((p) => p.message)).toEqual([
      'invite the head or principal of the setting (INVITEES)',
      'invite an LA SEN officer (the case coordinator) (INVITEES)',
      'invite a health care professional (INVITEES)',
      'invite an LA social care officer (INVITEES)',
    ]);
  });

  it('INVITEES: a team LA policy names stands in for social care only when the policy says so', () => {
    const invitees = [
      ...everyoneRequired.slice(0, 4),
      { ...invitee('ds', 'disability-service'), policyTeamId: 'ds' },
    ];
    const team = {
      id: 'ds',
      name: 'the Disability Service',
      email: 'ds@example.test',
      role: 'disability-service',
    } as const;
    const standsIn = { ...policy, alwaysInvite: [{ ...team, standsInFor: 'social-care' as const }] };
    expect(gateProblems(arranged({ invitees }), 'contributing', d('2025-02-01'), standsIn)).toEqual([]);
    const doesNot = { ...policy, alwaysInvite: [team] };
    expect(gateProblems(arranged({ invitees }), 'contributing', d('2025-02-01'), doesNot)).toEqual([
      { where: 'invitees', message: 'invite an LA social care officer (INVITEES)' },
    ]);
  });

  it('INVITEES: a team that stands in for social care does so only once it is invited, whatever the case of its address', () => {
    const team = {
      id: 'ds',
      name: 'the Disability Service',
      email: 'DS@Example.Test',
      role: 'disability-service',
      standsInFor: 'social-care',
    } as const;
    const standsIn = { ...policy, alwaysInvite: [team] };
    const invited = [
      ...everyoneRequired.slice(0, 4),
      { ...invitee('ds', 'disability-service', { email: 'ds@example.test' }), policyTeamId: 'ds' },
    ];
    expect(gateProblems(arranged({ invitees: invited }), 'contributing', d('2025-02-01'), standsIn)).toEqual(
      [],
    );
    // Removed from this review with a reason: the policy no longer asks for it, and it stands in for no one.
    const removed = arranged({
      invitees: everyoneRequired.slice(0, 4),
      policyTeamsRemoved: [
        { teamId: 'ds', reason: 'not known to the service', by: 'senco', on: d('2025-01-20') },
      ],
    });
    expect(gateProblems(removed, 'contributing', d('2025-02-01'), standsIn)).toEqual([
      { where: 'invitees', message: 'invite an LA social care officer (INVITEES)' },
    ]);
  });

  it('INVITEES: every team LA policy always invites must be invited', () => {
    const withPolicy = {
      ...policy,
      alwaysInvite: [
        {
          id: 'ds',
          name: 'the Disability Service',
          email: 'ds@la.example',
          role: 'disability-service' as const,
        },
      ],
    };
    const problems = gateProblems(
      arranged({ invitees: everyoneRequired }),
      'contributing',
      d('2025-02-01'),
      withPolicy,
    );
    expect(problems).toEqual([
      {
        where: 'invitees',
        message: 'invite the Disability Service: the LA always invites this team (INVITEES)',
      },
    ]);
  });

  it('needs a venue unless the meeting is online', () => {
    const review = { meeting: makeMeeting('2025-03-03', { venue: ' ', online: false }) };
    expect(problemsFor(arranged(review), 'contributing')[0]?.where).toBe('meeting.venue');
  });
});

describe('contribute views -> meeting', () => {
  const invitedOnly = everyoneRequired.map((i) => ({ ...i, requestInformation: false }));
  const contributing = (overrides = {}) =>
    makeFile({}, makeReview({ stage: 'contributing', invitees: invitedOnly, ...overrides }));

  it('ADVICE_CIRCULATED: needs information requested from every invitee it is to be requested from', () => {
    const invitees = invitedOnly.map((i) => (i.id === 'health' ? { ...i, requestInformation: true } : i));
    expect(problemsFor(contributing({ invitees, advice: [submittedAdvice] }), 'meeting')).toEqual([
      { where: 'invitees.health', message: 'request information from Person health (ADVICE_CIRCULATED)' },
    ]);
    const requested = [
      { id: 'r1', inviteeId: 'health', state: 'submitted', requestedOn: d('2025-01-10') },
    ] as const;
    expect(
      problemsFor(
        contributing({ invitees, adviceRequests: requested, advice: [submittedAdvice] }),
        'meeting',
      ),
    ).toEqual([]);
  });

  it('needs at least one piece of advice submitted', () => {
    expect(problemsFor(contributing(), 'meeting')).toEqual([
      { where: 'advice', message: 'at least one piece of advice must be submitted' },
    ]);
    expect(
      problemsFor(contributing({ advice: [{ ...submittedAdvice, state: 'draft' }] }), 'meeting'),
    ).toHaveLength(1);
    expect(problemsFor(contributing({ advice: [submittedAdvice] }), 'meeting')).toEqual([]);
  });

  it('needs every request answered or closed', () => {
    const requestedOn = d('2025-01-10');
    const adviceRequests = [
      { id: 'r1', inviteeId: 'health', state: 'submitted', requestedOn },
      { id: 'r2', inviteeId: 'social', state: 'accepted', requestedOn },
      { id: 'r3', inviteeId: 'head', state: 'closed', requestedOn, closedReason: 'no involvement' },
      { id: 'r4', inviteeId: 'parent', state: 'declined', requestedOn },
    ] as const;
    expect(problemsFor(contributing({ adviceRequests, advice: [submittedAdvice] }), 'meeting')).toEqual([
      { where: 'adviceRequests.r2', message: 'the request to Person social is not answered or closed yet' },
    ]);
  });
});

describe('meeting -> report', () => {
  const atMeeting = (overrides = {}) =>
    makeFile({}, makeReview({ stage: 'meeting', meeting: makeMeeting('2025-03-03'), ...overrides }));

  it('waits for the meeting day and the register', () => {
    expect(problemsFor(atMeeting(), 'report', '2025-03-02').map((p) => p.where)).toEqual([
      'meeting.on',
      'attendance',
    ]);
    expect(
      problemsFor(atMeeting({ attendance: [{ inviteeId: 'head', present: true }] }), 'report', '2025-03-03'),
    ).toEqual([]);
  });
});

describe('report -> submitted', () => {
  const withReport = (report?: Report, dateOfBirth = '2015-10-15') =>
    makeFile(
      { outcomes: [outcome], child: { name: 'Ash', dateOfBirth: d(dateOfBirth) } },
      makeReview({ stage: 'report', meeting: makeMeeting('2025-03-03'), ...(report ? { report } : {}) }),
    );

  it('needs a report', () => {
    expect(problemsFor(withReport(), 'submitted')).toEqual([
      { where: 'report', message: 'write the report of the meeting' },
    ]);
  });

  it('passes when every section is complete', () => {
    expect(problemsFor(withReport(completeReport), 'submitted')).toEqual([]);
  });

  it('names every empty section, missing agreed response and the recommendation', () => {
    const { recommendation: _r, ...noRecommendation } = completeReport;
    const report: Report = { ...noRecommendation, transport: '', personalBudget: ' ', outcomes: [] };
    expect(problemsFor(withReport(report), 'submitted').map((p) => p.where)).toEqual([
      'report.transport',
      'report.personalBudget',
      'report.outcomes.o1',
      'report.recommendation',
    ]);
  });

  it('PREPARING_FOR_ADULTHOOD: from Year 9 at the meeting the report must cover it', () => {
    // Born 15 October 2011: Year 8 in 2024/25, Year 9 from September 2025.
    const year8 = withReport(completeReport, '2012-10-15');
    const year9 = withReport(completeReport, '2010-10-15');
    expect(problemsFor(year8, 'submitted')).toEqual([]);
    expect(problemsFor(year9, 'submitted').map((p) => p.where)).toEqual(['report.preparingForAdulthood']);
    const covered = withReport(
      { ...completeReport, preparingForAdulthood: 'Work experience planned' },
      '2010-10-15',
    );
    expect(problemsFor(covered, 'submitted')).toEqual([]);
  });
});

describe('decision and plan', () => {
  const decision = { decidedBy: 'la-tenant/casey', notifiedOn: d('2025-03-20'), reason: 'Needs unchanged' };

  it('a decision must be recorded to move to decided', () => {
    const file = makeFile({}, makeReview({ stage: 'submitted' }));
    expect(problemsFor(file, 'decided')).toEqual([
      { where: 'decision', message: 'choose maintain, amend or cease' },
    ]);
  });

  it('AMEND_PROPOSAL: only an amend leads to amending, with the proposal served', () => {
    const maintain = makeFile(
      {},
      makeReview({ stage: 'decided', decision: { ...decision, outcome: 'maintain' } }),
    );
    expect(problemsFor(maintain, 'amending')[0]?.where).toBe('decision');
    expect(problemsFor(maintain, 'closed')).toEqual([]);
    const amend = makeFile({}, makeReview({ stage: 'decided', decision: { ...decision, outcome: 'amend' } }));
    expect(problemsFor(amend, 'amending')[0]?.where).toBe('amendment.noticeOn');
  });

  it('AMEND_REPRESENTATIONS: the final plan cannot be issued inside the 15 days', () => {
    const amending = (finalIssuedOn: string) =>
      makeFile(
        {},
        makeReview({
          stage: 'amending',
          decision: { ...decision, outcome: 'amend' },
          amendment: { noticeOn: d('2025-03-20'), finalIssuedOn: d(finalIssuedOn) },
        }),
      );
    expect(problemsFor(amending('2025-04-03'), 'closed')[0]?.message).toContain('3 April 2025');
    expect(problemsFor(amending('2025-04-04'), 'closed')).toEqual([]);
  });
});

describe('rules the stages and the invitations hold', () => {
  const arranged = (overrides = {}) =>
    makeFile(
      {},
      makeReview({ meeting: makeMeeting('2025-03-03'), invitees: everyoneRequired, ...overrides }),
    );

  it('a review moves only along the stages: every other move is refused, naming both stages', () => {
    expect(NEXT_STAGES).toEqual({
      pending: ['arranging'],
      arranging: ['contributing', 'abandoned'],
      contributing: ['meeting', 'abandoned'],
      meeting: ['report', 'abandoned'],
      report: ['submitted', 'abandoned'],
      submitted: ['decided'],
      decided: ['amending', 'closed'],
      amending: ['closed'],
      closed: [],
      abandoned: [],
    });
    for (const from of STAGES.filter((stage) => stage !== 'pending')) {
      for (const to of STAGES.filter((stage) => !NEXT_STAGES[from].includes(stage))) {
        expect(problemsFor(makeFile({}, makeReview({ stage: from })), to), `${from} -> ${to}`).toEqual([
          { where: 'stage', message: `a review at the ${from} stage cannot move to ${to}` },
        ]);
      }
    }
  });

  it('a case with no review yet may only start one, and starting one has nothing to check', () => {
    expect(problemsFor(makeFile(), 'arranging')).toEqual([]);
    expect(problemsFor(makeFile({}, makeReview({ stage: 'pending' })), 'arranging')).toEqual([]);
    expect(problemsFor(makeFile(), 'contributing')).toEqual([
      { where: 'stage', message: 'a review at the pending stage cannot move to contributing' },
    ]);
  });

  it('INVITEES: with nobody invited, each of the five statutory invitees is named', () => {
    expect(problemsFor(arranged({ invitees: [] }), 'contributing', '2025-02-17')).toEqual(
      [
        'the parent or the young person',
        'the head or principal of the setting',
        'an LA SEN officer (the case coordinator)',
        'a health care professional',
        'an LA social care officer',
      ].map((label) => ({ where: 'invitees', message: `invite ${label} (INVITEES)` })),
    );
  });

  it('a meeting online needs no venue, and a meeting in person with a venue need not be online', () => {
    const online = makeMeeting('2025-03-03', { venue: '', online: true });
    const inPerson = makeMeeting('2025-03-03', { venue: 'School library', online: false });
    expect(problemsFor(arranged({ meeting: online }), 'contributing', '2025-02-17')).toEqual([]);
    expect(problemsFor(arranged({ meeting: inPerson }), 'contributing', '2025-02-17')).toEqual([]);
  });

  it('a team the LA always invites counts as invited whatever the case of either email address', () => {
    const ds = invitee('ds', 'disability-service', { email: 'Team.DS@LA.example' });
    const withPolicy = (email: string) => ({
      ...policy,
      alwaysInvite: [
        { id: 'ds', name: 'the Disability Service', email, role: 'disability-service' as const },
      ],
    });
    const file = arranged({ invitees: [...everyoneRequired, ds] });
    for (const email of ['team.ds@la.example', 'TEAM.DS@LA.EXAMPLE', 'Team.DS@LA.example']) {
      expect(gateProblems(file, 'contributing', d('2025-02-17'), withPolicy(email)), email).toEqual([]);
    }
  });
});

describe('rules the gate to the meeting holds', () => {
  const requestedOn = d('2025-01-10');
  const both = everyoneRequired.map((i) => ({
    ...i,
    requestInformation: i.id === 'health' || i.id === 'social',
  }));
  const contributing = (overrides = {}) =>
    makeFile(
      {},
      makeReview({ stage: 'contributing', invitees: both, advice: [submittedAdvice], ...overrides }),
    );

  it('a request to one invitee does not count as asking another', () => {
    const adviceRequests = [{ id: 'r1', inviteeId: 'health', state: 'submitted', requestedOn }] as const;
    expect(problemsFor(contributing({ adviceRequests }), 'meeting')).toEqual([
      { where: 'invitees.social', message: 'request information from Person social (ADVICE_CIRCULATED)' },
    ]);
  });

  it('a request still awaiting an answer blocks the move to the meeting', () => {
    const adviceRequests = [
      { id: 'r1', inviteeId: 'health', state: 'requested', requestedOn },
      { id: 'r2', inviteeId: 'social', state: 'submitted', requestedOn },
    ] as const;
    expect(problemsFor(contributing({ adviceRequests }), 'meeting')).toEqual([
      { where: 'adviceRequests.r1', message: 'the request to Person health is not answered or closed yet' },
    ]);
  });

  it('an open request to someone no longer on the invitee list still blocks, and is named as to an invitee', () => {
    const adviceRequests = [
      { id: 'r1', inviteeId: 'health', state: 'submitted', requestedOn },
      { id: 'r2', inviteeId: 'social', state: 'submitted', requestedOn },
      { id: 'r3', inviteeId: 'removed', state: 'accepted', requestedOn },
    ] as const;
    expect(problemsFor(contributing({ adviceRequests }), 'meeting')).toEqual([
      { where: 'adviceRequests.r3', message: 'the request to an invitee is not answered or closed yet' },
    ]);
  });
});

describe('rules the gate to the report holds', () => {
  it('before the meeting day the problem names the meeting date; nobody marked present is no register', () => {
    const file = makeFile(
      {},
      makeReview({
        stage: 'meeting',
        meeting: makeMeeting('2025-03-03'),
        attendance: [{ inviteeId: 'head', present: false }],
      }),
    );
    const problems = problemsFor(file, 'report', '2025-03-02');
    expect(problems[0]?.message).toContain('3 March 2025');
    expect(problemsFor(file, 'report', '2025-03-03').map((p) => p.where)).toEqual(['attendance']);
  });
});

describe('rules the gate to submitting the report holds', () => {
  const outcomes: Outcome[] = [outcome, { ...outcome, id: 'o2', text: 'Writes a paragraph' }];
  const reportFile = (report: Report, review = {}, dateOfBirth = '2015-10-15') =>
    makeFile(
      { outcomes, child: { name: 'Ash', dateOfBirth: d(dateOfBirth) } },
      makeReview({ stage: 'report', meeting: makeMeeting('2025-03-03'), report, ...review }),
    );
  const bothAgreed = [
    { outcomeId: 'o1', agreedResponse: 'On track' },
    { outcomeId: 'o2', agreedResponse: 'Keep going' },
  ];

  it('every section left blank or only spaces is named', () => {
    const blank: Report = {
      ...completeReport,
      setting: { attendance: ' ', exclusions: '', details: '' },
      transport: '\t',
      personalBudget: '',
      summary: '  ',
      agreedActions: '\n',
      outcomes: bothAgreed,
    };
    expect(problemsFor(reportFile(blank), 'submitted').map((p) => p.where)).toEqual([
      'report.setting.attendance',
      'report.setting.exclusions',
      'report.transport',
      'report.personalBudget',
      'report.summary',
      'report.agreedActions',
    ]);
  });

  it("one outcome's agreed response does not answer another, and spaces are no response", () => {
    const one = [{ outcomeId: 'o1', agreedResponse: 'On track' }];
    expect(problemsFor(reportFile({ ...completeReport, outcomes: one }), 'submitted')).toEqual([
      { where: 'report.outcomes.o2', message: 'record the agreed response' },
    ]);
    const spaces = [bothAgreed[0], { outcomeId: 'o2', agreedResponse: '   ' }];
    expect(
      problemsFor(reportFile({ ...completeReport, outcomes: spaces as typeof bothAgreed }), 'submitted'),
    ).toEqual([{ where: 'report.outcomes.o2', message: 'record the agreed response' }]);
  });

  it('PREPARING_FOR_ADULTHOOD: the year at the meeting decides, not the year the review started', () => {
    // Born 15 October 2011: Year 8 in 2024/25, Year 9 from 1 September 2025.
    const report = { ...completeReport, outcomes: bothAgreed };
    const startedInYear8 = { startedOn: d('2025-07-01'), meeting: makeMeeting('2025-09-15') };
    expect(
      problemsFor(reportFile(report, startedInYear8, '2011-10-15'), 'submitted').map((p) => p.where),
    ).toEqual(['report.preparingForAdulthood']);
    const meetingInYear8 = { startedOn: d('2025-06-01'), meeting: makeMeeting('2025-07-10') };
    expect(problemsFor(reportFile(report, meetingInYear8, '2011-10-15'), 'submitted')).toEqual([]);
  });

  it('PREPARING_FOR_ADULTHOOD: with no meeting recorded, the year the review started decides', () => {
    const report = { ...completeReport, outcomes: bothAgreed };
    const file = (startedOn: string) =>
      makeFile(
        { outcomes, child: { name: 'Ash', dateOfBirth: d('2011-10-15') } },
        makeReview({ stage: 'report', startedOn: d(startedOn), report }),
      );
    expect(problemsFor(file('2025-09-01'), 'submitted').map((p) => p.where)).toEqual([
      'report.preparingForAdulthood',
    ]);
    expect(problemsFor(file('2025-08-31'), 'submitted')).toEqual([]);
  });

  it('PREPARING_FOR_ADULTHOOD: a section of only spaces does not cover it', () => {
    const report = { ...completeReport, outcomes: bothAgreed, preparingForAdulthood: '  ' };
    expect(problemsFor(reportFile(report, {}, '2010-10-15'), 'submitted').map((p) => p.where)).toEqual([
      'report.preparingForAdulthood',
    ]);
  });
});

describe('rules the gates after the decision hold', () => {
  const decision = { decidedBy: 'la-tenant/casey', notifiedOn: d('2025-03-20'), reason: 'Needs unchanged' };
  const at = (stage: 'submitted' | 'decided' | 'amending', review = {}) =>
    makeFile({}, makeReview({ stage, ...review }));

  it('a recorded decision lets a submitted review move to decided', () => {
    expect(problemsFor(at('submitted', { decision: { ...decision, outcome: 'cease' } }), 'decided')).toEqual(
      [],
    );
  });

  it('without a decision to amend there is no amending, even with no decision at all', () => {
    expect(problemsFor(at('decided'), 'amending').map((p) => p.where)).toEqual(['decision']);
  });

  it('AMEND_PROPOSAL: a decision to amend with the proposal served moves to amending', () => {
    const review = { decision: { ...decision, outcome: 'amend' }, amendment: { noticeOn: d('2025-03-20') } };
    expect(problemsFor(at('decided', review), 'amending')).toEqual([]);
  });

  it('AMEND_FINAL: an amended plan closes only once the final plan is issued', () => {
    const amend = { decision: { ...decision, outcome: 'amend' } };
    expect(
      problemsFor(at('amending', { ...amend, amendment: { noticeOn: d('2025-03-20') } }), 'closed'),
    ).toEqual([
      { where: 'amendment.finalIssuedOn', message: 'record when the final amended plan was issued' },
    ]);
    expect(problemsFor(at('decided', amend), 'closed').map((p) => p.where)).toEqual([
      'amendment.finalIssuedOn',
    ]);
  });

  it('AMEND_REPRESENTATIONS: a final plan issued inside the 15 days is refused at its date field', () => {
    const review = {
      decision: { ...decision, outcome: 'amend' },
      amendment: { noticeOn: d('2025-03-20'), finalIssuedOn: d('2025-03-25') },
    };
    expect(problemsFor(at('amending', review), 'closed').map((p) => p.where)).toEqual([
      'amendment.finalIssuedOn',
    ]);
  });
});
