import { mapLimit } from '../caseload/map-limit.ts';
import { isReviewError } from '../review/errors.ts';
import { addDays, londonDate, type PlainDate } from '../review/plain-date.ts';
import { DEFAULT_WARNING_POLICY, horizonOfAll, type WarningPolicy } from '../review/warning-policy.ts';
import { warningsOfListing } from '../review/warnings.ts';
import type { Log } from '../server/log.ts';
import type { CosmosNotices } from '../store/cosmos-notices.ts';
import type { DueListings } from '../store/due-listings.ts';

export interface SweepOptions {
  readonly listings: DueListings;
  readonly notices: Pick<CosmosNotices, 'record' | 'acquireLease' | 'releaseLease'>;
  /** This instance's name in the lease: unique per process. */
  readonly holder: string;
  readonly now: () => Date;
  /**
   * The warning policy of each LA that chose one (store/la-config.ts `warningPolicies`), read at the
   * start of every sweep, so a change applies from the next; any other LA has the default (4 weeks,
   * 1 week, on the day, weekly overdue).
   */
  readonly warningPolicies: () => Promise<ReadonlyMap<string, WarningPolicy>>;
  /** How long the lease holds (default 10 minutes: longer than a sweep takes). */
  readonly leaseMs?: number;
  /** Told after a sweep that recorded warnings, so the dispatcher sends them soon. */
  readonly onRecorded?: () => void;
  readonly log: Log;
}

export type SweepReport =
  | {
      readonly swept: true;
      readonly day: PlainDate;
      readonly cases: number;
      readonly recorded: number;
      readonly repeats: number;
    }
  | { readonly swept: false; readonly reason: 'lease-held' };

/** Warnings recorded at once: enough to hide the store's latency, few enough not to meet its rate limit. */
const RECORDS_IN_FLIGHT = 8;

/** The lease document's id. */
export const SWEEP_LEASE = 'deadline-sweep';

/**
 * The deadline sweep (issue 13): from the clock's stored output only (each case's summary), the
 * warnings due today, recorded once each by dedupe key for the dispatcher to deliver.
 *
 * @remarks
 * - It reads the summaries by their indexed next due date, up to today plus the longest warning lead
 *   of any LA (each LA's choice, read when the sweep starts), so its cost grows with what is due, not
 *   with every case (due-listings.ts).
 * - One sweeper at a time: a lease document taken with its ETag (cosmos-notices.ts). A sweeper that
 *   cannot take it records nothing. Even so, a warning is created with its dedupe key as id, so two
 *   sweeps that overlap (a lease that ran out mid-sweep) record it once.
 * - A sweep on a day after a missed one still sends the threshold it missed, once
 *   (`warningsOfListing`: the latest threshold reached).
 * - Logs name counts, never a case or a person.
 */
export class DeadlineSweep {
  readonly #o: SweepOptions & { leaseMs: number };
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<SweepReport> | undefined;

  constructor(options: SweepOptions) {
    this.#o = { leaseMs: 10 * 60_000, ...options };
  }

  /** One sweep now (the daily run, the tab's "Run the deadline check now", the command line). */
  runOnce(): Promise<SweepReport> {
    this.#running ??= this.#sweep().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Sweeps every day at `at` (`HH:MM`, Europe/London wall-clock time). */
  start(at: string): void {
    if (this.#timer) return;
    const schedule = () => {
      const now = this.#o.now();
      const wait = Math.max(1_000, nextRunAt(now, at).getTime() - now.getTime());
      this.#timer = setTimeout(() => {
        this.runOnce()
          .catch((error: unknown) => this.#o.log.error('deadline sweep failed', codeOf(error)))
          .finally(schedule);
      }, wait).unref();
    };
    schedule();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  async #sweep(): Promise<SweepReport> {
    const { notices, holder, now } = this.#o;
    const started = now();
    const until = new Date(started.getTime() + this.#o.leaseMs).toISOString();
    if (!(await notices.acquireLease(SWEEP_LEASE, holder, started.toISOString(), until))) {
      this.#o.log.info('deadline sweep skipped', { reason: 'lease-held' });
      return { swept: false, reason: 'lease-held' };
    }
    try {
      const day = londonDate(started);
      const report = { cases: 0, recorded: 0, repeats: 0 };
      const policies = await this.#o.warningPolicies();
      const policyOf = (laCode: string) => policies.get(laCode) ?? DEFAULT_WARNING_POLICY;
      for await (const page of this.#o.listings.dueBy(addDays(day, horizonOfAll(policies.values())))) {
        const warnings = page.flatMap((row) => {
          if (!row.summary) return [];
          report.cases += 1;
          return warningsOfListing(row.summary, day, policyOf(row.laCode));
        });
        // A page's warnings are recorded a few at a time: each is one create, most of them repeats (409).
        const recorded = await mapLimit(warnings, RECORDS_IN_FLIGHT, (warning) =>
          notices.record(warning, now().toISOString()),
        );
        for (const fresh of recorded) {
          if (fresh) report.recorded += 1;
          else report.repeats += 1;
        }
      }
      this.#o.log.info('deadline sweep done', report);
      if (report.recorded > 0) this.#o.onRecorded?.();
      return { swept: true, day, ...report };
    } finally {
      await notices.releaseLease(SWEEP_LEASE, holder, now().toISOString());
    }
  }
}

/**
 * The next instant after `now` at which Europe/London wall-clock time is `at` (`HH:MM`).
 *
 * @remarks Through the clock changes: on the spring-forward day a time in the missing hour
 * (01:00-02:00) runs an hour later on the new clock; on the autumn day, when it occurs twice, at the first.
 */
export function nextRunAt(now: Date, at: string): Date {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(at);
  if (!match) throw new RangeError(`the sweep time must be HH:MM (24-hour), not "${at}"`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  let day = londonDate(now);
  for (let i = 0; i < 3; i += 1, day = addDays(day, 1)) {
    const candidate = londonInstant(day, minutes);
    if (candidate.getTime() > now.getTime()) return candidate;
  }
  throw new Error('unreachable: a London day within three days has the time');
}

/** The first instant of `day` at or after `minutes` past London midnight. */
function londonInstant(day: PlainDate, minutes: number): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wallAsUtc = Date.UTC(y, m - 1, d, 0, minutes);
  // London is UTC or UTC+1: try the earlier instant first, so a repeated hour takes its first.
  for (const offsetHours of [1, 0]) {
    const instant = new Date(wallAsUtc - offsetHours * 3_600_000);
    if (londonMinutes(instant) === minutes && londonDate(instant) === day) return instant;
  }
  // In the spring gap the wall time does not exist: the same time on the new clock, an hour on.
  return new Date(wallAsUtc);
}

function londonMinutes(instant: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return get('hour') * 60 + get('minute');
}

function codeOf(error: unknown): { code: string } {
  if (isReviewError(error)) return { code: error.code };
  return { code: error instanceof Error ? error.name : 'unknown' };
}
