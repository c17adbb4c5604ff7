import type { Container } from '@azure/cosmos';
import { type CaseRef, caseKey, sameCase } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { ReviewError } from '../review/errors.ts';
import { type LaPolicy, STATUTORY_DEFAULTS } from '../review/policy.ts';
import {
  type CaseDocument,
  fromCaseDocument,
  type ReadCaseDocument,
  toCaseDocument,
} from './case-document.ts';
import type { CaseStore, Page, StoredCase } from './case-store.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { documentIdOf } from './document-id.ts';
import { type PageRequest, queryPage } from './paging.ts';
import { SettingIndex } from './setting-index.ts';

export interface CosmosCaseStoreOptions {
  /** Attempts `update` makes before STALE_WRITE (default 5). */
  readonly maxAttempts?: number;
  /** Waits between attempts; the default is a short random wait that grows with the attempt. */
  readonly backoff?: (attempt: number) => Promise<void>;
  /** The LA's policy, which the stored summary is computed with (default: the statutory one). */
  readonly policyFor?: (laCode: string) => LaPolicy;
}

/**
 * Case files in Cosmos DB: one document per case file in `cases` (partition key `/laCode`, id the LA's
 * case id), and the setting index in `settings` (docs/store.md).
 *
 * @remarks One document per aggregate, so every change to a case or its review is one atomic write
 * guarded by the document's ETag (If-Match). Transactional batch would allow several documents, but the
 * local server does not apply a batch atomically, and local and Azure must behave alike.
 */
export class CosmosCaseStore implements CaseStore {
  readonly #cases: Container;
  readonly #settings: SettingIndex;
  readonly #maxAttempts: number;
  readonly #backoff: (attempt: number) => Promise<void>;
  readonly #policyFor: (laCode: string) => LaPolicy;

  constructor(
    containers: { readonly cases: Container; readonly settings: Container },
    options: CosmosCaseStoreOptions = {},
  ) {
    this.#cases = containers.cases;
    this.#settings = new SettingIndex(containers.settings, { maxAttempts: options.maxAttempts });
    this.#maxAttempts = options.maxAttempts ?? 5;
    this.#backoff = options.backoff ?? jitteredWait;
    this.#policyFor = options.policyFor ?? (() => STATUTORY_DEFAULTS);
  }

  async get(ref: CaseRef): Promise<StoredCase | undefined> {
    const { resource } = await this.#cases
      .item(documentIdOf(ref.caseId), ref.laCode)
      .read<ReadCaseDocument>();
    return resource === undefined ? undefined : fromCaseDocument(resource);
  }

  async create(file: CaseFile): Promise<StoredCase> {
    await this.#settings.hold(file.case.settingUrn, file.case.laCode);
    try {
      const { resource } = await this.#cases.items.create<CaseDocument>(this.#document(file));
      return fromCaseDocument(written(resource));
    } catch (error) {
      // Another writer created the case first: the caller's picture of it is out of date.
      if (cosmosStatus(error) === STATUS.conflict) throw new ReviewError('STALE_WRITE');
      throw error;
    }
  }

  async replace(file: CaseFile, etag: string): Promise<StoredCase> {
    await this.#settings.hold(file.case.settingUrn, file.case.laCode);
    const result = await this.#replace(file, etag);
    if (result === 'stale') throw new ReviewError('STALE_WRITE');
    if (result === 'missing') throw new ReviewError('CASE_NOT_FOUND');
    return result;
  }

  async update(ref: CaseRef, change: (file: CaseFile) => CaseFile): Promise<StoredCase | undefined> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.get(ref);
      if (current === undefined) return undefined;
      const next = change(current.file);
      // Nothing changed: no write, so a repeated card submit costs a read and changes nothing twice.
      if (next === current.file) return current;
      if (!sameCase(next.case, ref)) {
        throw new ReviewError('INVALID_INPUT', [
          { where: 'case', message: `a change cannot move case ${caseKey(ref)} to ${caseKey(next.case)}` },
        ]);
      }
      if (next.case.settingUrn !== current.file.case.settingUrn) {
        await this.#settings.hold(next.case.settingUrn, next.case.laCode);
      }
      const result = await this.#replace(next, current.etag);
      if (result === 'missing') return undefined;
      if (result !== 'stale') return result;
      if (attempt >= this.#maxAttempts) throw new ReviewError('STALE_WRITE');
      await this.#backoff(attempt);
    }
  }

  async listBySetting(settingUrn: string): Promise<readonly CaseFile[]> {
    const laCodes = await this.#settings.laCodesOf(settingUrn);
    // Every case is live for now: a closed review leaves the file (case-file.ts), so there is no
    // stage to filter on here.
    const perLa = await Promise.all(
      laCodes.map(async (laCode) => {
        const { resources } = await this.#cases.items
          .query<ReadCaseDocument>(
            {
              // The partition key is in the SQL as well as in the options: the local server ignores
              // the option and would otherwise scan every LA.
              query: 'SELECT * FROM c WHERE c.laCode = @laCode AND c.settingUrn = @settingUrn ORDER BY c.id',
              parameters: [
                { name: '@laCode', value: laCode },
                { name: '@settingUrn', value: settingUrn },
              ],
            },
            { partitionKey: laCode },
          )
          .fetchAll();
        return resources.map((document) => fromCaseDocument(document).file);
      }),
    );
    return perLa.flat();
  }

  async pageByLa(laCode: string, options: PageRequest = {}): Promise<Page<CaseFile>> {
    const page = await queryPage<ReadCaseDocument>(
      this.#cases,
      {
        query: 'SELECT * FROM c WHERE c.laCode = @laCode ORDER BY c.id',
        parameters: [{ name: '@laCode', value: laCode }],
      },
      laCode,
      options,
    );
    const items = page.items.map((document) => fromCaseDocument(document).file);
    return page.continuation === undefined ? { items } : { items, continuation: page.continuation };
  }

  #document(file: CaseFile): CaseDocument {
    return toCaseDocument(file, this.#policyFor(file.case.laCode));
  }

  async #replace(file: CaseFile, etag: string): Promise<StoredCase | 'stale' | 'missing'> {
    try {
      const { resource } = await this.#cases
        .item(documentIdOf(file.case.caseId), file.case.laCode)
        .replace<CaseDocument>(this.#document(file), {
          accessCondition: { type: 'IfMatch', condition: etag },
        });
      return fromCaseDocument(written(resource));
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === STATUS.preconditionFailed) return 'stale';
      if (status === STATUS.notFound) return 'missing';
      throw error;
    }
  }
}

function written(resource: CaseDocument | undefined): ReadCaseDocument {
  if (resource === undefined) throw new Error('Cosmos DB returned no document for a write');
  return resource as ReadCaseDocument;
}

/**
 * A random wait of up to 10, 20, 40, 80 ms after attempts 1 to 4 ("full jitter"), so writers that
 * collided spread out instead of colliding again in step; at most 150 ms in all.
 */
function jitteredWait(attempt: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** (attempt - 1)));
}
