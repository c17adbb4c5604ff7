import type { CaseRef } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';

/** A case file as stored, with the ETag that guards the next write to it. */
export interface StoredCase {
  readonly file: CaseFile;
  readonly etag: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  /** Opaque; pass it back for the next page. Absent on the last page. */
  readonly continuation?: string;
}

/** What an import did to one case. */
export type ImportEffect = 'created' | 'updated' | 'unchanged';

/**
 * The port the rest of the server uses for case files. Every hot path is a point read or a
 * single-partition query (see docs/store.md).
 */
export interface CaseStore {
  get(ref: CaseRef): Promise<StoredCase | undefined>;
  /** Creates the file; a ReviewError STALE_WRITE if one with the same ref exists. */
  create(file: CaseFile): Promise<StoredCase>;
  /** Replaces the file if its ETag is still `etag` (If-Match); a ReviewError STALE_WRITE otherwise. */
  replace(file: CaseFile, etag: string): Promise<StoredCase>;
  /**
   * Read-modify-write with If-Match: reads, applies `change`, writes; on 412 reloads and applies
   * `change` again (a few times, then STALE_WRITE). `change` is pure and may run more than once.
   * Returns undefined when there is no such case.
   */
  update(ref: CaseRef, change: (file: CaseFile) => CaseFile): Promise<StoredCase | undefined>;
  /** The live case files of one setting, across every LA it holds cases from. */
  listBySetting(settingUrn: string): Promise<readonly CaseFile[]>;
  /** One LA's case files, a page at a time. */
  pageByLa(laCode: string, options?: { continuation?: string; pageSize?: number }): Promise<Page<CaseFile>>;
}
