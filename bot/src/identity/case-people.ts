import type { Identity } from '../review/case.ts';
import { type CasePeople, sencosOf } from '../review/delivery/recipients.ts';
import { actorRolesOf } from '../review/membership.ts';
import type { ActorRole } from '../review/permissions.ts';
import type { Warning } from '../review/warnings.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { CosmosDirectory } from '../store/cosmos-directory.ts';
import type { DirectoryUser } from './user-directory.ts';

/** Someone an LA added, as the warnings need them: their account (once bound), address and roles. */
export interface KnownPerson {
  readonly identity?: Identity;
  readonly email: string;
  readonly roles: readonly ActorRole[];
}

/** Everyone LA `laCode` has added. */
export type PeopleOfLa = (laCode: string) => Promise<readonly KnownPerson[]>;

/**
 * Who must act on a warning's case (review/delivery/recipients.ts): for a setting's step the SENCos
 * of its setting among the people its LA added; for the LA's, its case coordinator from the case
 * file, by account or else by the address the LA knows them by.
 *
 * @remarks The LA's people (an admin-sized query in azure mode), and for the LA's steps the case
 * file (one point read). A system job's read, like the sweep's: no user is acting, nothing is shown.
 */
export function casePeople(
  peopleOfLa: PeopleOfLa,
  store: Pick<CaseStore, 'get'>,
): (warning: Warning) => Promise<CasePeople> {
  return async (warning) => {
    const people = await peopleOfLa(warning.laCode);
    if (warning.actor === 'senco') return { sencos: sencosOf(people, warning) };
    const stored = await store.get({ laCode: warning.laCode, caseId: warning.caseId });
    const named = stored?.file.case.coordinator;
    const coordinator =
      named?.identity ?? people.find((p) => named && p.email === named.email.toLowerCase())?.identity;
    return coordinator ? { sencos: [], coordinator } : { sencos: [] };
  };
}

/** Local mode: the demo users. */
export function peopleOfUsers(users: readonly DirectoryUser[]): PeopleOfLa {
  return async () =>
    users.map(({ identity, email, roles }) => ({ identity, email: email.toLowerCase(), roles }));
}

/** Azure mode: the LA's directory (identity/la-directory.ts); someone not yet signed in has no account. */
export function peopleOfDirectory(records: Pick<CosmosDirectory, 'ofLa'>): PeopleOfLa {
  return async (laCode) =>
    (await records.ofLa(laCode)).map((entry) => ({
      ...(entry.account ? { identity: entry.account } : {}),
      email: entry.email,
      roles: actorRolesOf(entry.memberships),
    }));
}
