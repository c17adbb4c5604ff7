import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { type CaseRef, caseKey } from '../review/case.ts';
import {
  type AuditEntry,
  type AuditLog,
  LIST_READ_ACTION,
  type ListAuditEntry,
  type ListRead,
  type ListReadsQuery,
} from './audit-log.ts';
import type { Page } from './case-store.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { decodeContinuation, encodeContinuation, type PageRequest, pageSizeOf, queryPage } from './paging.ts';

export const AUDIT_SCHEMA_VERSION = 1;

/**
 * Case keys per list document. A key is at most 68 characters (`laCode/caseId`, review/case.ts); even
 * if every character of every case id took a 6-byte JSON escape, 2,000 of them are under 1 MB, half
 * Cosmos DB's 2 MB item limit. A typical part (keys of about 20 characters) is about 50 KB.
 */
export const LIST_PART_SIZE = 2000;

/** An audit entry as stored in the `audit` container (partition key `/caseKey`). */
export interface AuditDocument extends AuditEntry {
  /** `<at>~<uuid>`: sorts by time, so a case's entries list in order with `ORDER BY c.id`. */
  readonly id: string;
  readonly schemaVersion: typeof AUDIT_SCHEMA_VERSION;
}

/**
 * One part of a list read as stored in the `audit` container: in the reader's partition, with the
 * keys of the cases listed as an array.
 */
export interface ListReadDocument {
  /** `<at>~<list uuid>~<part, 4 digits>`: a list's parts sort together, in order, after its instant. */
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: typeof LIST_READ_ACTION;
  /** The partition key value: the reader, `reader:<actor>` ({@link readerPartition}), not a case. */
  readonly caseKey: string;
  /** This part's share of the list's case keys, in the order shown. */
  readonly caseKeys: readonly string[];
  /** 1-based; every part of one list has the same `at` and `parts`. */
  readonly part: number;
  readonly parts: number;
  /** `count` is the whole list's length, the same in every part. */
  readonly detail: { readonly via: string; readonly count: number };
  readonly schemaVersion: typeof AUDIT_SCHEMA_VERSION;
}

/**
 * The partition key value of a reader's list reads. Case keys are `laCode/caseId` with a 3-digit LA
 * code, so a `reader:` value can never be a case's partition.
 */
export function readerPartition(actor: string): string {
  return `${READER_PREFIX}${actor}`;
}

const READER_PREFIX = 'reader:';

/**
 * The audit log in Cosmos DB: one document per entry, partitioned by case, so a case's history is a
 * single-partition query and appends for different cases never contend. A list read is one document
 * (or a few parts) in the reader's partition.
 *
 * @remarks The id starts with the instant (normalised to `toISOString()`, which sorts as text), so
 * `ORDER BY c.id` (always indexed) lists entries in time order without a composite index; entries
 * within the same millisecond keep no particular order.
 */
export class CosmosAuditLog implements AuditLog {
  readonly #container: Container;
  readonly #newId: () => string;
  readonly #listPartSize: number;

  readonly #retryDelaysMs: readonly number[];

  constructor(
    container: Container,
    options: { newId?: () => string; listPartSize?: number; retryDelaysMs?: readonly number[] } = {},
  ) {
    const listPartSize = options.listPartSize ?? LIST_PART_SIZE;
    if (!Number.isInteger(listPartSize) || listPartSize < 1) {
      throw new TypeError(`listPartSize must be a positive whole number: ${listPartSize}`);
    }
    this.#container = container;
    this.#newId = options.newId ?? randomUUID;
    this.#listPartSize = listPartSize;
    this.#retryDelaysMs = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  }

  async record(entry: AuditEntry): Promise<void> {
    await this.#create(toAuditDocument(entry, this.#newId()));
  }

  async listForCase(ref: CaseRef, options: PageRequest = {}): Promise<Page<AuditEntry>> {
    const key = caseKey(ref);
    const page = await queryPage<AuditDocument>(
      this.#container,
      {
        query: 'SELECT * FROM c WHERE c.caseKey = @caseKey ORDER BY c.id',
        parameters: [{ name: '@caseKey', value: key }],
      },
      key,
      options,
    );
    const items = page.items.map(fromAuditDocument);
    return page.continuation === undefined ? { items } : { items, continuation: page.continuation };
  }

  /**
   * Writes the list as one document in the reader's partition (`reader:<actor>`), or
   * ceil(keys / {@link LIST_PART_SIZE}) documents for a very long list, written in parallel.
   *
   * @remarks One write of about 25 bytes per case instead of one write per case: a 450-case list is one
   * ~11 KB document (about 8 RU) where it was 450 writes (~2,700 RU); `caseKeys` is not indexed, so its
   * length costs size, not index terms (docs/store.md, "The audit log").
   */
  async recordListRead(entry: ListAuditEntry): Promise<void> {
    const documents = toListReadDocuments(entry, this.#newId(), this.#listPartSize);
    await Promise.all(documents.map((document) => this.#create(document)));
  }

  /**
   * The list reads that showed the case: every reader's partition searched with
   * `ARRAY_CONTAINS(c.caseKeys, @caseKey)`.
   *
   * @remarks The one cross-partition query of the store, acceptable because it answers a rare forensic
   * question ("who has seen this child's record"), never a user's page load. Its cost: the indexed
   * prefix of the partition key (`reader:`) and, given `since`/`until`, the indexed id (which starts
   * with the instant) narrow it to list documents; each of those is then loaded and its `caseKeys`
   * searched, because indexing `caseKeys` would charge every list write one index term per case and
   * undo the saving. `enableScanInQuery` lets the service evaluate that un-indexed filter. Only the
   * who/when/via are returned, never the key arrays.
   */
  async listReadsOf(ref: CaseRef, options: ListReadsQuery = {}): Promise<Page<ListRead>> {
    const key = caseKey(ref);
    const since = options.since === undefined ? undefined : instantOf(options.since, 'since');
    const until = options.until === undefined ? undefined : instantOf(options.until, 'until');
    const conditions = [
      'STARTSWITH(c.caseKey, @readerPrefix)',
      'c.action = @action',
      'ARRAY_CONTAINS(c.caseKeys, @caseKey)',
      ...(since === undefined ? [] : ['c.id >= @since']),
      ...(until === undefined ? [] : ['c.id < @until']),
    ];
    const query = {
      query: `SELECT c.id, c.at, c.actor, c.detail FROM c WHERE ${conditions.join(' AND ')} ORDER BY c.id`,
      parameters: [
        { name: '@readerPrefix', value: READER_PREFIX },
        { name: '@action', value: LIST_READ_ACTION },
        { name: '@caseKey', value: key },
        ...(since === undefined ? [] : [{ name: '@since', value: since }]),
        ...(until === undefined ? [] : [{ name: '@until', value: until }]),
      ],
    };
    // The token is bound to this question (the case and the window), as paging.ts binds one to a partition.
    const scope = `list-reads|${key}|${since ?? ''}|${until ?? ''}`;
    let token =
      options.continuation === undefined ? undefined : decodeContinuation(scope, options.continuation);
    const maxItemCount = pageSizeOf(options.pageSize);
    for (;;) {
      const response = await this.#container.items
        .query<ListReadRow>(query, { maxItemCount, continuationToken: token, enableScanInQuery: true })
        .fetchNext();
      token = response.continuationToken;
      const items = (response.resources ?? []).map(fromListReadRow);
      // A page may come back empty with a token (the service stopped early): skip it.
      if (items.length > 0 || token === undefined) {
        return token === undefined ? { items } : { items, continuation: encodeContinuation(scope, token) };
      }
    }
  }

  /**
   * Creates `document`, retrying a failure that may be transient with the same document, id
   * included: if an earlier attempt landed and only its answer was lost, the retry is refused as a
   * conflict (409), which means the entry is there, once.
   *
   * @remarks The SDK does not retry a create whose connection broke (it cannot know whether the write
   * landed), and a keep-alive connection the server closes just as a request goes out fails that way
   * ("socket hang up", ECONNRESET). The id is fixed before the first attempt, so retrying is safe.
   */
  async #create(document: AuditDocument | ListReadDocument): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await this.#container.items.create(document);
        return;
      } catch (error) {
        if (cosmosStatus(error) === STATUS.conflict) return;
        const delay = this.#retryDelaysMs[attempt];
        if (delay === undefined || !isTransient(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }
}

/** Waits before each retry of an audit write: three retries within about half a second. */
const RETRY_DELAYS_MS: readonly number[] = [20, 100, 400];

/** Statuses Cosmos DB answers when trying again may succeed: timeout, throttled, retry-with, unavailable. */
const TRANSIENT_STATUSES = new Set([408, 429, 449, 503]);
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'ECONNREFUSED']);

/** Whether a failed write may be tried again: a broken connection, or a status that says so. */
export function isTransient(error: unknown): boolean {
  const status = cosmosStatus(error);
  if (status !== undefined) return TRANSIENT_STATUSES.has(status);
  for (let cause: unknown = error, depth = 0; cause instanceof Error && depth < 4; depth += 1) {
    const { code } = cause as { code?: unknown };
    if (typeof code === 'string' && TRANSIENT_NETWORK_CODES.has(code)) return true;
    if (/socket hang up/i.test(cause.message)) return true;
    cause = cause.cause;
  }
  return false;
}

export function toAuditDocument(entry: AuditEntry, uniqueId: string): AuditDocument {
  const at = instantOf(entry.at, 'audit entry time');
  for (const [name, value] of Object.entries(entry.detail ?? {})) {
    if (typeof value === 'string') refuseEmailLike(value, `audit detail "${name}"`);
  }
  return {
    id: `${at}~${uniqueId}`,
    at,
    actor: entry.actor,
    action: entry.action,
    caseKey: entry.caseKey,
    ...(entry.detail === undefined ? {} : { detail: { ...entry.detail } }),
    schemaVersion: AUDIT_SCHEMA_VERSION,
  };
}

/** The documents of one list read: `partSize` keys each, in order; none for an empty list. */
export function toListReadDocuments(
  entry: ListAuditEntry,
  listId: string,
  partSize: number,
): ListReadDocument[] {
  const at = instantOf(entry.at, 'list read time');
  // The actor names a partition (it shows in the service's diagnostics), so it is held to the rule too.
  refuseEmailLike(entry.actor, 'list read actor');
  refuseEmailLike(entry.via, 'list read "via"');
  entry.caseKeys.forEach((key, index) => {
    // A shape check, not a content check: an LA's case id may hold any printable character.
    if (!CASE_KEY_SHAPE.test(key)) {
      throw new TypeError(`list read caseKeys[${index}] is not a case key (laCode/caseId)`);
    }
  });
  const parts = Math.ceil(entry.caseKeys.length / partSize);
  return Array.from({ length: parts }, (_, index) => ({
    id: `${at}~${listId}~${String(index + 1).padStart(4, '0')}`,
    at,
    actor: entry.actor,
    action: LIST_READ_ACTION,
    caseKey: readerPartition(entry.actor),
    caseKeys: entry.caseKeys.slice(index * partSize, (index + 1) * partSize),
    part: index + 1,
    parts,
    detail: { via: entry.via, count: entry.caseKeys.length },
    schemaVersion: AUDIT_SCHEMA_VERSION,
  }));
}

function fromAuditDocument(document: AuditDocument): AuditEntry {
  return {
    at: document.at,
    actor: document.actor,
    action: document.action,
    caseKey: document.caseKey,
    ...(document.detail === undefined ? {} : { detail: document.detail }),
  };
}

type ListReadRow = Pick<ListReadDocument, 'id' | 'at' | 'actor' | 'detail'>;

function fromListReadRow(row: ListReadRow): ListRead {
  return { at: row.at, actor: row.actor, via: row.detail.via, count: row.detail.count };
}

/** `value` as `toISOString()` (one form, so ids sort by time); a TypeError naming `what` if it is not an instant. */
function instantOf(value: string, what: string): string {
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new TypeError(`${what} is not an instant: ${value}`);
  return instant.toISOString();
}

/** A guard against a programming mistake, not a filter: an address in an audit entry is a bug. */
function refuseEmailLike(value: string, what: string): void {
  if (EMAIL_LIKE.test(value)) {
    throw new TypeError(`${what} looks like an email address; the audit log holds no personal data`);
  }
}

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** `laCode/caseId`: a 3-digit LA code, a slash, the LA's case id (any character, even a line separator). */
const CASE_KEY_SHAPE = /^\d{3}\/./s;
