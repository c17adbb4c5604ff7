import { type Calendar, CalendarError } from '../calendar/calendar.ts';
import type { CaseRef } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { isReviewError } from '../review/errors.ts';
import { completed, type Effect, type EffectOutcome, failed, lease, nextDue } from '../review/outbox.ts';
import type { Log } from '../server/log.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { OutboxQueue } from '../store/outbox-queue.ts';

export interface DispatcherOptions {
  readonly queue: OutboxQueue;
  readonly store: Pick<CaseStore, 'get' | 'replace' | 'update'>;
  readonly calendar: Calendar;
  /** This instance's name in a lease: unique per process (host and pid, or a random id). */
  readonly holder: string;
  readonly now: () => Date;
  /** In [0, 1): the jitter of the backoff. */
  readonly random?: () => number;
  /** How long a lease holds (default 2 minutes: longer than a call's timeout). */
  readonly leaseMs?: number;
  /** Attempts before an effect is given up on and shown as failed (default 8). */
  readonly maxAttempts?: number;
  /** Cases taken per run (default 20). */
  readonly batch?: number;
  readonly log: Log;
}

export interface DispatchReport {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
}

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * Sends what the outboxes hold (DESIGN.md section 4, "a dispatcher in jobs/ sends them").
 *
 * @remarks
 * - Work is found through the indexed `outboxDue` field (outbox-queue.ts), not by reading every case.
 * - With several server instances, one effect is sent by one of them: an instance first takes a lease
 *   on it with the document's ETag (If-Match); a lost race is a 412 and the other instance sends it.
 *   A lease that outlives its holder (a process killed between the write and the send, or mid-call)
 *   ends, and the effect is sent again with the same id: Graph's `transactionId` makes it one event.
 * - A 429 or 5xx, a timeout or a network failure is retried after Retry-After when the service gave
 *   one, or after an exponential backoff with jitter; anything else is given up on and shown.
 * - A case's effects go out one at a time, in order: Outlook allows 4 concurrent requests per mailbox.
 * - Logs name the effect's kind and the failure's code, never a person.
 */
export class OutboxDispatcher {
  readonly #o: Required<Omit<DispatcherOptions, 'random'>> & { random: () => number };
  #running: Promise<DispatchReport> | undefined;
  #next: Promise<DispatchReport> | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: DispatcherOptions) {
    this.#o = {
      random: Math.random,
      leaseMs: 120_000,
      maxAttempts: 8,
      batch: 20,
      ...options,
    };
  }

  /** One pass over the cases due now; resolves with what it did. Runs one pass at a time. */
  runOnce(): Promise<DispatchReport> {
    // A pass already under way may have read the queue before the caller's write: the caller waits
    // for the pass after it too (shared by every caller asking meanwhile), and hears what both did.
    if (this.#running) {
      this.#next ??= this.#running
        .catch(() => ({ sent: 0, retrying: 0, failed: 0 }))
        .then(async (first) => {
          this.#next = undefined;
          const second = await this.runOnce();
          return {
            sent: first.sent + second.sent,
            retrying: first.retrying + second.retrying,
            failed: first.failed + second.failed,
          };
        });
      return this.#next;
    }
    this.#running = this.#pass().finally(() => {
      this.#running = undefined;
    });
    return this.#running;
  }

  /** Asks for a pass soon (after a command put something in an outbox). */
  kick(): void {
    setImmediate(() => {
      this.runOnce().catch((error: unknown) => this.#o.log.error('outbox pass failed', codeOf(error)));
    });
  }

  /** Runs a pass every `intervalMs`, for retries and work another instance left. */
  start(intervalMs: number): void {
    this.#timer ??= setInterval(() => this.kick(), intervalMs).unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  async #pass(): Promise<DispatchReport> {
    const report = { sent: 0, retrying: 0, failed: 0 };
    const refs = await this.#o.queue.due(this.#o.now().toISOString(), this.#o.batch);
    for (const ref of refs) {
      try {
        await this.#drain(ref, report);
      } catch (error) {
        this.#o.log.error('outbox case failed', codeOf(error));
      }
    }
    return report;
  }

  /** Sends the case's due effects in order, until one has to wait. */
  async #drain(ref: CaseRef, report: { sent: number; retrying: number; failed: number }): Promise<void> {
    for (;;) {
      const stored = await this.#o.store.get(ref);
      if (!stored) return;
      const now = this.#o.now();
      const entry = nextDue(stored.file, now.toISOString());
      if (!entry) return;
      const id = entry.effect.id;
      const until = new Date(now.getTime() + this.#o.leaseMs).toISOString();
      const leased = lease(stored.file, id, this.#o.holder, until);
      try {
        await this.#o.store.replace(leased, stored.etag);
      } catch (error) {
        if (isReviewError(error) && error.code === 'STALE_WRITE') return; // another instance took it
        throw error;
      }
      const attempts = entry.attempts + 1;
      try {
        const outcome = await this.#send(leased, entry.effect);
        await this.#o.store.update(ref, (file) => completed(file, id, outcome, this.#o.now().toISOString()));
        report.sent += 1;
      } catch (error) {
        const failure = asCalendarError(error);
        const retryAt =
          failure.transient && attempts < this.#o.maxAttempts ? this.#retryAt(failure, attempts) : undefined;
        const code = {
          code: failure.failure,
          ...(failure.status !== undefined ? { status: failure.status } : {}),
        };
        await this.#o.store.update(ref, (file) => failed(file, id, code, retryAt));
        this.#o.log.warn('outbox effect failed', {
          effect: entry.effect.kind,
          attempts,
          ...code,
          retry: retryAt !== undefined,
        });
        if (retryAt === undefined) report.failed += 1;
        else report.retrying += 1;
        if (retryAt !== undefined) return;
      }
    }
  }

  async #send(file: CaseFile, effect: Effect): Promise<EffectOutcome> {
    const { calendar } = this.#o;
    switch (effect.kind) {
      case 'invite':
        return calendar.create(effect.invitation, effect.id);
      case 'update': {
        const eventId = file.review?.id === effect.reviewId ? file.review.invitation?.eventId : undefined;
        if (!eventId) throw new CalendarError('not-found');
        return calendar.update(eventId, effect.invitation);
      }
      case 'cancel': {
        const eventId = file.tombstones?.find((t) => t.reviewId === effect.reviewId)?.eventId;
        await calendar.cancel(eventId, effect.invitation, effect.comment);
        return {};
      }
    }
  }

  /** Retry-After when given; otherwise 2 s doubling per attempt up to 15 min, with "equal jitter". */
  #retryAt(failure: CalendarError, attempts: number): string {
    const now = this.#o.now().getTime();
    const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1));
    const wait = failure.retryAfterMs ?? exponential / 2 + this.#o.random() * (exponential / 2);
    return new Date(now + wait).toISOString();
  }
}

function asCalendarError(error: unknown): CalendarError {
  return error instanceof CalendarError ? error : new CalendarError('network', { cause: error });
}

function codeOf(error: unknown): { code: string } {
  if (error instanceof CalendarError) return { code: error.failure };
  if (isReviewError(error)) return { code: error.code };
  return { code: error instanceof Error ? error.name : 'unknown' };
}
