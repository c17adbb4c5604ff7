import { caseKey } from '../review/case.ts';
import { ReviewError } from '../review/errors.ts';
import type { PlainDate } from '../review/plain-date.ts';
import { DEFAULT_WARNING_POLICY, type WarningPolicy } from '../review/warning-policy.ts';
import { ownWarningsOf, type Warning } from '../review/warnings.ts';
import type { ListingRow } from '../store/case-listing-document.ts';
import type { CaseloadDeps, Reader } from './caseload.ts';

/** One case of the reader's with warnings of theirs now, the earliest date first. */
export interface OwnWarningCase {
  readonly laCode: string;
  readonly caseId: string;
  /** The child's name: shown in a personal chat only, to someone whose case it is. */
  readonly childName: string;
  readonly warnings: readonly Warning[];
}

/** Pages of an LA's listings read at once. */
const LA_PAGE_SIZE = 500;

/**
 * The reader's own warnings on `today`, case by case, the case with the earliest date first: the
 * setting's steps for its SENCo, the LA's for its officers (review/warnings.ts `ownWarningsOf`).
 *
 * @remarks From the same stored summaries the deadline sweep reads (their steps and dates), so a
 * person is told in chat exactly what the sweep warns them of. Only a case's placement makes a date
 * someone's own, so only the lists by setting and by LA are read. The cases shown are audited as one
 * list read (AuditLog `recordListRead`); if that cannot be written nothing is shown (AUDIT_UNAVAILABLE).
 */
export async function ownWarnings(
  reader: Reader,
  today: PlainDate,
  deps: Pick<CaseloadDeps, 'listings' | 'audit' | 'now'>,
  /** The policy of each LA that chose one; any other LA has the default. */
  policies: ReadonlyMap<string, WarningPolicy> = new Map(),
): Promise<OwnWarningCase[]> {
  const rows = new Map<string, ListingRow>();
  for (const role of reader.actor.roles) {
    const found =
      role.kind === 'senco'
        ? await deps.listings.bySetting(role.settingUrn)
        : role.kind === 'la-officer'
          ? await everyOfLa(role.laCode, deps)
          : [];
    for (const row of found) rows.set(caseKey(row), row);
  }
  const cases: OwnWarningCase[] = [];
  for (const row of rows.values()) {
    if (!row.summary) continue;
    const warnings = [
      ...ownWarningsOf(reader.actor, row.summary, today, policies.get(row.laCode) ?? DEFAULT_WARNING_POLICY),
    ].sort((a, b) => a.date.localeCompare(b.date));
    if (warnings.length === 0) continue;
    cases.push({ laCode: row.laCode, caseId: row.caseId, childName: row.summary.childName, warnings });
  }
  cases.sort(
    (a, b) =>
      (a.warnings[0]?.date ?? '').localeCompare(b.warnings[0]?.date ?? '') ||
      caseKey(a).localeCompare(caseKey(b)),
  );
  if (cases.length > 0) {
    try {
      await deps.audit.recordListRead({
        at: deps.now().toISOString(),
        actor: reader.accountKey,
        caseKeys: cases.map(caseKey),
        via: reader.via,
      });
    } catch (cause) {
      throw new ReviewError('AUDIT_UNAVAILABLE', [], undefined, { cause });
    }
  }
  return cases;
}

async function everyOfLa(laCode: string, deps: Pick<CaseloadDeps, 'listings'>): Promise<ListingRow[]> {
  const rows: ListingRow[] = [];
  let continuation: string | undefined;
  do {
    const page = await deps.listings.everyOfLa(laCode, {
      pageSize: LA_PAGE_SIZE,
      ...(continuation ? { continuation } : {}),
    });
    rows.push(...page.items);
    continuation = page.continuation;
  } while (continuation);
  return rows;
}
