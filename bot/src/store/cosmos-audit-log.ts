import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { type CaseRef, caseKey } from '../review/case.ts';
import type { AuditEntry, AuditLog } from './audit-log.ts';
import type { Page } from './case-store.ts';
import { cosmosStatus, STATUS } from './cosmos-status.ts';
import { type PageRequest, queryPage } from './paging.ts';

export const AUDIT_SCHEMA_VERSION = 1;

/** An audit entry as stored in the `audit` container (partition key `/caseKey`). */
export interface AuditDocument extends AuditEntry {
  /** `<at>~<uuid>`: sorts by time, so a case's entries list in order with `ORDER BY c.id`. */
  readonly id: string;
  readonly schemaVersion: typeof AUDIT_SCHEMA_VERSION;
}

/**
 * The audit log in Cosmos DB: one document per entry, partitioned by case, so a case's history is a
 * single-partition query and appends for different cases never contend.
 *
 * @remarks The id starts with the instant (normalised to `toISOString()`, which sorts as text), so
 * `ORDER BY c.id` (always indexed) lists entries in time order without a composite index; entries
 * within the same millisecond keep no particular order.
 */
export class CosmosAuditLog implements AuditLog {
  readonly #container: Container;
  readonly #newId: () => string;

  constructor(container: Container, options: { newId?: () => string } = {}) {
    this.#container = container;
    this.#newId = options.newId ?? randomUUID;
  }

  async record(entry: AuditEntry): Promise<void> {
    const document = toAuditDocument(entry, this.#newId());
    try {
      await this.#container.items.create(document);
    } catch (error) {
      // The SDK retried a create that had already landed: the entry is there once.
      if (cosmosStatus(error) !== STATUS.conflict) throw error;
    }
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
}

export function toAuditDocument(entry: AuditEntry, uniqueId: string): AuditDocument {
  const instant = new Date(entry.at);
  if (Number.isNaN(instant.getTime())) throw new TypeError(`audit entry time is not an instant: ${entry.at}`);
  for (const [name, value] of Object.entries(entry.detail ?? {})) {
    // A guard against a programming mistake, not a filter: an address in an audit entry is a bug.
    if (typeof value === 'string' && EMAIL_LIKE.test(value)) {
      throw new TypeError(
        `audit detail "${name}" looks like an email address; the audit log holds no personal data`,
      );
    }
  }
  const at = instant.toISOString();
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

function fromAuditDocument(document: AuditDocument): AuditEntry {
  return {
    at: document.at,
    actor: document.actor,
    action: document.action,
    caseKey: document.caseKey,
    ...(document.detail === undefined ? {} : { detail: document.detail }),
  };
}

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
