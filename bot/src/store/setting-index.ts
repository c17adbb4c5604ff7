import type { Container } from '@azure/cosmos';
import { ReviewError } from '../review/errors.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { documentIdOf } from './document-id.ts';

export const SETTING_SCHEMA_VERSION = 1;

/** A setting (school, college, early-years provider), keyed by its URN, naming the LAs it holds cases from. */
export interface SettingDocument {
  /** The setting's URN (escaped by {@link documentIdOf}): the document's id and partition key. */
  readonly id: string;
  /** Sorted, no duplicates. */
  readonly laCodes: readonly string[];
  readonly schemaVersion: typeof SETTING_SCHEMA_VERSION;
}

/**
 * Which LAs a setting holds cases from: what turns "a SENCo's live cases" into one single-partition
 * query per LA instead of a cross-partition query over every LA.
 *
 * @remarks The list is a superset. An LA is added before a case naming the setting is written, so a
 * case is never invisible to its setting even if the process dies between the two writes; an LA is
 * never removed, because removing it when the last case leaves would race with a concurrent create
 * that has already seen the LA listed. A stale LA costs one empty query.
 */
export class SettingIndex {
  readonly #container: Container;
  readonly #maxAttempts: number;

  constructor(container: Container, options: { maxAttempts?: number } = {}) {
    this.#container = container;
    this.#maxAttempts = options.maxAttempts ?? 5;
  }

  async laCodesOf(settingUrn: string): Promise<readonly string[]> {
    const document = await this.#read(settingUrn);
    return document?.laCodes ?? [];
  }

  /** Records that `settingUrn` holds cases from `laCode`; a point read when it already does. */
  async hold(settingUrn: string, laCode: string): Promise<void> {
    for (let attempt = 1; attempt <= this.#maxAttempts; attempt += 1) {
      const current = await this.#read(settingUrn);
      if (current?.laCodes.includes(laCode)) return;
      const next: SettingDocument = {
        id: documentIdOf(settingUrn),
        laCodes: [...(current?.laCodes ?? []), laCode].sort(),
        schemaVersion: SETTING_SCHEMA_VERSION,
      };
      try {
        if (current === undefined) {
          await this.#container.items.create(next);
        } else {
          await this.#container
            .item(next.id, next.id)
            .replace(next, { accessCondition: { type: 'IfMatch', condition: current._etag } });
        }
        return;
      } catch (error) {
        const status = cosmosStatus(error);
        // Another writer created or changed the setting first: read it again.
        if (status !== STATUS.conflict && status !== STATUS.preconditionFailed) throw error;
      }
    }
    throw new ReviewError('STALE_WRITE');
  }

  async #read(settingUrn: string): Promise<(SettingDocument & { _etag: string }) | undefined> {
    const id = documentIdOf(settingUrn);
    const { resource } = await this.#container.item(id, id).read<SettingDocument & { _etag: string }>();
    return resource;
  }
}
