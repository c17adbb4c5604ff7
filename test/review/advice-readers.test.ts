import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import type { AdviceDocument } from '../../bot/src/review/contribute/advice.ts';
import { EMPTY_ADVICE } from '../../bot/src/review/contribute/advice.ts';
import {
  type Actor,
  actorKey,
  canByPlacement,
  mayAllocate,
  mayAnswer,
  mayReadAdvice,
} from '../../bot/src/review/permissions.ts';
import type { AdviceRequest, Stage } from '../../bot/src/review/review.ts';
import { d, makeFile, makeInvitee, makeReview } from './factories.ts';

const coordinator: Person = {
  name: 'Casey',
  email: 'casey@la.example',
  role: 'case-coordinator',
  identity: { tenantId: 'la', objectId: 'casey' },
};
const team: Person = {
  name: 'EP team',
  email: 'EP@la.example',
  role: 'educational-psychologist',
  isTeam: true,
};

const senco: Actor = {
  email: 'senco@school.example',
  roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }],
};
const officer: Actor = { email: 'olly@la.example', roles: [{ kind: 'la-officer', laCode: '860' }] };
const coordinatorActor: Actor = { identity: coordinator.identity, roles: [] };
const health: Actor = { email: 'health@example.test', roles: [] };
const parent: Actor = { email: 'parent@example.test', roles: [] };
const author: Actor = { email: 'eve@ep.example', roles: [] };
const stranger: Actor = { email: 'nobody@nowhere.example', roles: [] };
const allocator: Actor = {
  email: 'al@la.example',
  roles: [{ kind: 'allocator', laCode: '860', teamEmail: 'ep@la.example' }],
};

const request: AdviceRequest = { id: 'r1', inviteeId: 'ep', state: 'accepted', requestedOn: d('2025-01-06') };

function fileAt(stage: Stage, adviceState: 'draft' | 'submitted' | 'none' = 'submitted'): CaseFile {
  return makeFile(
    { coordinator },
    makeReview({
      stage,
      invitees: [
        makeInvitee('health', 'health'),
        makeInvitee('parent', 'parent'),
        { id: 'ep', person: team, requestInformation: true },
      ],
      adviceRequests: [
        {
          ...request,
          allocatedTo: { name: 'Eve', email: 'eve@ep.example', role: 'educational-psychologist' },
        },
      ],
      advice:
        adviceState !== 'none'
          ? [
              {
                id: 'r1',
                requestId: 'r1',
                author: { name: 'Eve', email: 'eve@ep.example', role: 'educational-psychologist' },
                state: adviceState,
              },
            ]
          : [],
    }),
  );
}

function document(state: 'draft' | 'submitted', writtenBy = 'email:eve@ep.example'): AdviceDocument {
  return {
    key: 'r1',
    laCode: '860',
    caseId: 'CASE-0001',
    reviewId: 'REVIEW-0001',
    requestId: 'r1',
    author: { name: 'Eve', email: 'eve@ep.example', role: 'educational-psychologist' },
    writtenBy,
    state,
    content: EMPTY_ADVICE,
    attachments: [],
    savedOn: d('2025-01-20'),
    lastCommandId: 'c1',
  };
}

const everyone = { senco, officer, coordinatorActor, health, parent, author, stranger };
const readers = (file: CaseFile, advice: AdviceDocument) =>
  Object.entries(everyone)
    .filter(([, actor]) => mayReadAdvice(actor, advice, file))
    .map(([who]) => who);

describe('who reads a piece of advice', () => {
  it('a draft is its writer’s alone: not the SENCo’s, not the LA’s', () => {
    expect(readers(fileAt('contributing', 'draft'), document('draft'))).toEqual(['author']);
  });

  it('submitted, before it is circulated: the SENCo, the LA (officer and coordinator) and its author', () => {
    expect(readers(fileAt('contributing'), document('submitted'))).toEqual([
      'senco',
      'officer',
      'coordinatorActor',
      'author',
    ]);
  });

  it('once the review has moved to the meeting, everyone involved in it, no one else', () => {
    expect(readers(fileAt('meeting'), document('submitted'))).toEqual([
      'senco',
      'officer',
      'coordinatorActor',
      'health',
      'parent',
      'author',
    ]);
  });

  it('a document the case file does not yet index as submitted is still its writer’s alone', () => {
    expect(readers(fileAt('meeting', 'draft'), document('submitted'))).toEqual(['author']);
    expect(readers(fileAt('meeting', 'none'), document('submitted'))).toEqual(['author']);
  });

  it('advice of another review, or of a case with no review, is nobody’s to read', () => {
    const other = { ...document('submitted'), reviewId: 'REVIEW-0000' };
    expect(readers(fileAt('meeting'), other)).toEqual([]);
    expect(readers(makeFile({ coordinator }), document('submitted'))).toEqual([]);
  });

  it('whoever recorded it on the author’s behalf reads it too, by their account key', () => {
    const recorded = document('submitted', actorKey(allocator));
    expect(mayReadAdvice(allocator, recorded, fileAt('contributing'))).toBe(true);
  });
});

describe('how a person is named in the history', () => {
  it('by account (tenant id / object id) when signed in, else by email, never by name', () => {
    expect(actorKey(coordinatorActor)).toBe('la/casey');
    expect(actorKey({ email: 'eve@ep.example', name: 'Eve', roles: [] })).toBe('email:eve@ep.example');
    expect(actorKey({ roles: [] })).toBe('email:unknown');
  });
});

describe('answering and allocating a request', () => {
  const file = makeFile(
    { coordinator },
    makeReview({
      stage: 'contributing',
      invitees: [{ id: 'ep', person: team, requestInformation: true }, makeInvitee('health', 'health')],
      adviceRequests: [
        request,
        { id: 'r2', inviteeId: 'health', state: 'requested', requestedOn: d('2025-01-06') },
      ],
    }),
  );
  const r2 = file.review?.adviceRequests[1] as AdviceRequest;

  it('a team’s request is allocated by the allocator of its mailbox, whatever the case of the address', () => {
    expect(mayAllocate(allocator, request, file)).toBe(true);
    const otherLa = {
      ...allocator,
      roles: [{ kind: 'allocator', laCode: '861', teamEmail: 'ep@la.example' }],
    } as const;
    expect(mayAllocate(otherLa, request, file)).toBe(false);
    const otherTeam = {
      ...allocator,
      roles: [{ kind: 'allocator', laCode: '860', teamEmail: 'ds@la.example' }],
    } as const;
    expect(mayAllocate(otherTeam, request, file)).toBe(false);
  });

  it('a request to a person, not a team, is allocated by no one', () => {
    const healthAllocator = {
      ...allocator,
      roles: [{ kind: 'allocator', laCode: '860', teamEmail: 'health@example.test' }],
    } as const;
    expect(mayAllocate(healthAllocator, r2, file)).toBe(false);
    expect(mayAllocate(allocator, { ...request, inviteeId: 'gone' }, file)).toBe(false);
  });

  it('the one asked answers for themself; the SENCo, and the allocator of the team asked, on their behalf; no one else', () => {
    expect(mayAnswer(health, r2, file)).toBe('self');
    expect(mayAnswer(senco, r2, file)).toBe('behalf');
    expect(mayAnswer(allocator, request, file)).toBe('behalf');
    expect(mayAnswer(allocator, r2, file)).toBeUndefined();
    expect(mayAnswer(officer, r2, file)).toBeUndefined();
  });
});

describe('a list by placement', () => {
  it('the setting’s SENCo (added by that LA) and the LA’s officers read a case by its placement alone', () => {
    const placement = { laCode: '860', settingUrn: '100001' };
    expect(canByPlacement(senco, 'case.read', placement)).toBe(true);
    expect(canByPlacement(officer, 'case.read', placement)).toBe(true);
    expect(canByPlacement(senco, 'case.read', { ...placement, laCode: '861' })).toBe(false);
    expect(canByPlacement(senco, 'case.read', { ...placement, settingUrn: '100002' })).toBe(false);
    expect(canByPlacement(officer, 'case.read', { ...placement, laCode: '861' })).toBe(false);
    expect(canByPlacement(coordinatorActor, 'case.read', placement)).toBe(false);
  });
});
