import type { Outcome, Person } from '../../../bot/src/review/case.ts';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import type { Accepted, Decided } from '../../../bot/src/review/command.ts';
import type { AdviceContent, AdviceDocument } from '../../../bot/src/review/contribute/advice.ts';
import { decide, type ReviewCommand } from '../../../bot/src/review/decide.ts';
import type { Actor } from '../../../bot/src/review/permissions.ts';
import type { LaPolicy } from '../../../bot/src/review/policy.ts';
import { policy as arrangePolicy, DISABILITY, newId, people, senco } from '../arrange/factories.ts';
import { d, makeFile } from '../factories.ts';

export { newId, people, senco };
export const TODAY = d('2025-01-20');

export const allocatorPerson: Person = {
  name: 'Ali Allocator',
  email: 'ali@la.example',
  role: 'disability-service',
  identity: { tenantId: 'la', objectId: 'ali-oid' },
};
/** The allocator the LA's directory names for the Disability Service's mailbox. */
export const allocator: Actor = {
  identity: allocatorPerson.identity,
  email: 'ali@la.example',
  name: allocatorPerson.name,
  roles: [{ kind: 'allocator', laCode: '860', teamEmail: DISABILITY.email }],
};

/** The health team (no allocator configured): its mailbox answers for it. */
export const health: Actor = { email: people.health.email, roles: [] };
export const psychologistTeam: Actor = { email: people.psychologist.email, roles: [] };
export const parentActor: Actor = { email: people.parent.email, name: people.parent.name, roles: [] };
export const socialWorker = { name: 'Sol Worker', email: 'sol@la.example' };
export const socialWorkerActor: Actor = { email: 'sol@la.example', name: 'Sol Worker', roles: [] };
export const stranger: Actor = { email: 'nobody@nowhere.example', roles: [] };

export const policy: LaPolicy = arrangePolicy;

export const OUTCOMES: readonly Outcome[] = [
  { id: 'o1', area: 'communication-and-interaction', text: 'Sam will ask for help in class.', provision: [] },
  { id: 'o2', area: 'cognition-and-learning', text: 'Sam will read at age-related level.', provision: [] },
];

/** A case of Sam Fictional with two outcomes, whose review is arranged for 3 March 2025. */
export function pendingFile(): CaseFile {
  const { parent, head, coordinator, health: h, psychologist } = people;
  return makeFile({ people: [parent, head, coordinator, h, psychologist], outcomes: OUTCOMES });
}

export function run(
  file: CaseFile,
  command: Record<string, unknown> & { type: ReviewCommand['type']; id?: string },
  actor: Actor = senco,
  advice?: AdviceDocument,
  today = TODAY,
): Decided {
  return decide(file, { id: newId(), ...command } as ReviewCommand, actor, today, policy, advice);
}

export function accept(
  file: CaseFile,
  command: Record<string, unknown> & { type: ReviewCommand['type']; id?: string },
  actor: Actor = senco,
  advice?: AdviceDocument,
  today = TODAY,
): Accepted {
  const decided = run(file, command, actor, advice, today);
  // A rejection here is a broken test setup: say what was refused.
  if (!decided.ok) throw new Error(`rejected ${decided.code}: ${JSON.stringify(decided.problems)}`);
  return decided;
}

/** The invitations sent on 6 January 2025: each professional has been asked (r1 health, r2 EP, r3 DS). */
export function contributing(): CaseFile {
  const started = accept(pendingFile(), { type: 'startReview' }, senco, undefined, d('2025-01-06')).file;
  const met = accept(
    started,
    {
      type: 'saveMeeting',
      meeting: { on: d('2025-03-03'), startTime: '10:00', endTime: '11:00', venue: 'Library', online: true },
    },
    senco,
    undefined,
    d('2025-01-06'),
  ).file;
  return accept(met, { type: 'sendInvitations' }, senco, undefined, d('2025-01-06')).file;
}

/** Advice on both outcomes, with one provision row. */
export function fullAdvice(overrides: Partial<AdviceContent> = {}): AdviceContent {
  return {
    outcomes: [
      { outcomeId: 'o1', progress: 'on-track', commentary: 'Asks for help twice a lesson.' },
      {
        outcomeId: 'o2',
        progress: 'not-on-track',
        commentary: 'Reads simple sentences; decoding is the barrier.',
        recommendedChanges: 'Phonics first',
      },
    ],
    newOutcomes: [],
    needs: [],
    provision: [
      {
        intervention: 'Precision teaching',
        providedBy: 'Teaching assistant',
        frequency: 'daily',
        duration: '10 minutes',
        groupSize: '1:1',
      },
    ],
    ...overrides,
  };
}

/** The request to the invitee with `email`. */
export function requestTo(file: CaseFile, email: string) {
  const invitee = file.review?.invitees.find((i) => i.person.email === email);
  const request = file.review?.adviceRequests.find((r) => r.inviteeId === invitee?.id);
  if (!request) throw new Error(`no request to ${email}`);
  return request;
}
