import type { Container } from '@azure/cosmos';
import type { CaseRef } from '../review/case.ts';

/** Where a dispatcher finds case files with effects due. */
export interface OutboxQueue {
  /** Up to `limit` cases whose outbox is due at `now` (ISO instant), the longest waiting first. */
  due(now: string, limit: number): Promise<readonly CaseRef[]>;
}

/**
 * The outbox queue over the `cases` container: a query on the indexed `outboxDue` field (case-document.ts).
 *
 * @remarks Cross-partition, because work can be due in any LA, but served from the index: it reads only
 * the documents that have work, never every case (docs/store.md, "The outbox"). A document without
 * pending effects has no `outboxDue` and does not match.
 */
export class CosmosOutboxQueue implements OutboxQueue {
  readonly #cases: Container;

  constructor(cases: Container) {
    this.#cases = cases;
  }

  async due(now: string, limit: number): Promise<readonly CaseRef[]> {
    const { resources } = await this.#cases.items
      .query<{ laCode: string; caseId: string }>(
        {
          query:
            'SELECT c.laCode, c.file["case"].caseId AS caseId, c.outboxDue FROM c ' +
            'WHERE c.outboxDue <= @now ORDER BY c.outboxDue',
          parameters: [{ name: '@now', value: now }],
        },
        { maxItemCount: limit },
      )
      .fetchNext();
    return resources.slice(0, limit).map(({ laCode, caseId }) => ({ laCode, caseId }));
  }
}
