import type { Container, Database } from '@azure/cosmos';
import type { Identity } from '../review/case.ts';
import { ReviewError } from '../review/errors.ts';
import type { Membership } from '../review/membership.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { containerDefinition, openContainer } from './database.ts';

export const DIRECTORY_SCHEMA_VERSION = 1;

/**
 * The `directory` container: who may sign in and what each LA has made them, partitioned by `/key`.
 *
 * @remarks Two kinds of document, each the only one in its partition, so every sign-in is two point
 * reads: `account:<tenantId>/<objectId>` says which person an Entra ID account was bound to, and
 * `email:<address>` holds the person (their memberships of every LA that added them, and the account
 * once bound). A person is keyed by the address they were invited by because that is all an LA knows
 * of someone before their first sign-in. The directory page (an LA's members) and removal by member
 * id are cross-partition queries on `laCodes` and `memberId`: an admin's rare, small reads, not a hot
 * path; only those paths and the key are indexed.
 */
export const DIRECTORY_CONTAINER = containerDefinition('directory', '/key', [
  '/key/?',
  '/memberId/?',
  '/laCodes/[]/?',
]);

/** One LA's membership of a person: the roles it gave, the name it knows them by, who added them. */
export interface LaMembership extends Membership {
  readonly name: string;
  readonly addedAt: string;
  /** `tenantId/objectId` of the admin, or `system:deploy` for a first admin named in configuration. */
  readonly addedBy: string;
}

/** A person in the directory. */
export interface PersonEntry {
  /** Random, stable: how the audit log and the API name the person (never the address). */
  readonly memberId: string;
  /** Lower-case: the address they were invited by. */
  readonly email: string;
  readonly memberships: readonly LaMembership[];
  /** The Entra ID account bound at first sign-in; after that the address grants nothing. */
  readonly account?: Identity;
  readonly boundAt?: string;
}

export interface StoredPerson {
  readonly entry: PersonEntry;
  readonly etag: string;
}

interface PersonDocument extends PersonEntry {
  readonly id: 'person';
  readonly key: string;
  readonly laCodes: readonly string[];
  readonly schemaVersion: typeof DIRECTORY_SCHEMA_VERSION;
}

interface AccountDocument {
  readonly id: 'account';
  readonly key: string;
  readonly email: string;
  readonly schemaVersion: typeof DIRECTORY_SCHEMA_VERSION;
}

const personKey = (email: string) => `email:${email.toLowerCase()}`;
const accountKey = (identity: Identity) =>
  `account:${identity.tenantId.toLowerCase()}/${identity.objectId.toLowerCase()}`;

export class CosmosDirectory {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  /** Opens (and creates when missing) the `directory` container in `database`. */
  static async open(
    database: Database,
    options: { createIfMissing?: boolean } = {},
  ): Promise<CosmosDirectory> {
    return new CosmosDirectory(await openContainer(database, DIRECTORY_CONTAINER, options));
  }

  /** The person invited by `email`: one point read. */
  async byEmail(email: string): Promise<StoredPerson | undefined> {
    const key = personKey(email);
    return this.#read(this.#container.item('person', key));
  }

  /** The address of the person `identity` was bound to: one point read. */
  async emailOfAccount(identity: Identity): Promise<string | undefined> {
    try {
      const { resource } = await this.#container
        .item('account', accountKey(identity))
        .read<AccountDocument>();
      return resource?.email;
    } catch (error) {
      if (cosmosStatus(error) === STATUS.notFound) return undefined;
      throw error;
    }
  }

  async byMemberId(memberId: string): Promise<StoredPerson | undefined> {
    const { resources } = await this.#container.items
      .query<PersonDocument & { _etag: string }>({
        query: "SELECT * FROM c WHERE c.id = 'person' AND c.memberId = @memberId",
        parameters: [{ name: '@memberId', value: memberId }],
      })
      .fetchAll();
    const found = resources[0];
    return found ? { entry: entryOf(found), etag: found._etag } : undefined;
  }

  /** Everyone LA `laCode` has added, by address. */
  async ofLa(laCode: string): Promise<PersonEntry[]> {
    const { resources } = await this.#container.items
      .query<PersonDocument>({
        query: "SELECT * FROM c WHERE c.id = 'person' AND ARRAY_CONTAINS(c.laCodes, @laCode)",
        parameters: [{ name: '@laCode', value: laCode }],
      })
      .fetchAll();
    return resources.map(entryOf).sort((a, b) => a.email.localeCompare(b.email));
  }

  /** Writes a new person; STALE_WRITE when one with this address exists already. */
  async create(entry: PersonEntry): Promise<StoredPerson> {
    try {
      const { resource } = await this.#container.items.create(documentOf(entry));
      return { entry, etag: resource?._etag ?? '' };
    } catch (error) {
      if (cosmosStatus(error) === STATUS.conflict) throw new ReviewError('STALE_WRITE');
      throw error;
    }
  }

  /** Replaces the person read with `etag`; STALE_WRITE when it changed since. */
  async replace(entry: PersonEntry, etag: string): Promise<StoredPerson> {
    try {
      const { resource } = await this.#container
        .item('person', personKey(entry.email))
        .replace(documentOf(entry), { accessCondition: { type: 'IfMatch', condition: etag } });
      return { entry, etag: resource?._etag ?? '' };
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === STATUS.preconditionFailed || status === STATUS.notFound)
        throw new ReviewError('STALE_WRITE');
      throw error;
    }
  }

  /** Deletes the person read with `etag`; STALE_WRITE when it changed since. */
  async delete(entry: PersonEntry, etag: string): Promise<void> {
    try {
      await this.#container
        .item('person', personKey(entry.email))
        .delete({ accessCondition: { type: 'IfMatch', condition: etag } });
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === STATUS.preconditionFailed) throw new ReviewError('STALE_WRITE');
      if (status !== STATUS.notFound) throw error;
    }
  }

  /** Records that `identity` is the person invited by `email` (idempotent). */
  async linkAccount(identity: Identity, email: string): Promise<void> {
    const document: AccountDocument = {
      id: 'account',
      key: accountKey(identity),
      email: email.toLowerCase(),
      schemaVersion: DIRECTORY_SCHEMA_VERSION,
    };
    await this.#container.items.upsert(document);
  }

  async unlinkAccount(identity: Identity): Promise<void> {
    try {
      await this.#container.item('account', accountKey(identity)).delete();
    } catch (error) {
      if (cosmosStatus(error) !== STATUS.notFound) throw error;
    }
  }

  async #read(item: ReturnType<Container['item']>): Promise<StoredPerson | undefined> {
    try {
      const { resource } = await item.read<PersonDocument & { _etag: string }>();
      return resource ? { entry: entryOf(resource), etag: resource._etag } : undefined;
    } catch (error) {
      if (cosmosStatus(error) === STATUS.notFound) return undefined;
      throw error;
    }
  }
}

function documentOf(entry: PersonEntry): PersonDocument {
  return {
    ...entry,
    id: 'person',
    key: personKey(entry.email),
    laCodes: [...new Set(entry.memberships.map((m) => m.laCode))].sort(),
    schemaVersion: DIRECTORY_SCHEMA_VERSION,
  };
}

function entryOf(document: PersonDocument): PersonEntry {
  const { memberId, email, memberships, account, boundAt } = document;
  return {
    memberId,
    email,
    memberships,
    ...(account ? { account } : {}),
    ...(boundAt ? { boundAt } : {}),
  };
}
