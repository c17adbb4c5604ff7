import type { Container, Database } from '@azure/cosmos';
import type { ChannelLink } from '../review/digest.ts';
import type { PlainDate } from '../review/plain-date.ts';
import type { Warning } from '../review/warnings.ts';
import { cosmosStatus, STATUS, withoutSystemProperties } from './cosmos-status.ts';
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
  /** The dispatcher holding it until `dueAt` (a lease: once `dueAt` passes, anyone may take it). */
  readonly holder?: string;
  /** The recipients (`tenantId/objectId`) it has reached, so a retry sends only to the others. */
  readonly sentTo?: readonly string[];
  /** The recipients it was not sent to, and why: muted, no personal chat with the bot, refused. */
  readonly skipped?: readonly {
    readonly userKey: string;
    readonly reason: 'muted' | 'no-chat' | 'refused';
  }[];
  /** The last failure's status (none: unanswered), while it is retried or once given up on. */
  readonly lastFailure?: { readonly status?: number };
}

/**
 * A linked channel's digest of a day, recorded when the first warning of its scope is dispatched
 * that day: its id is the digest's dedupe key (channel + day), so it is posted once.
 */
export interface DigestDocument {
  readonly id: string;
  readonly laCode: typeof DIGESTS_PARTITION;
  readonly kind: 'digest';
  readonly schemaVersion: typeof NOTICE_SCHEMA_VERSION;
  readonly conversationId: string;
  readonly day: PlainDate;
  readonly link: ChannelLink;
  readonly state: 'pending' | 'done' | 'failed';
  readonly attempts: number;
  readonly recordedAt: string;
  readonly dueAt?: string;
  readonly holder?: string;
  /** The thread the digest started: its conversation id (`<channel>;messageid=<id>`). */
  readonly postedAs?: string;
  readonly lastFailure?: { readonly status?: number };
}

/** A document as read, with the ETag a change of it must match. */
export interface Stored<T> {
  readonly document: T;
  readonly etag: string;
}

/** The partition of the channels' digests: no LA code is this. */
export const DIGESTS_PARTITION = '_digests';

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
    return (await this.dueStored<NoticeDocument>('warning', now, limit)).map((stored) => stored.document);
  }

  /**
   * Up to `limit` documents of `kind` due at `now` (pending, or leased by a dispatcher whose lease ran
   * out), the longest waiting first, each with its ETag.
   */
  async dueStored<T extends NoticeDocument | DigestDocument>(
    kind: T['kind'],
    now: string,
    limit: number,
  ): Promise<readonly Stored<T>[]> {
    const { resources } = await this.#container.items
      .query<T & { _etag: string }>(
        {
          query: 'SELECT * FROM c WHERE c.dueAt <= @now AND c.kind = @kind ORDER BY c.dueAt',
          parameters: [
            { name: '@now', value: now },
            { name: '@kind', value: kind },
          ],
        },
        { maxItemCount: limit },
      )
      .fetchNext();
    return resources.slice(0, limit).map(({ _etag, ...document }) => ({
      document: withoutSystemProperties(document) as unknown as T,
      etag: _etag,
    }));
  }

  /**
   * Records channel `conversationId`'s digest of `day` (linked as `link`) to be posted from `at`;
   * false when it was recorded before.
   */
  async recordDigest(
    conversationId: string,
    day: PlainDate,
    link: ChannelLink,
    id: string,
    at: string,
  ): Promise<boolean> {
    const document: DigestDocument = {
      id: documentIdOf(id),
      laCode: DIGESTS_PARTITION,
      kind: 'digest',
      schemaVersion: NOTICE_SCHEMA_VERSION,
      conversationId,
      day,
      link,
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

  /** The digests recorded, by id order (for tests and diagnostics). */
  async digests(): Promise<readonly DigestDocument[]> {
    const { resources } = await this.#container.items
      .query<DigestDocument>(
        {
          query: 'SELECT * FROM c WHERE c.laCode = @p AND c.kind = "digest" ORDER BY c.id',
          parameters: [{ name: '@p', value: DIGESTS_PARTITION }],
        },
        { partitionKey: DIGESTS_PARTITION },
      )
      .fetchAll();
    return resources.map((document) => withoutSystemProperties(document) as DigestDocument);
  }

  /**
   * Replaces a warning or digest with `document` if it is still as read (`etag`): its new ETag, or
   * undefined when another dispatcher changed it first (a lost race: that one goes on with it).
   */
  async replace<T extends NoticeDocument | DigestDocument>(
    document: T,
    etag: string,
  ): Promise<string | undefined> {
    try {
      const { etag: next } = await this.#container
        .item(document.id, document.laCode)
        .replace(document, { accessCondition: { type: 'IfMatch', condition: etag } });
      return next;
    } catch (error) {
      if (cosmosStatus(error) === STATUS.preconditionFailed) return undefined;
      throw error;
    }
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
