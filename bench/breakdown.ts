import { performance } from 'node:perf_hooks';
import { liveCases, type Reader } from '../bot/src/caseload/caseload.ts';
import { accountKey, actorOf, type DirectoryUser } from '../bot/src/identity/user-directory.ts';
import { caseKey } from '../bot/src/review/case.ts';
import { can } from '../bot/src/review/permissions.ts';
import type { PlainDate } from '../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../bot/src/review/policy.ts';
import { byUrgency, isLive, summariseWithClock } from '../bot/src/review/summary.ts';
import type { CaseListings } from '../bot/src/store/case-listings.ts';
import type { StoreDatabase } from '../bot/src/store/database.ts';
import { storesOver } from '../bot/src/store/open-stores.ts';

export interface Breakdown {
  readonly runs: number;
  /** Mean milliseconds of the whole list read (`liveCases`), in this process. */
  readonly total: number;
  /** Of which waiting for the store's list queries. */
  readonly listQueries: number;
  /**
   * The same list the way it was read before summaries were stored: every case file (`SELECT *`),
   * and the clock of each on every read.
   */
  readonly filesAndClocks: number;
}

/**
 * Where the time of one list read goes, measured in this process (not over HTTP): the store's list
 * queries against the rest (summaries from the stored listings, sorting, the audit write).
 */
export async function breakdown(
  db: StoreDatabase,
  user: DirectoryUser,
  today: PlainDate,
  runs: number,
): Promise<Breakdown> {
  const stores = await storesOver(db);
  let waiting = 0;
  const timed =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const t0 = performance.now();
      try {
        return await f(...args);
      } finally {
        waiting += performance.now() - t0;
      }
    };
  const listings: CaseListings = {
    bySetting: timed((urn: string) => stores.listings.bySetting(urn)),
    pageByLa: timed((la: string, o?: Parameters<CaseListings['pageByLa']>[1]) =>
      stores.listings.pageByLa(la, o),
    ),
    everyOfLa: timed((la: string, o?: Parameters<CaseListings['everyOfLa']>[1]) =>
      stores.listings.everyOfLa(la, o),
    ),
  };
  const reader: Reader = { actor: actorOf(user), accountKey: accountKey(user.identity), via: 'api' };
  const deps = {
    store: stores.cases,
    listings,
    people: stores.people,
    audit: stores.audit,
    policyFor: () => STATUTORY_DEFAULTS,
    settingName: () => undefined,
    now: () => new Date(),
  };
  await liveCases(reader, today, deps);
  waiting = 0;
  const t0 = performance.now();
  for (let i = 0; i < runs; i += 1) await liveCases(reader, today, deps);
  const total = (performance.now() - t0) / runs;
  const listQueries = waiting / runs;

  const urn = user.roles.find((role) => role.kind === 'senco')?.settingUrn ?? '';
  const before = async () => {
    const files = await stores.cases.listBySetting(urn);
    const summaries = files
      .filter((file) => isLive(file) && can(reader.actor, 'case.read', file))
      .map((file) => summariseWithClock(file, today, STATUTORY_DEFAULTS).summary)
      .sort(byUrgency);
    await stores.audit.recordListRead({
      at: new Date().toISOString(),
      actor: reader.accountKey,
      caseKeys: summaries.map(caseKey),
      via: 'api',
    });
  };
  await before();
  const b0 = performance.now();
  for (let i = 0; i < runs; i += 1) await before();
  return { runs, total, listQueries, filesAndClocks: (performance.now() - b0) / runs };
}
