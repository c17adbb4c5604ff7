import { caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import type { CaseListing } from '../review/listing.ts';
import { outboxDueAt } from '../review/outbox.ts';
import { type LaPolicy, STATUTORY_DEFAULTS } from '../review/policy.ts';
import { listingFields } from './case-listing-document.ts';
import type { StoredCase } from './case-store.ts';
import { documentIdOf } from './document-id.ts';

export const CASE_SCHEMA_VERSION = 1;

/**
 * A case file as stored in the `cases` container: the aggregate under `file`, and beside it the fields
 * the store partitions and queries on.
 *
 * @remarks The outer fields are copies of `file.case` (written by {@link toCaseDocument} only), so a
 * query never reaches into the file and the indexing policy can leave the file out (database.ts).
 * `schemaVersion` lets a later version migrate documents as it reads them.
 */
export interface CaseDocument {
  /** The LA's case id (escaped by {@link documentIdOf}): unique within the LA, which is the partition. */
  readonly id: string;
  readonly laCode: string;
  readonly settingUrn: string;
  /** `laCode/caseId`: the audit log's partition key for this case. */
  readonly caseKey: string;
  readonly file: CaseFile;
  /**
   * What a list shows of the case (case-listing-document.ts), written with every write of `file`.
   * Absent only from a document written before it existed; a list reads such a file whole.
   */
  readonly summary?: CaseListing;
  readonly schemaVersion: typeof CASE_SCHEMA_VERSION;
  /**
   * When the file's outbox next has work for a dispatcher (ISO instant), absent when it has none: the
   * dispatcher finds work by this indexed field, never by reading every case (outbox-queue.ts).
   */
  readonly outboxDue?: string;
}

/** What a read returns: the document with the system properties the service adds. */
export type ReadCaseDocument = CaseDocument & { readonly _etag: string };

export function toCaseDocument(file: CaseFile, policy: LaPolicy = STATUTORY_DEFAULTS): CaseDocument {
  const { laCode, caseId, settingUrn } = file.case;
  return {
    id: documentIdOf(caseId),
    laCode,
    settingUrn,
    caseKey: caseKey(file.case),
    file,
    ...listingFields(file, policy),
    schemaVersion: CASE_SCHEMA_VERSION,
    ...outboxFields(file),
  };
}

/** The outer fields of the outbox: a copy of when it is next due (outbox.ts), for the index. */
export function outboxFields(file: CaseFile): { outboxDue?: string } {
  const due = outboxDueAt(file);
  return due === undefined ? {} : { outboxDue: due };
}

/** The case file and its ETag; every other system property (`_rid`, `_ts`, `_self`) stays behind. */
export function fromCaseDocument(document: ReadCaseDocument): StoredCase {
  if (document.schemaVersion !== CASE_SCHEMA_VERSION) {
    throw new Error(`case ${document.caseKey} has schema version ${document.schemaVersion}, expected 1`);
  }
  return { file: document.file, etag: document._etag };
}
