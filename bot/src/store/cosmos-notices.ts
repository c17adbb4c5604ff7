import type { Container, Database } from '@azure/cosmos';
import type { Warning } from '../review/warnings.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { containerDefinition, openContainer } from './database.ts';
import { documentIdOf } from './document-id.ts';

/**
 * The `notices` container: one document per warning the deadline sweep decided to send (its id the
 * warning's dedupe key), and the sweep's lease.
 *
 * @remarks A container of its own, not the case file's outbox: a warning changes nothing in the case,
 * and writing it into the case file would make every daily sweep a write of every due case (and an
 * ETag race with the people working on it). Created with its dedupe key as id, a warning is recorded
 * once whoever records it: a re-run, a restart or a second instance gets a 409 and sends nothing.
 * Only the partition key and the due time are indexed; a warning holds no name but the child's first.
 */
export const NOTICES_CONTAINER = containerDefinition('notices', '/laCode', ['/laCode/?', '/dueAt/?']);

export const NOTICE_SCHEMA_VERSION = 1;

/** A warning to deliver, with the dispatcher's bookkeeping (as an outbox entry has). */
export interface NoticeDocument {
  readonly id: string;
  readonly laCode: string;
  readonly kind: 'warning';
  readonly schemaVersion: typeof NOTICE_SCHEMA_VERSION;
  readonly warning: Warning;
  readonly state: 'pending' | 'done' | 'failed';
  readonly attempts: number;
  readonly recordedAt: string;
  /** When a dispatcher may next try it; absent once done or given up on, so it leaves the index. */
  readonly dueAt?: string;
}

/** The partition of the job leases: no LA code is this. */
const JOBS_PARTITION = '_jobs';

interface LeaseDocument {
  readonly id: string;
  readonly laCode: typeof JOBS_PARTITION;
  readonly kind: 'lease';
  readonly holder: string;
  readonly until: string;
}

export class CosmosNotices {
  readonly #container: Container;

  constructor(container: Container) {
    this.#container = container;
  }

  static async open(database: Database, options: { createIfMissing?: boolean } = {}): Promise<CosmosNotices> {
    return new CosmosNotices(await openContainer(database, NOTICES_CONTAINER, options));
  }

  /** Records `warning` to be sent from `at`; false when it was recorded before (sent or on its way). */
  async record(warning: Warning, at: string): Promise<boolean> {
    const document: NoticeDocument = {
      id: documentIdOf(warning.dedupeKey),
      laCode: warning.laCode,
      kind: 'warning',
      schemaVersion: NOTICE_SCHEMA_VERSION,
      warning,
      state: 'pending',
      attempts: 0,
      recordedAt: at,
      dueAt: at,
    };
    try {
      await this.#container.items.create(document);
      return true;
    } catch (error) {
      if (cosmosStatus(error) === STATUS.conflict) return false;
      throw error;
    }
  }

  /** The warnings recorded for a case, by dedupe key order. */
  async ofCase(laCode: string, caseId: string): Promise<readonly NoticeDocument[]> {
    const { resources } = await this.#container.items
      .query<NoticeDocument>(
        {
          query: 'SELECT * FROM c WHERE c.laCode = @laCode AND c.kind = "warning" ORDER BY c.id',
          parameters: [{ name: '@laCode', value: laCode }],
        },
        { partitionKey: laCode },
      )
      .fetchAll();
    return resources.filter((document) => document.warning.caseId === caseId);
  }

  /** Up to `limit` warnings due for delivery at `now`, the longest waiting first. */
  async due(now: string, limit: number): Promise<readonly NoticeDocument[]> {
    const { resources } = await this.#container.items
      .query<NoticeDocument>(
        {
          query: 'SELECT * FROM c WHERE c.dueAt <= @now ORDER BY c.dueAt',
          parameters: [{ name: '@now', value: now }],
        },
        { maxItemCount: limit },
      )
      .fetchNext();
    return resources.slice(0, limit);
  }

  /**
   * Takes the lease `name` for `holder` until `until` when no one else holds it at `now`: true when
   * taken (or renewed). Decided by the document's ETag, so of two instances racing one wins.
   */
  async acquireLease(name: string, holder: string, now: string, until: string): Promise<boolean> {
    const item = this.#container.item(name, JOBS_PARTITION);
    const lease: LeaseDocument = { id: name, laCode: JOBS_PARTITION, kind: 'lease', holder, until };
    const { resource, etag } = await item.read<LeaseDocument>();
    try {
      if (!resource) {
        await this.#container.items.create(lease);
        return true;
      }
      if (resource.holder !== holder && resource.until > now) return false;
      await item.replace(lease, { accessCondition: { type: 'IfMatch', condition: etag } });
      return true;
    } catch (error) {
      const status = cosmosStatus(error);
      if (status === STATUS.conflict || status === STATUS.preconditionFailed) return false;
      throw error;
    }
  }

  /** Ends `holder`'s lease `name` at `now`, so the next sweep need not wait for it to run out. */
  async releaseLease(name: string, holder: string, now: string): Promise<void> {
    const item = this.#container.item(name, JOBS_PARTITION);
    const { resource, etag } = await item.read<LeaseDocument>();
    if (!resource || resource.holder !== holder) return;
    try {
      await item.replace(
        { ...resource, until: now },
        { accessCondition: { type: 'IfMatch', condition: etag } },
      );
    } catch (error) {
      if (cosmosStatus(error) !== STATUS.preconditionFailed) throw error;
    }
  }
}
