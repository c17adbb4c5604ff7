import { type Identity, identityKey } from '../review/case.ts';
import type { Actor, ActorRole } from '../review/permissions.ts';
import type { SignedIn } from './sso-token.ts';

/** Someone the product knows: how they sign in, who they are, and the roles they hold. */
export interface DirectoryUser {
  /** A stable id of the user in this directory (the local sign-in picker sends it). Not shown in logs. */
  readonly id: string;
  readonly name: string;
  /** Lower-case. */
  readonly email: string;
  /** Who they are, for the sign-in picker: "SENCo, Harbour Primary School". */
  readonly description: string;
  /** The Entra ID account: what a Teams activity or an SSO token names. */
  readonly identity: Identity;
  readonly roles: readonly ActorRole[];
}

/**
 * The port that turns whoever is calling into an {@link Actor}: a Teams user (tenant id + object id)
 * or, in local mode, the demo user chosen in the tab's sign-in picker.
 *
 * @remarks Asynchronous because a real directory asks a service (Microsoft Graph, a role store); the
 * local one is the fixed list of demo users (bot/src/demo/demo-users.ts).
 */
export interface UserDirectory {
  findById(id: string): Promise<DirectoryUser | undefined>;
  findByIdentity(identity: Identity): Promise<DirectoryUser | undefined>;
  /**
   * The user behind a valid sign-in token, or undefined when they have no access. A directory that
   * invites people by email binds an invitation to the account here (directory.ts).
   */
  signIn(signedIn: SignedIn): Promise<DirectoryUser | undefined>;
  /** Everyone, for the local sign-in picker. */
  list(): Promise<readonly DirectoryUser[]>;
}

export function actorOf(user: DirectoryUser): Actor {
  return { identity: user.identity, email: user.email.toLowerCase(), name: user.name, roles: user.roles };
}

/**
 * How a user is named in the audit log and a review's history: `tenantId/objectId`, never a name or
 * an email address (audit-log.ts).
 */
export function accountKey(identity: Identity): string {
  return identityKey(identity);
}
