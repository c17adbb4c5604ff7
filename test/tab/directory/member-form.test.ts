import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, memberChangeFrom, rolesWithout } from '../../../tab/src/directory/member-form.ts';

describe('the directory page’s form', () => {
  it('adds a SENCo by setting URN, trimming what was typed', () => {
    expect(
      memberChangeFrom({
        ...EMPTY_FORM,
        email: ' ann@harbour.example ',
        name: ' Ann ',
        role: 'senco',
        settingUrn: ' 100001 ',
      }),
    ).toEqual({
      email: 'ann@harbour.example',
      name: 'Ann',
      roles: [{ kind: 'senco', settingUrn: '100001' }],
    });
  });

  it('gives an allocator their team mailbox, and the other roles no field', () => {
    const base = { ...EMPTY_FORM, email: 'al@la.example', name: 'Al' };
    expect(memberChangeFrom({ ...base, role: 'allocator', teamEmail: 'ep@la.example' }).roles).toEqual([
      { kind: 'allocator', teamEmail: 'ep@la.example' },
    ]);
    expect(memberChangeFrom({ ...base, role: 'coordinator', settingUrn: '100001' }).roles).toEqual([
      { kind: 'coordinator' },
    ]);
  });

  it('adds the role to those the person holds here, once', () => {
    const held = [{ kind: 'senco' as const, settingUrn: '100001' }];
    const form = { ...EMPTY_FORM, email: 'ann@harbour.example', name: 'Ann', role: 'senco' as const };
    expect(memberChangeFrom({ ...form, settingUrn: '100002' }, held).roles).toEqual([
      ...held,
      { kind: 'senco', settingUrn: '100002' },
    ]);
    expect(memberChangeFrom({ ...form, settingUrn: '100001' }, held).roles).toEqual(held);
  });

  it('takes one role away', () => {
    expect(rolesWithout([{ kind: 'la-officer' }, { kind: 'coordinator' }], 0)).toEqual([
      { kind: 'coordinator' },
    ]);
  });
});
