import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import { ACTIONS, type Actor, can, isPerson, relationsTo } from '../../bot/src/review/permissions.ts';
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

function fileAt(stage: Stage) {
  return makeFile(
    { coordinator, people: [parent] },
    makeReview({
      stage,
      invitees: [{ id: 'i1', person: psychologist, requestInformation: true }],
    }),
  );
}

describe('who may see a case', () => {
  it.each([
    ['the SENCo of the case setting', senco, ['senco']],
    ['an officer of the case LA', laOfficer, ['la-officer']],
    ['the case coordinator, by account', coordinatorActor, ['coordinator']],
    ['an invited professional, by email in any case', psychologistActor, ['invitee']],
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
    expect(relationsTo({ email: 'al@ds.example', roles: [] }, file)).toEqual(['invitee']);
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

  it('invitees give advice; parents give views', () => {
    const file = fileAt('contributing');
    expect(can(psychologistActor, 'advice.submit', file)).toBe(true);
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
