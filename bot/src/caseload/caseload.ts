import { type CaseRef, caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import type { Clock } from '../review/clock.ts';
import { ReviewError } from '../review/errors.ts';
import { isCurrentListing, summaryOn } from '../review/listing.ts';
import { type Actor, can, canByPlacement, canListLa } from '../review/permissions.ts';
import type { PlainDate } from '../review/plain-date.ts';
import type { LaPolicy } from '../review/policy.ts';
import { byUrgency, type CaseSummary, isLive, summariseWithClock } from '../review/summary.ts';
import { describeError, type Log } from '../server/log.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { ListingRow } from '../store/case-listing-document.ts';
import type { CaseListings } from '../store/case-listings.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { PageRequest } from '../store/paging.ts';
import { mapLimit } from './map-limit.ts';

/**
 * The reads behind the tab's live cases list and the bot's "reviews" card: which cases a user may
 * see, summarised, each read checked with `can` and recorded in the audit log.
 *
 * @remarks Shared by the REST API and the bot so they can never disagree about who sees what.
 */
export interface CaseloadDeps {
  readonly store: CaseStore;
  /** The summaries stored beside the case files, which the lists by setting and by LA read. */
  readonly listings: CaseListings;
  /** The cases that name a person (store/person-index.ts). */
  readonly people: { casesOf(email: string): Promise<readonly CaseRef[]> };
  readonly audit: AuditLog;
  readonly policyFor: (laCode: string) => LaPolicy;
  readonly settingName: (settingUrn: string) => string | undefined;
  /** The instant audit entries are stamped with. */
  readonly now: () => Date;
  /** Where a refused read that could not be audited is reported (it is answered all the same). */
  readonly log?: Log;
}

/** The audit action of a read that was refused: the caller was answered CASE_NOT_FOUND. */
export const REFUSED_READ_ACTION = 'case.read.refused';

/** Who is reading: the actor `can` judges, and the account key the audit log names (no personal data). */
export interface Reader {
  readonly actor: Actor;
  readonly accountKey: string;
  /** Where the read came from, recorded with it. */
  readonly via: 'api' | 'bot';
}

/** Requests to the store in flight at once for one list. */
const CONCURRENCY = 16;
const LA_PAGE_SIZE = 500;

/**
 * The reader's live cases on `today`, most urgent first.
 *
 * @remarks Found by the reader's relation to the case (permissions.ts): a SENCo's by setting (one
 * single-partition query per LA the setting holds cases from), an LA officer's by LA (paged), and
 * everyone else's through the person index; then every file is checked with `can` anyway, because the
 * person index is a superset and roles may have changed. The list is audited as one `case.list` entry
 * naming every case on it in the order shown (`AuditLog.recordListRead`): one write per list, not one
 * per case, however many cases the reader holds. If it cannot be written, nothing is returned
 * (AUDIT_UNAVAILABLE). An empty list shows no one's record and records nothing.
 */
export async function liveCases(
  reader: Reader,
  today: PlainDate,
  deps: CaseloadDeps,
): Promise<CaseSummary[]> {
  const summaries = await visibleSummaries(reader.actor, await candidates(reader.actor, deps), today, deps);
  summaries.sort(byUrgency);
  await recordList(reader, summaries, deps);
  return summaries;
}

/** One page of an LA's live cases, earliest next due date first, for an officer of that LA. */
export interface LaCasesPage {
  readonly cases: readonly CaseSummary[];
  /** Pass it back for the next page; absent on the last. */
  readonly continuation?: string;
}

/**
 * One page of the live cases of `laCode`, ordered by each case's next due date (`summary.nextDue`,
 * review/listing.ts), for an LA officer of that LA; NOT_ALLOWED for anyone else.
 *
 * @remarks One single-partition query of small documents per page, whatever the size of the LA: an
 * LA of 10,000 plans is read 50 at a time, not whole. A page may hold fewer cases than asked when a
 * listed case's summary is stale (another policy, an older version) and its file is read instead.
 * Audited like every list, one entry per page.
 */
export async function laCasesPage(
  reader: Reader,
  laCode: string,
  today: PlainDate,
  request: PageRequest,
  deps: CaseloadDeps,
): Promise<LaCasesPage> {
  if (!canListLa(reader.actor, laCode)) {
    throw new ReviewError('NOT_ALLOWED');
  }
  const page = await deps.listings.pageByLa(laCode, request);
  const cases = await visibleSummaries(
    reader.actor,
    page.items.map((row) => ({ row })),
    today,
    deps,
  );
  await recordList(reader, cases, deps);
  return page.continuation === undefined ? { cases } : { cases, continuation: page.continuation };
}

/** One case the reader may read: its summary and clock; CASE_NOT_FOUND when there is none, or it is not theirs. */
export async function caseDetail(
  reader: Reader,
  ref: CaseRef,
  today: PlainDate,
  deps: CaseloadDeps,
): Promise<{ summary: CaseSummary; clock: Clock }> {
  const stored = await deps.store.get(ref);
  // Not allowed reads as not found: a case id must not reveal that the case exists (permissions.ts).
  if (!stored || !can(reader.actor, 'case.read', stored.file)) {
    await recordRefusal(reader, ref, stored ? 'not-permitted' : 'no-such-case', deps);
    throw new ReviewError('CASE_NOT_FOUND');
  }
  const file = stored.file;
  const detail = summariseWithClock(
    file,
    today,
    deps.policyFor(file.case.laCode),
    deps.settingName(file.case.settingUrn),
    reader.actor,
  );
  await recorded(() =>
    deps.audit.record({
      at: deps.now().toISOString(),
      actor: reader.accountKey,
      action: 'case.read',
      caseKey: caseKey(detail.summary),
      detail: { via: reader.via, stage: detail.summary.stage },
    }),
  );
  return detail;
}

/**
 * Records that `reader` asked for a case they were not shown: who, which case key, when, and why the
 * answer was CASE_NOT_FOUND (the case does not exist, or is not theirs).
 *
 * @remarks Someone trying case ids they have no business with is what an audit log is for; the
 * entry names no one but the reader. The caller is answered the same whether or not this is
 * written: nothing was shown, so there is nothing to fail closed on, and a 503 here would tell a
 * prober which ids make the server work harder. A failure is logged instead.
 */
export async function recordRefusal(
  reader: Reader,
  ref: CaseRef,
  why: 'not-permitted' | 'no-such-case',
  deps: CaseloadDeps,
): Promise<void> {
  try {
    await deps.audit.record({
      at: deps.now().toISOString(),
      actor: reader.accountKey,
      action: REFUSED_READ_ACTION,
      caseKey: caseKey(ref),
      detail: { via: reader.via, answer: 'CASE_NOT_FOUND', why },
    });
  } catch (error) {
    deps.log?.error('a refused read was not audited', {
      code: 'AUDIT_UNAVAILABLE',
      caseKey: caseKey(ref),
      ...describeError(error),
    });
  }
}

/** A case a list may show: its stored summary row, or its file when read whole. */
type Candidate =
  | { readonly row: ListingRow; readonly file?: never }
  | { readonly file: CaseFile; readonly row?: never };

async function candidates(actor: Actor, deps: CaseloadDeps): Promise<Candidate[]> {
  const batches: Promise<readonly ListingRow[]>[] = [];
  for (const role of actor.roles) {
    if (role.kind === 'senco') batches.push(deps.listings.bySetting(role.settingUrn));
    if (role.kind === 'la-officer') batches.push(everyCaseOfLa(role.laCode, deps));
  }
  // An allocator works the team mailbox's cases: found by the mailbox, each read whole (the relation
  // is in the file, permissions.ts).
  const emails = [
    ...(actor.email ? [actor.email] : []),
    ...actor.roles.flatMap((r) => (r.kind === 'allocator' ? [r.teamEmail.toLowerCase()] : [])),
  ];
  const [rowBatches, namedLists] = await Promise.all([
    Promise.all(batches),
    Promise.all(emails.map((email) => deps.people.casesOf(email))),
  ]);
  const named = namedLists.flat();
  const byKey = new Map<string, Candidate>();
  for (const row of rowBatches.flat()) byKey.set(caseKey(row), { row });
  // A case that names the reader is read whole (the relation is in the file), unless its summary
  // already shows it to them by its placement: the coordinator's own cases are in the LA's list.
  const toRead = named.filter((ref) => {
    const listed = byKey.get(caseKey(ref));
    return !(
      listed?.row &&
      isCurrentListing(listed.row.summary, deps.policyFor(ref.laCode)) &&
      canByPlacement(actor, 'case.read', listed.row)
    );
  });
  const stored = await mapLimit(toRead, CONCURRENCY, (ref) => deps.store.get(ref));
  for (const found of stored) if (found) byKey.set(caseKey(found.file.case), { file: found.file });
  return [...byKey.values()];
}

/**
 * The live cases among `candidates` that `actor` may read, summarised on `today`.
 *
 * @remarks A row is checked by its placement (`canByPlacement`: the setting or LA it was listed by)
 * and summarised from its stored listing with no clock; a row whose listing is missing or stale (made
 * with another policy or version) has its file read and summarised in full, so a list is never
 * wrong, only slower, until the file is written again.
 */
async function visibleSummaries(
  actor: Actor,
  candidates: readonly Candidate[],
  today: PlainDate,
  deps: CaseloadDeps,
): Promise<CaseSummary[]> {
  const summaries: CaseSummary[] = [];
  const toRead: CaseRef[] = [];
  const files: CaseFile[] = [];
  for (const candidate of candidates) {
    if (candidate.file) {
      files.push(candidate.file);
      continue;
    }
    const { row } = candidate;
    if (!isCurrentListing(row.summary, deps.policyFor(row.laCode))) {
      toRead.push({ laCode: row.laCode, caseId: row.caseId });
      continue;
    }
    if (row.summary.live && canByPlacement(actor, 'case.read', row)) {
      summaries.push(summaryOn(row.summary, today, deps.settingName(row.settingUrn), actor));
    }
  }
  const read = await mapLimit(toRead, CONCURRENCY, (ref) => deps.store.get(ref));
  for (const stored of read) if (stored) files.push(stored.file);
  for (const file of files) {
    if (!isLive(file) || !can(actor, 'case.read', file)) continue;
    const policy = deps.policyFor(file.case.laCode);
    summaries.push(
      summariseWithClock(file, today, policy, deps.settingName(file.case.settingUrn), actor).summary,
    );
  }
  return summaries;
}

/** Records that `summaries` were shown to `reader`, before they are (see {@link liveCases}). */
async function recordList(
  reader: Reader,
  summaries: readonly CaseSummary[],
  deps: CaseloadDeps,
): Promise<void> {
  if (summaries.length === 0) return;
  await recorded(() =>
    deps.audit.recordListRead({
      at: deps.now().toISOString(),
      actor: reader.accountKey,
      caseKeys: summaries.map(caseKey),
      via: reader.via,
    }),
  );
}

async function everyCaseOfLa(laCode: string, deps: CaseloadDeps): Promise<ListingRow[]> {
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

/**
 * Runs `write`, the audit entry of a read, before anything of the read is shown.
 *
 * @remarks Fails closed: a read that cannot be recorded is not shown (every read of a child's record
 * is audited), and the caller is told so with AUDIT_UNAVAILABLE (503, try again), not a bare 500.
 */
export async function recorded(write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    throw new ReviewError('AUDIT_UNAVAILABLE', [], undefined, { cause: error });
  }
}
