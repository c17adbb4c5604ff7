import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import { emailsWithAccess, peopleWithAccess } from '../../bot/src/review/people-with-access.ts';
import { relationsTo } from '../../bot/src/review/permissions.ts';
import { makeFile, makeReview } from './factories.ts';

const person = (name: string, role: Person['role'], email = `${name.toLowerCase()}@example.org`): Person => ({
  name,
  email,
  role,
});

const parent = person('Parent', 'parent', 'Parent@Example.org');
const coordinator = person('Coordinator', 'case-coordinator');
const lastYearsEp = person('Former', 'educational-psychologist');
const team = { ...person('Team', 'educational-psychologist'), isTeam: true };
const allocated = person('Allocated', 'educational-psychologist');
const teacher = person('Teacher', 'named-staff');

const file = makeFile(
  { people: [parent, lastYearsEp, teacher], coordinator },
  makeReview({
    stage: 'contributing',
    invitees: [
      { id: 'i1', person: team, requestInformation: true },
      { id: 'i2', person: teacher, requestInformation: false },
    ],
    adviceRequests: [
      {
        id: 'r1',
        inviteeId: 'i1',
        state: 'accepted',
        requestedOn: '2025-01-06' as never,
        allocatedTo: allocated,
      },
    ],
  }),
);

describe('the people a case gives access to by who they are', () => {
  it('leave out the draft invitee list until the invitations go out', () => {
    const draft = makeFile(
      { people: [parent, lastYearsEp, teacher], coordinator },
      makeReview({ stage: 'arranging', invitees: [{ id: 'i1', person: team, requestInformation: true }] }),
    );
    expect(peopleWithAccess(draft).map((p) => p.email)).toEqual(
      [coordinator, parent].map((p) => p.email.toLowerCase()),
    );
  });

  it('are the coordinator, the invitees, the professional a team allocated, and the family; each once, lower-cased', () => {
    expect(peopleWithAccess(file).map((p) => p.email)).toEqual([
      'coordinator@example.org',
      'team@example.org',
      'teacher@example.org',
      'allocated@example.org',
      'parent@example.org',
    ]);
  });

  it('are exactly those `relationsTo` gives a relation to by email', () => {
    const everyone = [parent, coordinator, lastYearsEp, team, allocated, teacher];
    const listed = new Set(peopleWithAccess(file).map((p) => p.email));
    for (const someone of everyone) {
      const related = relationsTo({ email: someone.email.toLowerCase(), roles: [] }, file).length > 0;
      expect(related, someone.name).toBe(listed.has(someone.email.toLowerCase()));
    }
  });

  it('leave out a professional of the last review who is not invited to this one', () => {
    expect(peopleWithAccess(file).map((p) => p.name)).not.toContain('Former');
  });

  it('without a coordinator, are the others only; their emails are the addresses a share goes to', () => {
    const noCoordinator = { ...file, case: { ...file.case, coordinator: undefined } };
    expect(emailsWithAccess(noCoordinator)).toEqual([
      'team@example.org',
      'teacher@example.org',
      'allocated@example.org',
      'parent@example.org',
    ]);
  });
});
