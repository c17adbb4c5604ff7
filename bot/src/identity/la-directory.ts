import { randomUUID } from 'node:crypto';
import type { FirstAdmin } from '../config.ts';
import type { Identity } from '../review/case.ts';
import { ReviewError } from '../review/errors.ts';
import {
  actorRolesOf,
  describeRoles,
  type Member,
  type MemberChange,
  type MemberRole,
} from '../review/membership.ts';
import { type Actor, canOnDirectory, type DirectoryAction } from '../review/permissions.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CosmosDirectory, LaMembership, PersonEntry, StoredPerson } from '../store/cosmos-directory.ts';
import type { SignedIn } from './sso-token.ts';
import { accountKey, type DirectoryUser, type UserDirectory } from './user-directory.ts';

/** Who is changing the directory: the actor `canOnDirectory` judges, and the key the audit log names. */
export interface DirectoryEditor {
  readonly actor: Actor;
  readonly accountKey: string;
}

export interface LaDirectory extends UserDirectory {
  members(editor: DirectoryEditor, laCode: string): Promise<Member[]>;
  /** Adds `change.email` to LA `laCode`, or gives them these roles there; other LAs' roles stay. */
  putMember(editor: DirectoryEditor, laCode: string, change: MemberChange): Promise<Member>;
  /** Ends the person's membership of LA `laCode`; with no LA left they are removed altogether. */
  removeMember(editor: DirectoryEditor, laCode: string, memberId: string): Promise<void>;
  /** Names the deploy-time first admin of each LA that has no admin yet. */
  seedFirstAdmins(admins: readonly FirstAdmin[]): Promise<void>;
}

export interface LaDirectoryDeps {
  readonly records: CosmosDirectory;
  readonly audit: AuditLog;
  readonly now: () => Date;
}

const SYSTEM_DEPLOY = 'system:deploy';
/** Attempts of a read-modify-write that meets a concurrent change (STALE_WRITE). */
const ATTEMPTS = 3;

/** The audit partition of an LA's directory: its changes, read by the LA's admins and auditors. */
export function directoryAuditKey(laCode: string): string {
  return `directory:${laCode}`;
}

/**
 * The directory an LA runs (DESIGN.md section 5): identity is tenant id + object id; a person is
 * added by email and bound to their account at first sign-in.
 *
 * @remarks The invitation is redeemed once: the first sign-in whose token carries a verified address
 * equal to the invited one binds the entry to that account (an ETag-guarded write, so of two accounts
 * signing in at once exactly one wins). From then on only that account is the person; another
 * account with the same address gets nothing, and so does the address. Every request reads the
 * entry afresh, so a removal takes effect on the person's next request. Every change is audited in
 * the LA's directory partition, naming the member by id, never by address.
 */
export function laDirectory(deps: LaDirectoryDeps): LaDirectory {
  const { records, audit, now } = deps;

  const userOf = (entry: PersonEntry, identity: Identity): DirectoryUser => {
    const first = entry.memberships[0];
    return {
      id: entry.memberId,
      name: first?.name ?? entry.email,
      email: entry.email,
      description: entry.memberships.map((m) => `${describeRoles(m.roles)} (LA ${m.laCode})`).join('; '),
      identity,
      roles: actorRolesOf(entry.memberships),
    };
  };

  const record = (laCode: string, actor: string, action: string, detail: Record<string, string>) =>
    audit.record({ at: now().toISOString(), actor, action, caseKey: directoryAuditKey(laCode), detail });

  const same = (a: Identity | undefined, b: Identity) =>
    a !== undefined &&
    a.tenantId.toLowerCase() === b.tenantId.toLowerCase() &&
    a.objectId.toLowerCase() === b.objectId.toLowerCase();

  async function boundUser(identity: Identity): Promise<DirectoryUser | undefined> {
    const email = await records.emailOfAccount(identity);
    if (!email) return undefined;
    const stored = await records.byEmail(email);
    if (!stored || !same(stored.entry.account, identity) || stored.entry.memberships.length === 0)
      return undefined;
    return userOf(stored.entry, identity);
  }

  async function redeem(signedIn: SignedIn, attempt = 1): Promise<DirectoryUser | undefined> {
    const { identity, verifiedEmail } = signedIn;
    if (!verifiedEmail) return undefined;
    const stored = await records.byEmail(verifiedEmail);
    if (!stored || stored.entry.memberships.length === 0) return undefined;
    const { entry, etag } = stored;
    if (entry.account) {
      if (!same(entry.account, identity)) return undefined;
      // Bound by an earlier sign-in that stopped before the account link was written: finish it.
      await records.linkAccount(identity, entry.email);
      return userOf(entry, identity);
    }
    const bound: PersonEntry = { ...entry, account: identity, boundAt: now().toISOString() };
    try {
      await records.replace(bound, etag);
    } catch (error) {
      if (error instanceof ReviewError && error.code === 'STALE_WRITE' && attempt < ATTEMPTS)
        return redeem(signedIn, attempt + 1);
      throw error;
    }
    await records.linkAccount(identity, entry.email);
    await Promise.all(
      entry.memberships.map((m) =>
        record(m.laCode, accountKey(identity), 'directory.bind', { memberId: entry.memberId }),
      ),
    );
    return userOf(bound, identity);
  }

  function allowed(editor: DirectoryEditor, action: DirectoryAction, laCode: string): void {
    if (!canOnDirectory(editor.actor, action, laCode)) {
      throw new ReviewError(
        'NOT_ALLOWED',
        [
          {
            where: 'laCode',
            message: `only an admin of LA ${laCode} may ${action === 'directory.read' ? 'see' : 'change'} its directory`,
          },
        ],
        'You are not allowed to manage this local authority’s directory.',
      );
    }
  }

  const memberOf = (entry: PersonEntry, membership: LaMembership): Member => ({
    memberId: entry.memberId,
    email: entry.email,
    name: membership.name,
    roles: membership.roles,
    signedIn: entry.account !== undefined,
    addedAt: membership.addedAt,
  });

  async function checkRoles(laCode: string, email: string, roles: readonly MemberRole[]): Promise<void> {
    const teams = roles.flatMap((role) => (role.kind === 'allocator' ? [role.teamEmail.toLowerCase()] : []));
    if (teams.length === 0) return;
    const known = new Set(
      (await records.ofLa(laCode))
        .filter((entry) => membershipIn(entry, laCode)?.roles.some((role) => role.kind === 'team-mailbox'))
        .map((entry) => entry.email),
    );
    teams.forEach((team, index) => {
      if (!known.has(team) || team === email)
        throw new ReviewError('INVALID_INPUT', [
          {
            where: `roles[${index}].teamEmail`,
            message: `must be a team mailbox in LA ${laCode}'s directory`,
          },
        ]);
    });
  }

  /** Refuses a change that would leave LA `laCode` with no admin: nobody could manage it again. */
  async function keepsAnAdmin(
    laCode: string,
    email: string,
    rolesAfter: readonly MemberRole[],
  ): Promise<void> {
    if (rolesAfter.some((role) => role.kind === 'la-admin')) return;
    const others = (await records.ofLa(laCode)).filter(
      (entry) =>
        entry.email !== email && membershipIn(entry, laCode)?.roles.some((role) => role.kind === 'la-admin'),
    );
    if (others.length === 0)
      throw new ReviewError('INVALID_INPUT', [
        { where: 'roles', message: `LA ${laCode} must keep at least one admin: add another admin first` },
      ]);
  }

  async function put(
    by: string,
    laCode: string,
    change: MemberChange,
    attempt = 1,
  ): Promise<{ entry: PersonEntry; membership: LaMembership }> {
    const email = change.email.toLowerCase();
    const stored = await records.byEmail(email);
    const before = stored && membershipIn(stored.entry, laCode);
    const membership: LaMembership = {
      laCode,
      name: change.name,
      roles: change.roles,
      addedAt: before?.addedAt ?? now().toISOString(),
      addedBy: before?.addedBy ?? by,
    };
    const entry: PersonEntry = stored
      ? {
          ...stored.entry,
          memberships: [...stored.entry.memberships.filter((m) => m.laCode !== laCode), membership],
        }
      : { memberId: randomUUID(), email, memberships: [membership] };
    try {
      if (stored) await records.replace(entry, stored.etag);
      else await records.create(entry);
    } catch (error) {
      if (error instanceof ReviewError && error.code === 'STALE_WRITE' && attempt < ATTEMPTS)
        return put(by, laCode, change, attempt + 1);
      throw error;
    }
    await record(laCode, by, before ? 'directory.change' : 'directory.add', {
      memberId: entry.memberId,
      roles: change.roles.map((role) => role.kind).join(','),
    });
    return { entry, membership };
  }

  async function remove(editor: DirectoryEditor, laCode: string, stored: StoredPerson): Promise<void> {
    const { entry, etag } = stored;
    const rest = entry.memberships.filter((m) => m.laCode !== laCode);
    if (rest.length === 0) {
      await records.delete(entry, etag);
      if (entry.account) await records.unlinkAccount(entry.account);
    } else {
      await records.replace({ ...entry, memberships: rest }, etag);
    }
    await record(laCode, editor.accountKey, 'directory.remove', { memberId: entry.memberId });
  }

  return {
    async findById() {
      return undefined;
    },
    async findByIdentity(identity) {
      return boundUser(identity);
    },
    async signIn(signedIn) {
      return (await boundUser(signedIn.identity)) ?? redeem(signedIn);
    },
    async list() {
      return [];
    },

    async members(editor, laCode) {
      allowed(editor, 'directory.read', laCode);
      const entries = await records.ofLa(laCode);
      await record(laCode, editor.accountKey, 'directory.read', { count: String(entries.length) });
      return entries.flatMap((entry) => {
        const membership = membershipIn(entry, laCode);
        return membership ? [memberOf(entry, membership)] : [];
      });
    },

    async putMember(editor, laCode, change) {
      allowed(editor, 'directory.manage', laCode);
      const email = change.email.toLowerCase();
      await checkRoles(laCode, email, change.roles);
      const existing = await records.byEmail(email);
      if (existing && membershipIn(existing.entry, laCode)?.roles.some((role) => role.kind === 'la-admin'))
        await keepsAnAdmin(laCode, email, change.roles);
      const { entry, membership } = await put(editor.accountKey, laCode, { ...change, email });
      return memberOf(entry, membership);
    },

    async removeMember(editor, laCode, memberId) {
      allowed(editor, 'directory.manage', laCode);
      const stored = await records.byMemberId(memberId);
      const membership = stored && membershipIn(stored.entry, laCode);
      // Another LA's member is not found here: each LA sees only its own people.
      if (!stored || !membership) throw new ReviewError('MEMBER_NOT_FOUND');
      if (membership.roles.some((role) => role.kind === 'la-admin'))
        await keepsAnAdmin(laCode, stored.entry.email, []);
      await remove(editor, laCode, stored);
    },

    async seedFirstAdmins(admins) {
      for (const { laCode, email } of admins) {
        const hasAdmin = (await records.ofLa(laCode)).some((entry) =>
          membershipIn(entry, laCode)?.roles.some((role) => role.kind === 'la-admin'),
        );
        if (hasAdmin) continue;
        const existing = await records.byEmail(email);
        const roles = membershipIn(existing?.entry, laCode)?.roles ?? [];
        await put(SYSTEM_DEPLOY, laCode, {
          email,
          name: membershipIn(existing?.entry, laCode)?.name ?? email,
          roles: [...roles.filter((role) => role.kind !== 'la-admin'), { kind: 'la-admin' }],
        });
      }
    },
  };
}

function membershipIn(entry: PersonEntry | undefined, laCode: string): LaMembership | undefined {
  return entry?.memberships.find((m) => m.laCode === laCode);
}
