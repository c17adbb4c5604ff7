import type { Container, Database } from '@azure/cosmos';
import { type CaseRef, caseKey } from '../review/case.ts';
import type { AdviceDocument } from '../review/contribute/advice.ts';
import { ReviewError } from '../review/errors.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { containerDefinition, openContainer } from './database.ts';
import { documentIdOf } from './document-id.ts';

export const ADVICE_SCHEMA_VERSION = 1;

/**
 * The `advice` container: one document per piece of advice (per request, or the setting's own),
 * partitioned by `/caseKey`, so all the advice of one case is one logical partition.
 *
 * @remarks Why not inside the case file: a draft there would be in every read of the file, so private
 * only by every reader remembering to drop it; as its own document it is private by construction
 * (permissions.ts `mayReadAdvice` is the one gate, and nothing else reads this container). And twelve
 * outcomes of advice from eight professionals would grow the file every list reads. Why not in the
 * `cases` container: its queries select by LA and would meet advice documents. Only the case key and
 * the review id are indexed: no advice text in the index.
 */
export const ADVICE_CONTAINER = containerDefinition('advice', '/caseKey', ['/caseKey/?', '/reviewId/?']);

interface StoredAdviceDocument {
  /** `<reviewId>~<key>`, escaped. */
  readonly id: string;
  readonly caseKey: string;
  readonly reviewId: string;
  readonly advice: AdviceDocument;
  readonly schemaVersion: typeof ADVICE_SCHEMA_VERSION;
}

export interface StoredAdvice {
  readonly advice: AdviceDocument;
  readonly etag: string;
}

/** The port for advice documents. */
export interface AdviceStore {
  get(ref: CaseRef, reviewId: string, key: string): Promise<StoredAdvice | undefined>;
  /**
   * Creates the document (`etag` undefined) or replaces it if its ETag is still `etag`; a ReviewError
   * STALE_WRITE when someone else wrote it first.
   */
  put(advice: AdviceDocument, etag: string | undefined): Promise<StoredAdvice>;
  /** Every advice document of one review: a single-partition query. */
  listOfReview(ref: CaseRef, reviewId: string): Promise<readonly AdviceDocument[]>;
}

export class CosmosAdviceStore implements AdviceStore {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  /** Opens (and creates when missing) the `advice` container in `database`. */
  static async open(
    database: Database,
    options: { createIfMissing?: boolean } = {},
  ): Promise<CosmosAdviceStore> {
    return new CosmosAdviceStore(await openContainer(database, ADVICE_CONTAINER, options));
  }

  async get(ref: CaseRef, reviewId: string, key: string): Promise<StoredAdvice | undefined> {
    const { resource } = await this.#container
      .item(documentIdOf(`${reviewId}~${key}`), caseKey(ref))
      .read<StoredAdviceDocument & { _etag: string }>();
    return resource === undefined ? undefined : fromStored(resource);
  }

  async put(advice: AdviceDocument, etag: string | undefined): Promise<StoredAdvice> {
    const body: StoredAdviceDocument = {
      id: documentIdOf(`${advice.reviewId}~${advice.key}`),
      caseKey: caseKey(advice),
      reviewId: advice.reviewId,
      advice,
      schemaVersion: ADVICE_SCHEMA_VERSION,
    };
    try {
      const { resource } =
        etag === undefined
          ? await this.#container.items.create(body)
          : await this.#container
              .item(body.id, body.caseKey)
              .replace(body, { accessCondition: { type: 'IfMatch', condition: etag } });
      if (!resource) throw new Error('Cosmos DB returned no document for a write');
      return fromStored(resource as StoredAdviceDocument & { _etag: string });
    } catch (error) {
      const status = cosmosStatus(error);
      // Someone wrote it first (a create that met one, or a replace that lost the ETag race).
      if (status === STATUS.conflict || status === STATUS.preconditionFailed || status === STATUS.notFound) {
        throw new ReviewError('STALE_WRITE');
      }
      throw error;
    }
  }

  async listOfReview(ref: CaseRef, reviewId: string): Promise<readonly AdviceDocument[]> {
    const key = caseKey(ref);
    const { resources } = await this.#container.items
      .query<StoredAdviceDocument & { _etag: string }>(
        {
          // The partition key is in the SQL too: the local server ignores the option (cosmos-case-store.ts).
          query: 'SELECT * FROM c WHERE c.caseKey = @caseKey AND c.reviewId = @reviewId ORDER BY c.id',
          parameters: [
            { name: '@caseKey', value: key },
            { name: '@reviewId', value: reviewId },
          ],
        },
        { partitionKey: key },
      )
      .fetchAll();
    return resources.map((resource) => fromStored(resource).advice);
  }
}

function fromStored(resource: StoredAdviceDocument & { _etag: string }): StoredAdvice {
  if (resource.schemaVersion !== ADVICE_SCHEMA_VERSION) {
    throw new Error(`advice ${resource.id} has schema version ${resource.schemaVersion}, expected 1`);
  }
  return { advice: resource.advice, etag: resource._etag };
}
