import type { Container, Database } from '@azure/cosmos';
import { type CaseRef, caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { emailsWithAccess } from '../review/people-with-access.ts';
import type { CaseStore, Page, StoredCase } from './case-store.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { containerDefinition, openContainer } from './database.ts';
import { documentIdOf } from './document-id.ts';

export const PERSON_SCHEMA_VERSION = 1;

/**
 * The `people` container: one small document per (person, case), partitioned by `/personKey`, the
 * person's lower-case email address.
 *
 * @remarks Why a container of its own, partitioned by person: "the cases I am invited to" (a
 * professional, a parent, a case coordinator in another tenant) is asked on every visit to the tab and
 * every "reviews" in chat. Partitioned by person, it is one single-partition query that reads only
 * that person's entries (DESIGN.md section 4: single-partition queries on every hot path). The
 * alternative, a query over the `cases` container for files whose invitees include an address, would
 * fan out to every LA's partition and would need the people inside each file indexed, which the cases
 * container deliberately leaves out of its index (no personal data in the index, fewer RUs per write).
 * The email address is the key because that is how people outside the tenant are invited and known
 * (case.ts, `Person`). Only the key is indexed.
 */
export const PEOPLE_CONTAINER = containerDefinition('people', '/personKey', ['/personKey/?']);

/** One person's link to one case. No name: the address, which is the key, and the case's key. */
export interface PersonDocument {
  /** The case key (escaped by `documentIdOf`): unique within the person's partition. */
  readonly id: string;
  readonly personKey: string;
  readonly laCode: string;
  readonly caseId: string;
  readonly schemaVersion: typeof PERSON_SCHEMA_VERSION;
}

/**
 * Which cases name a person with access by who they are (`peopleWithAccess`): invitees, the family,
 * the case coordinator.
 *
 * @remarks The list is a superset, like the setting index (setting-index.ts): entries are added before
 * the case file that names the person is written, so a case is never invisible to someone it names,
 * even when the process dies between the two writes; and entries are never removed when a person
 * leaves a case, because a removal computed by one writer would race with another writer adding the
 * same person back. Every reader checks `can(actor, 'case.read', file)` on the case itself, so a stale
 * entry shows nothing and costs one point read. A sweep job can prune them later.
 */
export class CosmosPersonIndex {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  /** Opens (and creates when missing) the `people` container in `database`. */
  static async open(
    database: Database,
    options: { createIfMissing?: boolean } = {},
  ): Promise<CosmosPersonIndex> {
    return new CosmosPersonIndex(await openContainer(database, PEOPLE_CONTAINER, options));
  }

  /** The cases that name `email`, in case key order. One single-partition query. */
  async casesOf(email: string): Promise<CaseRef[]> {
    const personKey = email.toLowerCase();
    const { resources } = await this.#container.items
      .query<Pick<PersonDocument, 'laCode' | 'caseId'>>(
        {
          // The partition key is in the SQL as well as in the options: the local server ignores the
          // option (cosmos-case-store.ts).
          query: 'SELECT c.laCode, c.caseId FROM c WHERE c.personKey = @personKey ORDER BY c.id',
          parameters: [{ name: '@personKey', value: personKey }],
        },
        { partitionKey: personKey },
      )
      .fetchAll();
    return resources.map(({ laCode, caseId }) => ({ laCode, caseId }));
  }

  /** Links everyone `file` names with access to it (idempotent: an upsert per person). */
  async add(file: CaseFile): Promise<void> {
    await this.addEmails(file, emailsWithAccess(file));
  }

  async addEmails(ref: CaseRef | CaseFile, emails: readonly string[]): Promise<void> {
    const { laCode, caseId } = 'case' in ref ? ref.case : ref;
    await Promise.all(
      emails.map((email) => {
        const document: PersonDocument = {
          id: documentIdOf(caseKey({ laCode, caseId })),
          personKey: email.toLowerCase(),
          laCode,
          caseId,
          schemaVersion: PERSON_SCHEMA_VERSION,
        };
        return this.#container.items.upsert(document);
      }),
    );
  }

  /** Removes one link (a sweep's job; writers never remove, see the class remarks). */
  async remove(email: string, ref: CaseRef): Promise<void> {
    try {
      await this.#container.item(documentIdOf(caseKey(ref)), email.toLowerCase()).delete();
    } catch (error) {
      if (cosmosStatus(error) !== STATUS.notFound) throw error;
    }
  }
}

/**
 * A case store that keeps the person index in step with every case file written through it: the
 * demo seeding, the import, and every step of a review.
 *
 * @remarks The index entries go in before the case write (see {@link CosmosPersonIndex}). For
 * `update`, whose new file only exists inside the store's read-modify-write, the change is first
 * applied to a fresh read to learn who the new file will name (`change` is pure and may run more than
 * once, case-store.ts); a retry that ends up naming someone else is indexed right after the write.
 */
export function withPersonIndex(store: CaseStore, index: CosmosPersonIndex): CaseStore {
  return {
    get: (ref) => store.get(ref),
    listBySetting: (settingUrn) => store.listBySetting(settingUrn),
    pageByLa: (laCode, options): Promise<Page<CaseFile>> => store.pageByLa(laCode, options),
    async create(file) {
      await index.add(file);
      return store.create(file);
    },
    async replace(file, etag) {
      await index.add(file);
      return store.replace(file, etag);
    },
    async update(ref, change): Promise<StoredCase | undefined> {
      const before = await store.get(ref);
      if (before === undefined) return undefined;
      const indexed = new Set(emailsWithAccess(change(before.file)));
      await index.addEmails(ref, [...indexed]);
      const result = await store.update(ref, change);
      if (result !== undefined) {
        const missed = emailsWithAccess(result.file).filter((email) => !indexed.has(email));
        if (missed.length > 0) await index.addEmails(ref, missed);
      }
      return result;
    },
  };
}
