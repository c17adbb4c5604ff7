import { type Calendar, CalendarError } from '../calendar/calendar.ts';
import type { CaseRef } from '../review/case.ts';
import type { CaseFile } from '../review/case-file.ts';
import { isTransient } from '../review/delivery/retry.ts';
import { isReviewError } from '../review/errors.ts';
import {
  type CalendarEffect,
  completed,
  dueEntries,
  type Effect,
  type EffectOutcome,
  failed,
  isCalendarEffect,
  lease,
  type OutboxEntry,
} from '../review/outbox.ts';
import type { Log } from '../server/log.ts';
import type { CaseStore } from '../store/case-store.ts';
import type { OutboxQueue } from '../store/outbox-queue.ts';
import { SendError } from '../teams/proactive.ts';
import { type CardEffectSender, PartlySent } from './advice-card-sender.ts';

export interface DispatcherOptions {
  readonly queue: OutboxQueue;
  readonly store: Pick<CaseStore, 'get' | 'replace' | 'update'>;
  readonly calendar: Calendar;
  /**
   * Sends the card effects (advice-card-sender.ts). Without one (no proactive sender configured) a
   * card effect is done as `no-chat`: the request is in the tab and "requests" in chat lists it.
   */
  readonly cards?: CardEffectSender;
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

/** What a pass did: the calendar's effects at the top, the advice cards apart. */
export interface DispatchReport {
  readonly sent: number;
  readonly retrying: number;
  readonly failed: number;
  readonly cards: CardReport;
}

export interface CardReport {
  readonly sent: number;
  /** Done without a send: nobody asked has a chat with the bot, or the request was no longer open. */
  readonly notSent: number;
  readonly retrying: number;
  readonly failed: number;
}

interface Tally {
  sent: number;
  retrying: number;
  failed: number;
  cards: { sent: number; notSent: number; retrying: number; failed: number };
}

const emptyTally = (): Tally => ({
  sent: 0,
  retrying: 0,
  failed: 0,
  cards: { sent: 0, notSent: 0, retrying: 0, failed: 0 },
});

function sum(a: DispatchReport, b: DispatchReport): DispatchReport {
  return {
    sent: a.sent + b.sent,
    retrying: a.retrying + b.retrying,
    failed: a.failed + b.failed,
    cards: {
      sent: a.cards.sent + b.cards.sent,
      notSent: a.cards.notSent + b.cards.notSent,
      retrying: a.cards.retrying + b.cards.retrying,
      failed: a.cards.failed + b.cards.failed,
    },
  };
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
 * - A case's calendar effects go out one at a time, in order: Outlook allows 4 concurrent requests
 *   per mailbox. Each card is its own lane (outbox.ts laneOf): a card waiting on a throttled or down
 *   Bot Connector holds nothing else, and a pass sends every case's calendar effects before any card,
 *   so a slow card send never delays an invite of the same or another case.
 * - Logs name the effect's kind and the failure's code, never a person.
 */
export class OutboxDispatcher {
  readonly #o: Required<Omit<DispatcherOptions, 'random' | 'cards'>> & {
    random: () => number;
    cards?: CardEffectSender;
  };
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
        .catch((): DispatchReport => emptyTally())
        .then(async (first) => {
          this.#next = undefined;
          return sum(first, await this.runOnce());
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
    const report = emptyTally();
    const refs = await this.#o.queue.due(this.#o.now().toISOString(), this.#o.batch);
    for (const lane of [isCalendarEntry, isCardEntry]) {
      for (const ref of refs) {
        try {
          await this.#drain(ref, lane, report);
        } catch (error) {
          this.#o.log.error('outbox case failed', codeOf(error));
        }
      }
    }
    return report;
  }

  /** Sends the case's due effects of the lanes `which` takes, each lane in order, until each has to wait. */
  async #drain(ref: CaseRef, which: (entry: OutboxEntry) => boolean, report: Tally): Promise<void> {
    const tried = new Set<string>();
    for (;;) {
      const stored = await this.#o.store.get(ref);
      if (!stored) return;
      const now = this.#o.now();
      // Once per pass each: a Retry-After of 0 waits for the next pass, not a loop in this one.
      const entry = dueEntries(stored.file, now.toISOString()).find(
        (e) => which(e) && !tried.has(e.effect.id),
      );
      if (!entry) return;
      const id = entry.effect.id;
      tried.add(id);
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
        const outcome = await this.#send(ref, leased, entry.effect);
        await this.#o.store.update(ref, (file) => completed(file, id, outcome, this.#o.now().toISOString()));
        const counts = isCalendarEffect(entry.effect) ? report : report.cards;
        if (outcome.delivery === undefined || outcome.delivery === 'sent') counts.sent += 1;
        else {
          report.cards.notSent += 1;
          this.#o.log.info('outbox card not sent', { effect: entry.effect.kind, delivery: outcome.delivery });
        }
      } catch (error) {
        const reached = error instanceof PartlySent ? error.reached : [];
        const failure = failureOf(error instanceof PartlySent ? error.cause : error);
        const retryAt =
          failure.transient && attempts < this.#o.maxAttempts ? this.#retryAt(failure, attempts) : undefined;
        const code = {
          code: failure.code,
          ...(failure.status !== undefined ? { status: failure.status } : {}),
        };
        await this.#o.store.update(ref, (file) => failed(file, id, code, retryAt, reached));
        this.#o.log.warn('outbox effect failed', {
          effect: entry.effect.kind,
          attempts,
          ...code,
          retry: retryAt !== undefined,
        });
        const counts = isCalendarEffect(entry.effect) ? report : report.cards;
        if (retryAt === undefined) counts.failed += 1;
        else counts.retrying += 1;
      }
    }
  }

  async #send(ref: CaseRef, file: CaseFile, effect: Effect): Promise<EffectOutcome> {
    if (!isCalendarEffect(effect)) {
      const reached = file.outbox?.find((e) => e.effect.id === effect.id)?.reached ?? [];
      return this.#o.cards ? this.#o.cards(ref, file, effect, reached) : { delivery: 'no-chat' };
    }
    return this.#sendCalendar(file, effect);
  }

  async #sendCalendar(file: CaseFile, effect: CalendarEffect): Promise<EffectOutcome> {
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
  #retryAt(failure: Failure, attempts: number): string {
    const now = this.#o.now().getTime();
    const exponential = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempts - 1));
    const wait = failure.retryAfterMs ?? exponential / 2 + this.#o.random() * (exponential / 2);
    return new Date(now + wait).toISOString();
  }
}

const isCalendarEntry = (entry: OutboxEntry): boolean => isCalendarEffect(entry.effect);
const isCardEntry = (entry: OutboxEntry): boolean => !isCalendarEffect(entry.effect);

/** A failed send as the retry rule and the outbox record it: a stable code, never a message. */
interface Failure {
  readonly code: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  readonly transient: boolean;
}

function failureOf(error: unknown): Failure {
  if (error instanceof CalendarError) {
    return {
      code: error.failure,
      transient: error.transient,
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  if (error instanceof SendError) {
    return {
      code: error.status === undefined ? 'network' : error.status === 429 ? 'throttled' : 'send-refused',
      transient: isTransient(error),
      ...(error.status !== undefined ? { status: error.status } : {}),
      ...(error.retryAfterMs !== undefined ? { retryAfterMs: error.retryAfterMs } : {}),
    };
  }
  return { code: 'network', transient: true };
}

function codeOf(error: unknown): { code: string } {
  if (error instanceof CalendarError) return { code: error.failure };
  if (error instanceof SendError) return { code: failureOf(error).code };
  if (isReviewError(error)) return { code: error.code };
  return { code: error instanceof Error ? error.name : 'unknown' };
}
