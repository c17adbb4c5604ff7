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

export interface AuditLog {
  record(entry: AuditEntry): Promise<void>;
  /** A case's entries, oldest first, a page at a time. */
  listForCase(
    ref: CaseRef,
    options?: { continuation?: string; pageSize?: number },
  ): Promise<Page<AuditEntry>>;
}
