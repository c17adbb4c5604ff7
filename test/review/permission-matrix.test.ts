import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import {
  ACTIONS,
  type Action,
  type Actor,
  can,
  canOnDirectory,
  DIRECTORY_ACTIONS,
} from '../../bot/src/review/permissions.ts';
import { makeFile, makeReview } from './factories.ts';

/**
 * Every role x every action x a related and an unrelated case, across two LAs (860 and 861) and two
 * tenants. The expectations are written out by hand from DESIGN.md section 1 and the seeds, not
 * derived from the rule table they check.
 */
const TENANT_860 = 'aaaaaaaa-0000-4000-8000-000000000860';
const TENANT_SCHOOL = 'bbbbbbbb-0000-4000-8000-000000000001';

const coordinator: Person = {
  name: 'Casey Coordinator',
  email: 'casey@northshire.example',
  role: 'case-coordinator',
  identity: { tenantId: TENANT_860, objectId: 'c0000000-0000-4000-8000-000000000001' },
};
const psychologist: Person = { name: 'Eve Psych', email: 'eve@ep.example', role: 'educational-psychologist' };
const team: Person = {
  name: 'EP team',
  email: 'ep-team@northshire.example',
  role: 'educational-psychologist',
  isTeam: true,
};
const parent: Person = { name: 'Pat Parent', email: 'pat@home.example', role: 'parent' };

/** LA 860's case at Harbour (100001), with a coordinator, invitees (one a team mailbox) and a parent. */
const related = makeFile(
  { laCode: '860', caseId: 'N-1', settingUrn: '100001', coordinator, people: [parent] },
  makeReview({
    stage: 'contributing',
    invitees: [
      { id: 'i1', person: psychologist, requestInformation: true },
      { id: 'i2', person: team, requestInformation: true },
    ],
    // The psychologist is asked for advice; the team's request waits for its allocator.
    adviceRequests: [{ id: 'r1', inviteeId: 'i1', state: 'requested', requestedOn: makeReview().startedOn }],
  }),
);
/** LA 861's case at Harbour too, with none of those people. */
const otherLaSameSetting = makeFile(
  { laCode: '861', caseId: 'S-1', settingUrn: '100001' },
  makeReview({ stage: 'contributing' }),
);
/** LA 860's case at another setting, with none of those people. */
const otherSetting = makeFile(
  { laCode: '860', caseId: 'N-2', settingUrn: '100002' },
  makeReview({ stage: 'contributing' }),
);

const SENCO_RUNS: Action[] = [
  'case.read',
  'review.start',
  'review.arrange',
  'review.abandon',
  'advice.request',
  'advice.submit',
  'advice.onBehalf',
  'review.progress',
  'views.record',
  'attendance.record',
  'report.write',
  'report.read',
  'report.submit',
];

const ROLES: readonly {
  who: string;
  actor: Actor;
  related: readonly Action[];
  otherLa?: readonly Action[];
  otherSetting?: readonly Action[];
  directory860: boolean;
}[] = [
  {
    who: 'the SENCo of the setting, added by the case’s LA',
    actor: { email: 'ann@harbour.example', roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }] },
    related: SENCO_RUNS,
    directory860: false,
  },
  {
    who: 'an officer of the case’s LA',
    actor: { email: 'olly@northshire.example', roles: [{ kind: 'la-officer', laCode: '860' }] },
    related: ['case.read', 'audit.read'],
    otherSetting: ['case.read', 'audit.read'],
    directory860: false,
  },
  {
    who: 'an admin of the case’s LA',
    actor: { email: 'ada@northshire.example', roles: [{ kind: 'la-admin', laCode: '860' }] },
    related: [],
    directory860: true,
  },
  {
    who: 'the case coordinator, by account',
    actor: { identity: coordinator.identity, roles: [] },
    related: ['case.read', 'decision.make', 'amendment.record', 'audit.read'],
    directory860: false,
  },
  {
    who: 'an invited professional, by email',
    actor: { email: 'EVE@ep.example', roles: [] },
    related: ['case.read', 'advice.submit'],
    directory860: false,
  },
  {
    who: 'an allocator of the invited team mailbox',
    actor: {
      email: 'al@northshire.example',
      roles: [{ kind: 'allocator', laCode: '860', teamEmail: team.email }],
    },
    // Allocates, and uploads the advice a professional supplies (seed: the Disability Service).
    related: ['case.read', 'advice.allocate', 'advice.submit', 'advice.onBehalf'],
    directory860: false,
  },
  {
    who: 'the parent',
    actor: { email: 'pat@home.example', roles: [] },
    related: ['case.read', 'views.record'],
    directory860: false,
  },
  {
    who: 'the same SENCo added only by the other LA',
    actor: { email: 'ann@harbour.example', roles: [{ kind: 'senco', settingUrn: '100001', laCode: '861' }] },
    related: [],
    otherLa: SENCO_RUNS,
    directory860: false,
  },
  {
    who: 'an officer and admin of the other LA',
    actor: {
      email: 'sam@southshire.example',
      roles: [
        { kind: 'la-officer', laCode: '861' },
        { kind: 'la-admin', laCode: '861' },
      ],
    },
    related: [],
    otherLa: ['case.read', 'audit.read'],
    directory860: false,
  },
  {
    who: 'the coordinator’s object id in another tenant',
    actor: {
      identity: { tenantId: TENANT_SCHOOL, objectId: coordinator.identity?.objectId ?? '' },
      roles: [],
    },
    related: [],
    directory860: false,
  },
  {
    who: 'an allocator of the team in the other LA',
    actor: {
      email: 'al@southshire.example',
      roles: [{ kind: 'allocator', laCode: '861', teamEmail: team.email }],
    },
    related: [],
    directory860: false,
  },
  {
    who: 'someone with no relation',
    actor: { email: 'nobody@nowhere.example', roles: [] },
    related: [],
    directory860: false,
  },
];

describe('the permission matrix', () => {
  describe.each(ROLES)(
    '$who',
    ({ actor, related: allowed, otherLa, otherSetting: inOtherSetting, directory860 }) => {
      it.each(ACTIONS)('%s on the related case', (action) => {
        expect(can(actor, action, related)).toBe(allowed.includes(action));
      });

      it.each(ACTIONS)(
        '%s on another LA’s case at the same setting, and on another setting’s case',
        (action) => {
          expect(can(actor, action, otherLaSameSetting)).toBe((otherLa ?? []).includes(action));
          expect(can(actor, action, otherSetting)).toBe((inOtherSetting ?? []).includes(action));
        },
      );

      it.each(DIRECTORY_ACTIONS)('%s of LA 860’s directory, and of LA 861’s', (action) => {
        expect(canOnDirectory(actor, action, '860')).toBe(directory860);
        const admin861 = actor.roles.some((r) => r.kind === 'la-admin' && r.laCode === '861');
        expect(canOnDirectory(actor, action, '861')).toBe(admin861);
      });
    },
  );
});
