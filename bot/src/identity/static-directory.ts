import type { Identity } from '../review/case.ts';
import type { DirectoryUser, UserDirectory } from './user-directory.ts';

/**
 * A directory of a fixed list of users: local mode's demo users, and tests.
 *
 * @remarks Object ids are compared case-insensitively: Entra ID writes GUIDs in lower case, but a
 * hand-written configuration (the Agents Playground's) may not.
 */
export function staticDirectory(users: readonly DirectoryUser[]): UserDirectory {
  const same = (a: Identity, b: Identity) =>
    a.tenantId.toLowerCase() === b.tenantId.toLowerCase() &&
    a.objectId.toLowerCase() === b.objectId.toLowerCase();
  const byIdentity = async (identity: Identity) => users.find((user) => same(user.identity, identity));
  return {
    findById: async (id) => users.find((user) => user.id === id),
    findByIdentity: byIdentity,
    signIn: ({ identity }) => byIdentity(identity),
    list: async () => users,
  };
}
