import { describe, expect, it } from 'vitest';
import { actorRolesOf, describeRoles } from '../../bot/src/review/membership.ts';

describe('what an LA’s directory grants (DESIGN.md section 5)', () => {
  it('each role is bound to the LA that gave it: a SENCo added by two LAs is a SENCo of each', () => {
    expect(
      actorRolesOf([
        { laCode: '860', roles: [{ kind: 'senco', settingUrn: '100001' }] },
        { laCode: '861', roles: [{ kind: 'senco', settingUrn: '100001' }, { kind: 'la-officer' }] },
      ]),
    ).toEqual([
      { kind: 'senco', settingUrn: '100001', laCode: '860' },
      { kind: 'senco', settingUrn: '100001', laCode: '861' },
      { kind: 'la-officer', laCode: '861' },
    ]);
  });

  it('an allocator works its team’s mailbox, matched whatever the case; an admin manages the directory', () => {
    expect(
      actorRolesOf([
        { laCode: '860', roles: [{ kind: 'allocator', teamEmail: 'DS@LA.example' }, { kind: 'la-admin' }] },
      ]),
    ).toEqual([
      { kind: 'allocator', teamEmail: 'ds@la.example', laCode: '860' },
      { kind: 'la-admin', laCode: '860' },
    ]);
  });

  it('coordinators, professionals and team mailboxes hold no role: their access is their relation to a case', () => {
    expect(
      actorRolesOf([
        {
          laCode: '860',
          roles: [{ kind: 'coordinator' }, { kind: 'professional' }, { kind: 'team-mailbox' }],
        },
      ]),
    ).toEqual([]);
  });

  it('the directory page names each role in words, with its setting or team', () => {
    expect(
      describeRoles([
        { kind: 'senco', settingUrn: '100001' },
        { kind: 'allocator', teamEmail: 'ds@la.example' },
        { kind: 'la-admin' },
        { kind: 'la-officer' },
        { kind: 'coordinator' },
        { kind: 'team-mailbox' },
        { kind: 'professional' },
      ]),
    ).toBe(
      'SENCo (100001), allocator for ds@la.example, LA admin, LA officer, case coordinator, team mailbox, professional',
    );
    expect(describeRoles([])).toBe('');
  });
});
