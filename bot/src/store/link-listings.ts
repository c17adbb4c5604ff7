import type { ChannelLink } from '../review/digest.ts';
import type { CaseListing } from '../review/listing.ts';
import type { CaseListings } from './case-listings.ts';

/**
 * The stored listings of a channel link's scope: a setting's cases across every LA it holds cases
 * from, or an LA's live cases, page by page. Summaries only, never files.
 */
export function listingsInLink(
  listings: CaseListings,
): (link: ChannelLink) => Promise<readonly CaseListing[]> {
  return async (link) => {
    if (link.kind === 'setting') return summariesOf(await listings.bySetting(link.settingUrn));
    const found: CaseListing[] = [];
    let continuation: string | undefined;
    do {
      const page = await listings.pageByLa(link.laCode, {
        pageSize: 500,
        ...(continuation ? { continuation } : {}),
      });
      found.push(...summariesOf(page.items));
      continuation = page.continuation;
    } while (continuation);
    return found;
  };
}

function summariesOf(rows: readonly { readonly summary?: CaseListing }[]): CaseListing[] {
  return rows.flatMap((row) => (row.summary ? [row.summary] : []));
}
