import type { ArrangeCommand } from '../../../bot/src/review/arrange/arrange-commands.ts';
import type { Person } from '../../../bot/src/review/case.ts';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import type { Accepted } from '../../../bot/src/review/command.ts';
import { decide } from '../../../bot/src/review/decide.ts';
import type { Actor } from '../../../bot/src/review/permissions.ts';
import { type LaPolicy, STATUTORY_DEFAULTS } from '../../../bot/src/review/policy.ts';
import { d, makeFile } from '../factories.ts';

export const TODAY = d('2025-01-06');

/** The SENCo of setting 100001, where the test case is. */
export const senco: Actor = {
  identity: { tenantId: 'school', objectId: 'senco-oid' },
  email: 'senco@school.example',
  roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }],
};
export const otherSenco: Actor = {
  identity: { tenantId: 'school', objectId: 'other-oid' },
  email: 'other@school.example',
  roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }],
};

export const people = {
  parent: { name: 'Pat Parent', email: 'pat@home.example', role: 'parent' },
  head: { name: 'Hana Head', email: 'head@school.example', role: 'head-of-setting' },
  coordinator: { name: 'Cas Coord', email: 'cas@la.example', role: 'case-coordinator' },
  health: { name: 'Community Paediatrics', email: 'paeds@nhs.example', role: 'health', isTeam: true },
  socialCare: { name: 'Children’s Social Care', email: 'csc@la.example', role: 'social-care', isTeam: true },
  psychologist: {
    name: 'EP Service',
    email: 'ep@la.example',
    role: 'educational-psychologist',
    isTeam: true,
  },
} as const satisfies Record<string, Person>;

export const DISABILITY = {
  id: 'ds',
  name: 'Disability Service',
  email: 'ds@la.example',
  role: 'disability-service',
  standsInFor: 'social-care',
} as const;
export const policy: LaPolicy = { ...STATUTORY_DEFAULTS, alwaysInvite: [DISABILITY] };

/** A pending case of Sam Fictional whose previous review named everyone the gate requires but social care. */
export function pendingFile(): CaseFile {
  const { parent, head, coordinator, health, psychologist } = people;
  return makeFile({ people: [parent, head, coordinator, health, psychologist] });
}

let counter = 0;
/** A fresh client-made command id. */
export function newId(): string {
  counter += 1;
  return `cmd-${String(counter).padStart(6, '0')}`;
}

/** A command without its id, for each kind of command. */
export type CommandBody = ArrangeCommand extends infer C
  ? C extends ArrangeCommand
    ? Omit<C, 'id'>
    : never
  : never;

/** Decides `command` (with a fresh id unless one is given) and expects it accepted. */
export function apply(
  file: CaseFile,
  command: CommandBody & { id?: string },
  options: { actor?: Actor; today?: typeof TODAY } = {},
): Accepted {
  const decided = decide(
    file,
    { id: newId(), ...command } as ArrangeCommand,
    options.actor ?? senco,
    options.today ?? TODAY,
    policy,
  );
  if (!decided.ok) throw new Error(`rejected ${decided.code}: ${JSON.stringify(decided.problems)}`);
  return decided;
}

/** A started review with a meeting on 3 March 2025 at 10:00-11:00 in the library. */
export function arranged(): CaseFile {
  const started = apply(pendingFile(), { type: 'startReview' }).file;
  return apply(started, {
    type: 'saveMeeting',
    meeting: { on: d('2025-03-03'), startTime: '10:00', endTime: '11:00', venue: 'Library', online: true },
  }).file;
}

/** Arranged and the invitations sent: the invite is in the outbox. */
export function sent(): CaseFile {
  return apply(arranged(), { type: 'sendInvitations' }).file;
}
