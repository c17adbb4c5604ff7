import type { Container } from '@azure/cosmos';
import { LISTING_PROJECTION, type ListingRow } from './case-listing-document.ts';
import type { Page } from './case-store.ts';
import { type PageRequest, queryPage } from './paging.ts';
import { SettingIndex } from './setting-index.ts';

/**
 * The list reads of the `cases` container: the summaries stored beside the case files, never the
 * files themselves (docs/store.md, "Lists read summaries").
 */
export interface CaseListings {
  /** Every case of one setting, across every LA it holds cases from: one query per LA. */
  bySetting(settingUrn: string): Promise<readonly ListingRow[]>;
  /**
   * One LA's live cases, earliest next due date first (then by id), a page at a time: one
   * single-partition query served by the composite index on (`summary.nextDue`, `id`).
   */
  pageByLa(laCode: string, options?: PageRequest): Promise<Page<ListingRow>>;
  /** Every one of an LA's case documents, a page at a time, in id order (live or not). */
  everyOfLa(laCode: string, options?: PageRequest): Promise<Page<ListingRow>>;
}

export class CosmosCaseListings implements CaseListings {
  readonly #cases: Container;
  readonly #settings: SettingIndex;

  constructor(containers: { readonly cases: Container; readonly settings: Container }) {
    this.#cases = containers.cases;
    this.#settings = new SettingIndex(containers.settings);
  }

  async bySetting(settingUrn: string): Promise<readonly ListingRow[]> {
    const laCodes = await this.#settings.laCodesOf(settingUrn);
    const perLa = await Promise.all(
      laCodes.map(async (laCode) => {
        const { resources } = await this.#cases.items
          .query<ListingRow>(
            {
              // The partition key is in the SQL too: the local server ignores the option.
              query: `${LISTING_PROJECTION} WHERE c.laCode = @laCode AND c.settingUrn = @settingUrn ORDER BY c.id`,
              parameters: [
                { name: '@laCode', value: laCode },
                { name: '@settingUrn', value: settingUrn },
              ],
            },
            { partitionKey: laCode },
          )
          .fetchAll();
        return resources;
      }),
    );
    return perLa.flat();
  }

  async pageByLa(laCode: string, options: PageRequest = {}): Promise<Page<ListingRow>> {
    return pageOf(
      await queryPage<ListingRow>(
        this.#cases,
        {
          query: `${LISTING_PROJECTION} WHERE c.laCode = @laCode AND c.summary.live = true ORDER BY c.summary.nextDue, c.id`,
          parameters: [{ name: '@laCode', value: laCode }],
        },
        laCode,
        options,
      ),
    );
  }

  async everyOfLa(laCode: string, options: PageRequest = {}): Promise<Page<ListingRow>> {
    return pageOf(
      await queryPage<ListingRow>(
        this.#cases,
        {
          query: `${LISTING_PROJECTION} WHERE c.laCode = @laCode ORDER BY c.id`,
          parameters: [{ name: '@laCode', value: laCode }],
        },
        laCode,
        options,
      ),
    );
  }
}

function pageOf(page: { items: ListingRow[]; continuation?: string }): Page<ListingRow> {
  return page.continuation === undefined ? { items: page.items } : page;
}
