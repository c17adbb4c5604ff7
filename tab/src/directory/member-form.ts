import type { MemberChange, MemberRole, MemberRoleKind } from '../../../bot/src/review/membership.ts';

export type { MemberChange };

/** What the directory page's form holds: one role at a time, with the field that role needs. */
export interface MemberForm {
  readonly email: string;
  readonly name: string;
  readonly role: MemberRoleKind;
  /** For a SENCo: the setting's URN. */
  readonly settingUrn: string;
  /** For an allocator: the team mailbox they allocate for. */
  readonly teamEmail: string;
}

export const EMPTY_FORM: MemberForm = {
  email: '',
  name: '',
  role: 'senco',
  settingUrn: '',
  teamEmail: '',
};

/**
 * The change the form asks for, adding its role to the roles the person already holds in this LA.
 *
 * @remarks The server checks every field (zod) and answers with the field that is wrong; the tab
 * only trims, so that what the admin typed is what the server judges.
 */
export function memberChangeFrom(form: MemberForm, current: readonly MemberRole[] = []): MemberChange {
  const role: MemberRole =
    form.role === 'senco'
      ? { kind: 'senco', settingUrn: form.settingUrn.trim() }
      : form.role === 'allocator'
        ? { kind: 'allocator', teamEmail: form.teamEmail.trim() }
        : { kind: form.role };
  const same = (a: MemberRole, b: MemberRole) => JSON.stringify(a) === JSON.stringify(b);
  const roles = current.some((held) => same(held, role)) ? current : [...current, role];
  return { email: form.email.trim(), name: form.name.trim(), roles };
}

/** The roles a person keeps when one is taken away; none left means they leave the LA's directory. */
export function rolesWithout(current: readonly MemberRole[], index: number): MemberRole[] {
  return current.filter((_role, at) => at !== index);
}
