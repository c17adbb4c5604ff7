import type { CaseRef } from '../review/case.ts';
import type { Page } from './case-store.ts';

/**
 * One thing someone did to (or saw of) a case: who, what, when. Append-only.
 *
 * @remarks An audit log outlives the data it describes and is read by people who need not see a
 * child's details, so an entry holds no personal data: the actor is an Entra ID identity
 * (`tenantId/objectId`) or a system actor, the case is its key, and `detail` carries ids, counts and
 * codes, never names or email addresses (UK GDPR art. 5(1)(c), data minimisation).
 */
export interface AuditEntry {
  /** ISO 8601 instant, e.g. `2026-03-02T09:15:00.000Z`. */
  readonly at: string;
  /** `tenantId/objectId`, or a system actor such as `system:import`. */
  readonly actor: string;
  /** What happened, `noun.verb`: `case.read`, `case.import`, `review.start`. */
  readonly action: string;
  /** `laCode/caseId` (see `caseKey`). */
  readonly caseKey: string;
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** The action of a list read: a list of cases was shown to someone. */
export const LIST_READ_ACTION = 'case.list';

/**
 * One list of cases shown to a reader (the tab's live cases, the bot's "reviews" card): every case on
 * it, recorded as one entry rather than one entry per case.
 *
 * @remarks A SENCo may hold 450 plans and an LA officer 10,000 (DESIGN.md section 5); an entry per
 * case listed would be that many writes on every tab load. The same rule as {@link AuditEntry}: no
 * personal data, only the reader's identity and case keys.
 */
export interface ListAuditEntry {
  /** ISO 8601 instant the list was read. */
  readonly at: string;
  /** `tenantId/objectId` of the reader. */
  readonly actor: string;
  /** `laCode/caseId` of every case on the list, in the order shown. */
  readonly caseKeys: readonly string[];
  /** Where the list was read: `api` (the tab) or `bot` (a card). */
  readonly via: string;
}

/** A list read that showed a given case: who, when, through what, and how long the list was. */
export interface ListRead {
  readonly at: string;
  readonly actor: string;
  readonly via: string;
  /** How many cases the whole list showed. */
  readonly count: number;
}

export interface ListReadsQuery {
  /** Only reads at or after this instant. */
  readonly since?: string;
  /** Only reads before this instant. */
  readonly until?: string;
  readonly continuation?: string;
  readonly pageSize?: number;
}

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** A case's entries, oldest first, a page at a time. Does not include list reads: see `listReadsOf`. */
  listForCase(
    ref: CaseRef,
    options?: { continuation?: string; pageSize?: number },
  ): Promise<Page<AuditEntry>>;
  /**
   * Records that `entry.actor` was shown a list of cases. An empty list records nothing.
   *
   * @remarks Resolves once the whole list is recorded; a caller shows the list only then. If it
   * rejects, part of the list may be recorded all the same: the log then says more was seen than was
   * shown, the safe side for an audit log.
   */
  recordListRead(entry: ListAuditEntry): Promise<void>;
  /**
   * The list reads that showed the case, oldest first, a page at a time: "who has seen this child
   * in a list". A forensic query, not a hot path: in Cosmos DB it searches every reader's partition
   * (docs/store.md, "The audit log").
   */
  listReadsOf(ref: CaseRef, options?: ListReadsQuery): Promise<Page<ListRead>>;
}
