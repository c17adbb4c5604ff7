import { type CaseRef, caseKey } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import type { Clock } from '../review/clock.ts';
import { ReviewError } from '../review/errors.ts';
import { type Actor, can } from '../review/permissions.ts';
import type { PlainDate } from '../review/plain-date.ts';
import type { LaPolicy } from '../review/policy.ts';
import { byUrgency, type CaseSummary, isLive, summariseWithClock } from '../review/summary.ts';
import { describeError, type Log } from '../server/log.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { CaseStore } from '../store/case-store.ts';
import { mapLimit } from './map-limit.ts';

/**
 * The reads behind the tab's live cases list and the bot's "reviews" card: which cases a user may
 * see, summarised, each read checked with `can` and recorded in the audit log.
 *
 * @remarks Shared by the REST API and the bot so they can never disagree about who sees what.
 */
export interface CaseloadDeps {
  readonly store: CaseStore;
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
  const files = await candidateFiles(reader.actor, deps);
  const visible = files.filter((file) => isLive(file) && can(reader.actor, 'case.read', file));
  const summaries = visible.map(
    (file) =>
      summariseWithClock(
        file,
        today,
        deps.policyFor(file.case.laCode),
        deps.settingName(file.case.settingUrn),
        reader.actor,
      ).summary,
  );
  summaries.sort(byUrgency);
  if (summaries.length > 0) {
    await recorded(() =>
      deps.audit.recordListRead({
        at: deps.now().toISOString(),
        actor: reader.accountKey,
        caseKeys: summaries.map(caseKey),
        via: reader.via,
      }),
    );
  }
  return summaries;
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

async function candidateFiles(actor: Actor, deps: CaseloadDeps): Promise<CaseFile[]> {
  const batches: Promise<readonly CaseFile[]>[] = [];
  for (const role of actor.roles) {
    if (role.kind === 'senco') batches.push(deps.store.listBySetting(role.settingUrn));
    if (role.kind === 'la-officer') batches.push(everyCaseOfLa(role.laCode, deps));
    // An allocator works the team mailbox's cases (permissions.ts: the relation is checked per case).
    if (role.kind === 'allocator') batches.push(casesNaming(role.teamEmail.toLowerCase(), deps));
  }
  if (actor.email) batches.push(casesNaming(actor.email, deps));
  const byKey = new Map<string, CaseFile>();
  for (const batch of await Promise.all(batches)) {
    for (const file of batch) byKey.set(caseKey(file.case), file);
  }
  return [...byKey.values()];
}

async function everyCaseOfLa(laCode: string, deps: CaseloadDeps): Promise<CaseFile[]> {
  const files: CaseFile[] = [];
  let continuation: string | undefined;
  do {
    const page = await deps.store.pageByLa(laCode, {
      pageSize: LA_PAGE_SIZE,
      ...(continuation ? { continuation } : {}),
    });
    files.push(...page.items);
    continuation = page.continuation;
  } while (continuation);
  return files;
}

async function casesNaming(email: string, deps: CaseloadDeps): Promise<CaseFile[]> {
  const refs = await deps.people.casesOf(email);
  const stored = await mapLimit(refs, CONCURRENCY, (ref) => deps.store.get(ref));
  return stored.flatMap((found) => (found ? [found.file] : []));
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
