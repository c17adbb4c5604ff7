import type { Container } from '@azure/cosmos';
import { LISTING_PROJECTION, type ListingRow } from './case-listing-document.ts';

/** Where the deadline sweep finds the cases with something due. */
export interface DueListings {
  /** Every live case whose summary's next due date is on or before `day`, in pages of `pageSize`. */
  dueBy(day: string, pageSize?: number): AsyncIterable<readonly ListingRow[]>;
}

/**
 * The due cases over the `cases` container: a query on the indexed `summary.nextDue` and `summary.live`.
 *
 * @remarks Cross-partition, because every LA is swept, but served from the index: it reads the
 * summaries of cases with a date within the warning horizon (or overdue), never every case, so the
 * sweep's cost grows with what is due (docs/store.md). A summary's `nextDue` is the earliest of its
 * steps' dates, so no step within the horizon belongs to a case it leaves out.
 */
export class CosmosDueListings implements DueListings {
  readonly #cases: Container;

  constructor(cases: Container) {
    this.#cases = cases;
  }

  async *dueBy(day: string, pageSize = 100): AsyncIterable<readonly ListingRow[]> {
    const iterator = this.#cases.items.query<ListingRow>(
      {
        query: `${LISTING_PROJECTION} WHERE c.summary.live = true AND c.summary.nextDue <= @day`,
        parameters: [{ name: '@day', value: day }],
      },
      { maxItemCount: pageSize },
    );
    while (iterator.hasMoreResults()) {
      const { resources } = await iterator.fetchNext();
      if (resources.length > 0) yield resources;
    }
  }
}
