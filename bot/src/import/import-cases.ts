import { caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { isReviewError } from '../review/errors.ts';
import {
  amendmentKept,
  caseFileFromImport,
  decisionDateKept,
  type KeptAmendment,
  type KeptDecisionDate,
  mergeImport,
} from '../review/imported-case.ts';
import type { PlainDate } from '../review/plain-date.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CaseStore, ImportEffect } from '../store/case-store.ts';
import type { RawCaseRow } from './columns.ts';
import type { ImportNotice } from './import-notice.ts';
import { sameData } from './same-data.ts';
import { validateCases } from './validate-cases.ts';

export type ImportCounts = Record<ImportEffect, number>;

/** What an import did: how many cases it created, updated and found unchanged, and what to tell the officer. */
export interface ImportResult {
  readonly counts: ImportCounts;
  /** In the order of the file. */
  readonly notices: readonly ImportNotice[];
}

export interface ImportProgress extends ImportCounts {
  readonly done: number;
  readonly total: number;
}

export interface ImportOptions {
  readonly store: CaseStore;
  readonly audit: AuditLog;
  readonly today: PlainDate;
  /** The instant each audit entry is stamped with. */
  readonly now: () => Date;
  /** Called after each case is written (or found unchanged), in the order they finish. */
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Cases written at the same time (default 8). */
  readonly concurrency?: number;
}

export const IMPORT_ACTOR = 'system:import';
export const IMPORT_ACTION = 'case.import';

/**
 * Imports an LA's cases: validates every row, then creates each case that is new and brings each
 * existing one up to date (`mergeImport`), writing only what changed. A value the merge did not take
 * (a last review decision date older than a review closed in the product) is a notice, not an error:
 * the case is imported, and the officer is told.
 *
 * @remarks Nothing is written until every row is valid (a ReviewError IMPORT_INVALID lists every
 * problem). After that, each case is one atomic write of its own document, guarded by its ETag through
 * `store.update`, so the import is idempotent: run again, it changes nothing it already did. That also
 * makes it crash-safe: after a crash midway, running the same file again writes the cases that were
 * not reached and finds the others unchanged. The one thing a crash can lose is the audit entry of the
 * case being written at that moment, recorded just after its write.
 *
 * Writes run a few at a time: Cosmos DB takes parallel writes well, and a bound keeps a 10,000-case
 * file from opening 10,000 requests at once (and from meeting the account's request-unit limit in a
 * burst). The first failure stops new writes; the ones in flight finish, then it is thrown.
 */
export async function importCases(
  rows: readonly RawCaseRow[],
  options: ImportOptions,
): Promise<ImportResult> {
  const { store, audit, today, now, onProgress } = options;
  // All or nothing: validateCases returns one case for each row, in order, or throws.
  const cases = validateCases(rows, today).map((row, index) => ({ row, where: rows[index]?.where ?? '' }));
  const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
  const notices: ImportNotice[][] = cases.map(() => []);
  let done = 0;
  await forEachAtMost(options.concurrency ?? 8, cases, async ({ row, where }, index) => {
    const file = caseFileFromImport(row, today);
    const { effect, kept, amendment } = await importOne(store, file);
    if (kept) {
      notices[index]?.push({ kind: 'decision-date-kept', where, column: 'last_review_decision_on', ...kept });
    }
    if (amendment) {
      notices[index]?.push({ kind: 'amendment-kept', where, column: 'amendment_notice_on', ...amendment });
    }
    if (effect !== 'unchanged') {
      await audit.record({
        at: now().toISOString(),
        actor: IMPORT_ACTOR,
        action: IMPORT_ACTION,
        caseKey: caseKey(file.case),
        detail: { effect },
      });
    }
    counts[effect] += 1;
    done += 1;
    onProgress?.({ ...counts, done, total: cases.length });
  });
  return { counts, notices: notices.flat() };
}

interface Imported {
  readonly effect: ImportEffect;
  /** Set when the merge kept the product's last review decision date over the file's. */
  readonly kept?: KeptDecisionDate;
  /** Set when the merge kept an imported amendment that the file no longer carries. */
  readonly amendment?: KeptAmendment;
}

async function importOne(store: CaseStore, incoming: CaseFile): Promise<Imported> {
  const merged = await mergeInto(store, incoming);
  if (merged) return merged;
  try {
    await store.create(incoming);
    return { effect: 'created' };
  } catch (error) {
    // Someone created the case between our read and our create: merge into theirs instead.
    if (!isReviewError(error) || error.code !== 'STALE_WRITE') throw error;
    const retried = await mergeInto(store, incoming);
    if (!retried) throw error;
    return retried;
  }
}

/** Merges the import into the stored case; undefined when there is none. */
async function mergeInto(store: CaseStore, incoming: CaseFile): Promise<Imported | undefined> {
  let effect: ImportEffect = 'unchanged';
  let kept: KeptDecisionDate | undefined;
  let amendment: KeptAmendment | undefined;
  // `update` may run this more than once (another write came between its read and write): the last run
  // is the one that was written.
  const stored = await store.update(incoming.case, (current) => {
    const merged = mergeImport(current, incoming);
    kept = decisionDateKept(current, incoming);
    amendment = amendmentKept(current, incoming, merged);
    // Handing back the stored file itself tells the store there is nothing to write.
    effect = sameData(merged, current) ? 'unchanged' : 'updated';
    return effect === 'unchanged' ? current : merged;
  });
  return stored ? { effect, ...(kept ? { kept } : {}), ...(amendment ? { amendment } : {}) } : undefined;
}

/** Runs `task` over `items` with at most `limit` running at once; stops taking new items after a failure. */
async function forEachAtMost<T>(
  limit: number,
  items: readonly T[],
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        await task(items[index] as T, index);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw failure.reason;
}
