import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  canListLa,
  isPerson,
  RELATIONS,
  type Relation,
  relationsTo,
} from '../../bot/src/review/permissions.ts';
import type { Stage } from '../../bot/src/review/review.ts';
import { makeFile, makeReview } from './factories.ts';

const coordinator: Person = {
  name: 'Casey Coordinator',
  email: 'casey@la.example',
  role: 'case-coordinator',
  identity: { tenantId: 'la-tenant', objectId: 'casey' },
};
const psychologist: Person = {
  name: 'Dr Eve Psych',
  email: 'Eve@EP.example',
  role: 'educational-psychologist',
};
const parent: Person = { name: 'Pat Parent', email: 'pat@home.example', role: 'parent' };
const therapist: Person = { name: 'Theo Therapist', email: 'theo@nhs.example', role: 'health' };
const epTeam: Person = {
  name: 'EP team',
  email: 'ep-team@la.example',
  role: 'educational-psychologist',
  isTeam: true,
};
const allocatorActor: Actor = {
  email: 'al@la.example',
  roles: [{ kind: 'allocator', laCode: '860', teamEmail: 'ep-team@la.example' }],
};

const senco: Actor = {
  email: 'senco@school.example',
  roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }],
};
const otherSenco: Actor = {
  email: 'senco@other.example',
  roles: [{ kind: 'senco', settingUrn: '100002', laCode: '860' }],
};
const laOfficer: Actor = { email: 'officer@la.example', roles: [{ kind: 'la-officer', laCode: '860' }] };
const otherLaOfficer: Actor = {
  email: 'officer@other-la.example',
  roles: [{ kind: 'la-officer', laCode: '861' }],
};
const coordinatorActor: Actor = { identity: { tenantId: 'la-tenant', objectId: 'casey' }, roles: [] };
const psychologistActor: Actor = { email: 'eve@ep.example', roles: [] };
const parentActor: Actor = { email: 'pat@home.example', roles: [] };
const stranger: Actor = { email: 'nobody@nowhere.example', roles: [] };
const therapistActor: Actor = { email: 'theo@nhs.example', roles: [] };
const otherTeamAllocator: Actor = {
  email: 'other@la.example',
  roles: [{ kind: 'allocator', laCode: '860', teamEmail: 'someone-else@la.example' }],
};

function fileAt(stage: Stage) {
  return makeFile(
    { coordinator, people: [parent] },
    makeReview({
      stage,
      invitees: [
        { id: 'i1', person: psychologist, requestInformation: true },
        { id: 'i2', person: epTeam, requestInformation: true },
        { id: 'i3', person: therapist, requestInformation: true },
      ],
      // i1 is invited but not (yet) asked; the EP team and the therapist are asked.
      adviceRequests: [
        { id: 'r1', inviteeId: 'i2', state: 'requested', requestedOn: makeReview().startedOn },
        { id: 'r2', inviteeId: 'i3', state: 'requested', requestedOn: makeReview().startedOn },
      ],
    }),
  );
}

describe('who may see a case', () => {
  it.each([
    ['the SENCo of the case setting', senco, ['senco']],
    ['an officer of the case LA', laOfficer, ['la-officer']],
    ['the case coordinator, by account', coordinatorActor, ['coordinator']],
    ['an invited professional, by email in any case', psychologistActor, ['invitee']],
    ['a professional asked for advice', therapistActor, ['invitee', 'contributor']],
    ['the allocator of a team asked', allocatorActor, ['allocator']],
    ['the allocator of a team not invited', otherTeamAllocator, []],
    ['the parent', parentActor, ['parent']],
    ['the SENCo of another setting', otherSenco, []],
    ['an officer of another LA', otherLaOfficer, []],
    ['someone with no relation to the case', stranger, []],
  ])('%s', (_who, actor, relations) => {
    const file = fileAt('contributing');
    expect(relationsTo(actor, file)).toEqual(relations);
    expect(can(actor, 'case.read', file)).toBe(relations.length > 0);
  });

  it('someone with no relation may do nothing at all', () => {
    for (const action of ACTIONS) expect(can(stranger, action, fileAt('contributing'))).toBe(false);
  });

  it('nobody on the draft invitee list may see the case before the invitations go out', () => {
    const draft = fileAt('arranging');
    expect(relationsTo(psychologistActor, draft)).toEqual([]);
    expect(can(psychologistActor, 'case.read', draft)).toBe(false);
    expect(relationsTo(parentActor, draft)).toEqual(['parent']);
  });

  it('a professional allocated by a team is treated as invited', () => {
    const allocated: Person = { name: 'Al Located', email: 'al@ds.example', role: 'disability-service' };
    const file = makeFile(
      {},
      makeReview({
        stage: 'contributing',
        adviceRequests: [
          {
            id: 'r1',
            inviteeId: 'i1',
            state: 'accepted',
            requestedOn: makeReview().startedOn,
            allocatedTo: allocated,
          },
        ],
      }),
    );
    expect(relationsTo({ email: 'al@ds.example', roles: [] }, file)).toEqual(['invitee', 'contributor']);
  });
});

describe('who may do what', () => {
  it('only the SENCo runs the review', () => {
    const file = fileAt('arranging');
    for (const action of ['review.start', 'review.arrange', 'review.abandon', 'report.write'] as const) {
      expect(can(senco, action, file)).toBe(true);
      expect(can(laOfficer, action, file)).toBe(false);
      expect(can(psychologistActor, action, file)).toBe(false);
    }
  });

  it('only the case coordinator decides (DECISION_DUE)', () => {
    const file = fileAt('submitted');
    expect(can(coordinatorActor, 'decision.make', file)).toBe(true);
    expect(can(senco, 'decision.make', file)).toBe(false);
    expect(can(laOfficer, 'decision.make', file)).toBe(false);
  });

  it('only invitees asked for information give advice; parents give views', () => {
    const file = fileAt('contributing');
    expect(can(therapistActor, 'advice.submit', file)).toBe(true);
    expect(can(psychologistActor, 'advice.submit', file)).toBe(false);
    expect(can(parentActor, 'advice.submit', file)).toBe(false);
    expect(can(parentActor, 'views.record', file)).toBe(true);
  });

  it.each([
    ['report', false],
    ['submitted', true],
    ['decided', true],
  ] as const)('the report at the %s stage is readable by the invitees: %s', (stage, readable) => {
    const file = fileAt(stage);
    expect(can(senco, 'report.read', file)).toBe(true);
    expect(can(psychologistActor, 'report.read', file)).toBe(readable);
    expect(can(parentActor, 'report.read', file)).toBe(readable);
  });
});

describe('recognising a person', () => {
  it('an Entra account decides over the email address when both sides have one', () => {
    const person: Person = { ...coordinator, email: 'shared@la.example' };
    expect(
      isPerson(
        {
          identity: { tenantId: 'la-tenant', objectId: 'someone-else' },
          email: 'shared@la.example',
          roles: [],
        },
        person,
      ),
    ).toBe(false);
  });

  it('email addresses match whatever their case', () => {
    expect(isPerson({ email: 'EVE@ep.example', roles: [] }, psychologist)).toBe(true);
  });

  it('an actor with neither account nor email is nobody', () => {
    expect(isPerson({ roles: [] }, psychologist)).toBe(false);
  });
});

/**
 * Every right, from the product's charter (DESIGN.md section 1): the SENCo runs the review, invitees
 * give advice, parents give views, the LA's case coordinator decides (reg 20(10)) and records the
 * amendment, the LA reads the audit trail; the report is the SENCo's alone until it is submitted.
 */
const RIGHTS: Record<Action, { before: readonly Relation[]; after?: readonly Relation[] }> = {
  'case.read': {
    before: ['senco', 'la-officer', 'coordinator', 'invitee', 'parent', 'allocator', 'contributor'],
  },
  'review.start': { before: ['senco'] },
  'review.arrange': { before: ['senco'] },
  'review.abandon': { before: ['senco'] },
  'advice.request': { before: ['senco'] },
  'advice.allocate': { before: ['allocator'] },
  'advice.submit': { before: ['senco', 'contributor', 'allocator'] },
  'advice.onBehalf': { before: ['senco', 'allocator'] },
  'review.progress': { before: ['senco'] },
  'views.record': { before: ['senco', 'parent'] },
  'attendance.record': { before: ['senco'] },
  'report.write': { before: ['senco'] },
  'report.read': { before: ['senco'], after: ['senco', 'la-officer', 'coordinator', 'invitee', 'parent'] },
  'report.submit': { before: ['senco'] },
  'decision.make': { before: ['coordinator'] },
  'amendment.record': { before: ['coordinator'] },
  'audit.read': { before: ['la-officer', 'coordinator'] },
};

const ONE_RELATION: Record<Relation, Actor> = {
  senco,
  'la-officer': laOfficer,
  coordinator: coordinatorActor,
  invitee: psychologistActor,
  parent: parentActor,
  allocator: allocatorActor,
  contributor: therapistActor,
};

/** The relations each actor of {@link ONE_RELATION} holds: a contributor is an invitee too. */
const HELD: Record<Relation, readonly Relation[]> = {
  senco: ['senco'],
  'la-officer': ['la-officer'],
  coordinator: ['coordinator'],
  invitee: ['invitee'],
  parent: ['parent'],
  allocator: ['allocator'],
  contributor: ['invitee', 'contributor'],
};

describe('every right, both ways: each relation has exactly the rights it should', () => {
  it('the table of rights names every action', () => {
    expect(Object.keys(RIGHTS).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(RELATIONS)('%s', (relation) => {
    const actor = ONE_RELATION[relation];
    for (const stage of ['contributing', 'report', 'submitted', 'decided', 'closed'] as const) {
      const file = fileAt(stage);
      expect(relationsTo(actor, file), stage).toEqual(HELD[relation]);
      const submitted = ['submitted', 'decided', 'closed'].includes(stage);
      for (const action of ACTIONS) {
        const { before, after = before } = RIGHTS[action];
        const expected = HELD[relation].some((held) => (submitted ? after : before).includes(held));
        expect(can(actor, action, file), `${relation} ${action} at ${stage}`).toBe(expected);
      }
    }
  });

  it('a professional invited to no current review has none of the rights', () => {
    const noReview = makeFile({ coordinator, people: [parent] });
    for (const action of ACTIONS) expect(can(psychologistActor, action, noReview), action).toBe(false);
  });

  it('with no review, the report is the SENCo’s alone', () => {
    const noReview = makeFile({ coordinator, people: [parent] });
    expect(RELATIONS.filter((relation) => can(ONE_RELATION[relation], 'report.read', noReview))).toEqual([
      'senco',
    ]);
  });

  it('an abandoned review’s report is nobody’s but the SENCo’s, though it had reached the report stage', () => {
    const file = fileAt('abandoned');
    expect(can(senco, 'report.read', file)).toBe(true);
    for (const actor of [laOfficer, coordinatorActor, parentActor])
      expect(can(actor, 'report.read', file)).toBe(false);
  });
});

describe('recognising a person: identity is the tenant and the object id together', () => {
  it('the same object id in another tenant is someone else', () => {
    const elsewhere: Actor = { identity: { tenantId: 'other-tenant', objectId: 'casey' }, roles: [] };
    expect(isPerson(elsewhere, coordinator)).toBe(false);
    expect(relationsTo(elsewhere, fileAt('contributing'))).toEqual([]);
  });

  it('an account with the person’s email but no account on the person’s side is matched by email', () => {
    const withAccount: Actor = {
      identity: { tenantId: 'school-tenant', objectId: 'eve' },
      email: 'eve@ep.example',
      roles: [],
    };
    expect(isPerson(withAccount, psychologist)).toBe(true);
  });
});

describe('who may list an LA’s every live case', () => {
  it('an officer of that LA only: not another LA’s officer, a SENCo, a coordinator or a stranger', () => {
    expect(canListLa(laOfficer, '860')).toBe(true);
    expect(canListLa(otherLaOfficer, '860')).toBe(false);
    expect(canListLa(otherLaOfficer, '861')).toBe(true);
    for (const actor of [senco, coordinatorActor, psychologistActor, parentActor, stranger]) {
      expect(canListLa(actor, '860')).toBe(false);
    }
  });
});
