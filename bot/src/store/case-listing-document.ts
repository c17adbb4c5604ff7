import type { CaseFile } from '../review/case-file.ts';
import { type CaseListing, listingOf } from '../review/listing.ts';
import type { LaPolicy } from '../review/policy.ts';

/**
 * The fields a case document carries for lists (docs/store.md, "Lists read summaries").
 *
 * @remarks Computed here, from the domain's `listingOf`, by every write of the case document
 * (`toCaseDocument`), so the summary is in the same atomic write as the file and cannot drift from it.
 */
export function listingFields(file: CaseFile, policy: LaPolicy): { readonly summary: CaseListing } {
  return { summary: listingOf(file, policy) };
}

/** What a list query reads of a case document: its keys and its summary, never the file. */
export interface ListingRow {
  readonly laCode: string;
  readonly settingUrn: string;
  /** The case id as the LA wrote it (the document id may be escaped). */
  readonly caseId: string;
  readonly summary?: CaseListing;
}

/** The projection of {@link ListingRow}. */
export const LISTING_PROJECTION =
  'SELECT c.laCode, c.settingUrn, c.file["case"].caseId AS caseId, c.summary FROM c';
