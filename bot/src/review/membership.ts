import type { ActorRole } from './permissions.ts';

/**
 * What an LA's directory says a person is to that LA (DESIGN.md section 5, "Who is where").
 *
 * @remarks Roles are given per LA and each LA gives only its own: a SENCo whose school holds cases
 * from seven LAs has seven memberships, one from each, and sees each LA's cases once that LA has
 * added them. Case coordinators and professionals are admitted (they may sign in) and reach a case
 * by their relation to it; officers see the LA's cases; admins manage the directory; a team
 * mailbox is the address a team is invited by, and its allocators see the cases that invite it.
 */
export const MEMBER_ROLE_KINDS = [
  'la-admin',
  'la-officer',
  'coordinator',
  'senco',
  'team-mailbox',
  'allocator',
  'professional',
] as const;
export type MemberRoleKind = (typeof MEMBER_ROLE_KINDS)[number];

export type MemberRole =
  | { readonly kind: 'la-admin' | 'la-officer' | 'coordinator' | 'team-mailbox' | 'professional' }
  | { readonly kind: 'senco'; readonly settingUrn: string }
  | { readonly kind: 'allocator'; readonly teamEmail: string };

export interface Membership {
  readonly laCode: string;
  readonly roles: readonly MemberRole[];
}

/** One LA's view of a person on its directory page. */
export interface Member {
  readonly memberId: string;
  readonly email: string;
  readonly name: string;
  readonly roles: readonly MemberRole[];
  /** Whether the invitation has been redeemed: the person has signed in and is bound to an account. */
  readonly signedIn: boolean;
  readonly addedAt: string;
}

/** A person to add to an LA's directory, or the roles they are to hold there from now on. */
export interface MemberChange {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly MemberRole[];
}

/** The roles `can` judges by, from a person's memberships: each role bound to the LA that gave it. */
export function actorRolesOf(memberships: readonly Membership[]): ActorRole[] {
  return memberships.flatMap(({ laCode, roles }) =>
    roles.flatMap((role): ActorRole[] => {
      switch (role.kind) {
        case 'senco':
          return [{ kind: 'senco', settingUrn: role.settingUrn, laCode }];
        case 'allocator':
          return [{ kind: 'allocator', teamEmail: role.teamEmail.toLowerCase(), laCode }];
        case 'la-officer':
          return [{ kind: 'la-officer', laCode }];
        case 'la-admin':
          return [{ kind: 'la-admin', laCode }];
        default:
          return [];
      }
    }),
  );
}

/** "SENCo (100001), allocator": the roles in words, for the directory page. */
export function describeRoles(roles: readonly MemberRole[]): string {
  return roles
    .map((role) => {
      if (role.kind === 'senco') return `SENCo (${role.settingUrn})`;
      if (role.kind === 'allocator') return `allocator for ${role.teamEmail}`;
      return ROLE_WORDS[role.kind];
    })
    .join(', ');
}

export const ROLE_WORDS: Readonly<Record<MemberRoleKind, string>> = {
  'la-admin': 'LA admin',
  'la-officer': 'LA officer',
  coordinator: 'case coordinator',
  senco: 'SENCo',
  'team-mailbox': 'team mailbox',
  allocator: 'allocator',
  professional: 'professional',
};
