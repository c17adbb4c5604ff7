import type { DateKey } from './clock.ts';
import type { CaseListing } from './listing.ts';
import { addDays, type PlainDate } from './plain-date.ts';
import type { RuleId } from './rules.ts';
import { firstName, WARNED_DATES, type WarningActor } from './warnings.ts';

/**
 * What a Teams channel is linked to: a setting's SEND team (its cases, from every LA that places
 * children there) or an LA's SEND team (that LA's cases).
 */
export type ChannelLink =
  | { readonly kind: 'setting'; readonly settingUrn: string }
  | { readonly kind: 'la'; readonly laCode: string };

/** One row of a digest: the child by first name and case id, nothing more, and the date with its rule. */
export interface DigestRow {
  readonly laCode: string;
  readonly caseId: string;
  readonly childFirstName: string;
  readonly key: DateKey;
  readonly date: PlainDate;
  readonly rule: RuleId;
  readonly actor: WarningActor;
}

/** A channel's daily digest, grouped as issue 13 asks; each group earliest first. */
export interface Digest {
  readonly overdue: readonly DigestRow[];
  /** Today and the 6 days after it. */
  readonly thisWeek: readonly DigestRow[];
  /** From 7 to 28 days ahead. */
  readonly nextFourWeeks: readonly DigestRow[];
}

/** Whether a case belongs in the channel `link` names. */
export function inLink(link: ChannelLink, listing: Pick<CaseListing, 'laCode' | 'settingUrn'>): boolean {
  return link.kind === 'setting' ? listing.settingUrn === link.settingUrn : listing.laCode === link.laCode;
}

/**
 * The digest of `link`'s channel on `today` from the stored listings: every open warned date of a
 * live case in the link's scope, overdue or due within 4 weeks.
 *
 * @remarks The scope is checked here, row by row, whatever the caller read: a setting's channel shows
 * only that setting's cases and an LA's only its LA's (issue 13), so a query that read too widely can
 * never post another setting's child into a channel. A step is open on `today` when it has no
 * `doneFrom` or that day is still ahead.
 */
export function digestFor(link: ChannelLink, listings: readonly CaseListing[], today: PlainDate): Digest {
  const weekEnd = addDays(today, 6);
  const horizon = addDays(today, 28);
  const rows: DigestRow[] = [];
  for (const listing of listings) {
    if (!listing.live || !inLink(link, listing)) continue;
    for (const step of listing.steps) {
      const owner = WARNED_DATES[step.key];
      if (!owner || (step.doneFrom !== undefined && step.doneFrom <= today) || step.date > horizon) continue;
      rows.push({
        laCode: listing.laCode,
        caseId: listing.caseId,
        childFirstName: firstName(listing.childName),
        key: step.key,
        date: step.date,
        rule: owner.rule,
        actor: owner.actor,
      });
    }
  }
  rows.sort((a, b) => a.date.localeCompare(b.date) || a.caseId.localeCompare(b.caseId));
  return {
    overdue: rows.filter((row) => row.date < today),
    thisWeek: rows.filter((row) => row.date >= today && row.date <= weekEnd),
    nextFourWeeks: rows.filter((row) => row.date > weekEnd),
  };
}
