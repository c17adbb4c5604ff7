import { digestCard } from '../cards/digest-card.ts';
import { warningCard, warningSummary } from '../cards/warning-card.ts';
import { identityKey } from '../review/case.ts';
import {
  type CasePeople,
  channelsOf,
  deliveryIdOf,
  digestKeyOf,
  type LinkedChannel,
  recipientsOf,
} from '../review/delivery/recipients.ts';
import { type BackoffPolicy, DEFAULT_BACKOFF, isTransient, retryDelayMs } from '../review/delivery/retry.ts';
import { type ChannelLink, digestFor } from '../review/digest.ts';
import { isReviewError } from '../review/errors.ts';
import type { CaseListing } from '../review/listing.ts';
import { muteSilences } from '../review/mutes.ts';
import { londonDate } from '../review/plain-date.ts';
import type { Warning } from '../review/warnings.ts';
import type { Log } from '../server/log.ts';
import type { ConversationReferences, StoredReference } from '../store/conversation-references.ts';
import type { CosmosNotices, DigestDocument, NoticeDocument, Stored } from '../store/cosmos-notices.ts';
import { type ProactiveMessage, type ProactiveSender, SendError } from '../teams/proactive.ts';
import { Pacer } from './pacer.ts';

export interface NoticeDispatcherOptions {
  readonly notices: Pick<CosmosNotices, 'dueStored' | 'replace' | 'recordDigest'>;
  readonly references: Pick<ConversationReferences, 'personal' | 'channel'>;
  readonly sender: ProactiveSender;
  /** The case's SENCos and coordinator (identity/case-people.ts). */
  readonly people: (warning: Warning) => Promise<CasePeople>;
  /** Every linked channel and what it is linked to (the channel links store, issue 13). */
  readonly linkedChannels: () => Promise<readonly LinkedChannel[]>;
  /** Whether the user `userKey` (`tenantId/objectId`) muted the case's warnings for themself. */
  readonly isMuted: (userKey: string, laCode: string, caseId: string) => Promise<boolean>;
  /** The stored listings in a link's scope (read-only; the digest checks the scope row by row again). */
  readonly listingsOf: (link: ChannelLink) => Promise<readonly CaseListing[]>;
  /** What people call a link's setting or LA ("Harbour Primary School"). */
  readonly linkName: (link: ChannelLink) => string;
  /** The tab's public URL, for the cards' "Open". */
  readonly tabUrl: string;
  /** How one changes what one receives: the personal card's line, and the digest's (issue 13). */
  readonly howToChange?: { readonly personal?: string; readonly digest?: string };
  /** This instance's name in a lease: unique per process. */
  readonly holder: string;
  readonly now: () => Date;
  /** Waits `ms` (the pacing's short waits); tests pass a scheduler that moves their clock instead. */
  readonly wait?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter of the backoff. */
  readonly random?: () => number;
  readonly backoff?: BackoffPolicy;
  readonly pacer?: Pacer;
  /** How long a lease holds (default 2 minutes: longer than a send's timeout). */
  readonly leaseMs?: number;
  /** Documents taken per query (default 50). */
  readonly batch?: number;
  /** The longest pacing wait taken inside a pass; a later slot is left for a later pass (default 2 s). */
  readonly maxWaitMs?: number;
  readonly log: Log;
}

export interface NoticeReport {
  /** Personal messages sent. */
  readonly sent: number;
  /** Digests posted. */
  readonly posted: number;
  /** Recipients left out: muted, no personal chat with the bot, or refused by Teams. */
  readonly skipped: number;
  /** Warnings and digests that wait for a retry or a pacing slot. */
  readonly waiting: number;
  /** Warnings and digests given up on. */
  readonly failed: number;
}

type Counts = { -readonly [K in keyof NoticeReport]: number };

/** Passes of a run at most: each takes one batch, so a run ends even while new work arrives. */
const MAX_BATCHES = 20;

/**
 * Delivers what the deadline sweep recorded (issue 13): each warning as a personal message to the
 * people who must act, and each linked channel's daily digest, paced and retried, once.
 *
 * @remarks
 * - Once: a document is taken with its ETag (a lease until `dueAt`), so of two instances one sends
 *   it; a warning records each recipient reached before the next is tried, so a retry or a restart
 *   sends only to the others. A digest is recorded once per channel and day (its id), when the first
 *   warning of the channel's scope is dispatched that day, and posted once.
 * - The residual risk, said plainly: a send whose answer is lost (a timeout, a reset connection, the
 *   process killed between the send and the write that records it) is sent again. The activity
 *   carries the same id every time (`deliveryIdOf`, the digest's key), so a receiver that drops
 *   repeats by id drops it; the Bot Connector documents no such promise, so in Teams the person or
 *   channel may then see it twice. The window is one request's round trip, not a pass.
 * - Paced to Teams' limits (pacer.ts); a 429 holds the conversation until its Retry-After and the
 *   document waits until then (not counted as a failure); 412 and 5xx are retried with backoff and
 *   jitter (review/delivery/retry.ts); a 403/404 (the app removed, the chat gone) skips that
 *   recipient or fails that digest, and is logged by status.
 * - Logs name counts, statuses and kinds, never a person, a child or a case.
 */
export class NoticeDispatcher {
  readonly #o: NoticeDispatcherOptions & {
    wait: (ms: number) => Promise<void>;
    random: () => number;
    backoff: BackoffPolicy;
    pacer: Pacer;
    leaseMs: number;
    batch: number;
    maxWaitMs: number;
  };
  #running: Promise<NoticeReport> | undefined;
  #again = false;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: NoticeDispatcherOptions) {
    this.#o = {
      wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      random: Math.random,
      backoff: DEFAULT_BACKOFF,
      pacer: new Pacer(),
      leaseMs: 120_000,
      batch: 50,
      maxWaitMs: 2_000,
      ...options,
    };
  }

  /** One run over what is due now; a run asked for during another follows it. */
  async runOnce(): Promise<NoticeReport> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = this.#run().finally(() => {
      this.#running = undefined;
    });
    const report = await this.#running;
    if (!this.#again) return report;
    this.#again = false;
    return sum(report, await this.runOnce());
  }

  /** Asks for a run soon (the sweep recorded warnings). */
  kick(): void {
    setImmediate(() => {
      this.runOnce().catch((error: unknown) => this.#o.log.error('notice run failed', codeOf(error)));
    });
  }

  /** Runs every `intervalMs`: retries, pacing slots, work another instance left. */
  start(intervalMs: number): void {
    this.#timer ??= setInterval(() => this.kick(), intervalMs).unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running?.catch(() => undefined);
  }

  async #run(): Promise<NoticeReport> {
    const counts: Counts = { sent: 0, posted: 0, skipped: 0, waiting: 0, failed: 0 };
    // The links are read once a run, and only by a run that has warnings to deliver: most runs (every
    // few seconds) find nothing due and read nothing more.
    let channels: readonly LinkedChannel[] | undefined;
    const linked = async () => {
      channels ??= await this.#o.linkedChannels();
      return channels;
    };
    // The digests this run has recorded: each is recorded once, by the first warning of its scope.
    const recorded = new Set<string>();
    for (let i = 0; i < MAX_BATCHES; i += 1) {
      const due = await this.#o.notices.dueStored<NoticeDocument>('warning', this.#iso(), this.#o.batch);
      for (const stored of due)
        await this.#guard(async () => this.#deliver(stored, await linked(), recorded, counts));
      if (due.length < this.#o.batch) break;
    }
    for (let i = 0; i < MAX_BATCHES; i += 1) {
      const due = await this.#o.notices.dueStored<DigestDocument>('digest', this.#iso(), this.#o.batch);
      for (const stored of due) await this.#guard(async () => this.#post(stored, await linked(), counts));
      if (due.length < this.#o.batch) break;
    }
    if (Object.values(counts).some((n) => n > 0)) this.#o.log.info('notices dispatched', counts);
    return counts;
  }

  /** A document that fails for another reason (the store) is left to its lease and tried again. */
  async #guard(work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.#o.log.error('notice failed', codeOf(error));
    }
  }

  async #deliver(
    stored: Stored<NoticeDocument>,
    channels: readonly LinkedChannel[],
    recorded: Set<string>,
    counts: Counts,
  ) {
    const taken = await this.#take(stored);
    if (!taken) return;
    let { document, etag } = taken;
    const warning = document.warning;
    const day = londonDate(new Date(document.recordedAt));
    for (const channel of channelsOf(warning, channels)) {
      const key = digestKeyOf(channel.conversationId, day);
      if (recorded.has(key)) continue;
      await this.#o.notices.recordDigest(channel.conversationId, day, channel.link, key, this.#iso());
      recorded.add(key);
    }
    const save = async (next: NoticeDocument): Promise<boolean> => {
      const written = await this.#o.notices.replace(next, etag);
      if (written === undefined) return false; // our lease ran out and another instance has it
      document = next;
      etag = written;
      return true;
    };
    const recipients = recipientsOf(warning, await this.#o.people(warning));
    for (const [index, identity] of recipients.entries()) {
      const last = index === recipients.length - 1;
      const userKey = identityKey(identity);
      if (document.sentTo?.includes(userKey) || document.skipped?.some((s) => s.userKey === userKey))
        continue;
      const skip = (reason: 'muted' | 'no-chat' | 'refused') => {
        counts.skipped += 1;
        return save({ ...document, skipped: [...(document.skipped ?? []), { userKey, reason }] });
      };
      if (
        muteSilences(warning, 'personal') &&
        (await this.#o.isMuted(userKey, warning.laCode, warning.caseId))
      ) {
        if (!(await skip('muted'))) return;
        continue;
      }
      const to = await this.#o.references.personal(identity);
      if (!to) {
        if (!(await skip('no-chat'))) return;
        continue;
      }
      const message: ProactiveMessage = {
        id: deliveryIdOf(warning.dedupeKey, userKey),
        card: warningCard({
          warning,
          today: londonDate(this.#o.now()),
          tabUrl: this.#o.tabUrl,
          ...(muteSilences(warning, 'personal') && this.#o.howToChange?.personal
            ? { howToChange: this.#o.howToChange.personal }
            : {}),
        }),
        summary: warningSummary(warning, londonDate(this.#o.now())),
      };
      const outcome = await this.#attempt(to, () => this.#o.sender.send(to, message));
      if (outcome.kind === 'sent') {
        counts.sent += 1;
        const reached = { ...document, sentTo: [...(document.sentTo ?? []), userKey] };
        // The last recipient's progress is written with the notice's end, in one write.
        if (last) document = reached;
        else if (!(await save(reached))) return;
        continue;
      }
      if (outcome.kind === 'refused') {
        if (!(await skip('refused'))) return;
        continue;
      }
      await this.#settle(document, etag, outcome, counts);
      return;
    }
    await this.#settle(document, etag, { kind: 'sent' }, counts);
  }

  async #post(stored: Stored<DigestDocument>, channels: readonly LinkedChannel[], counts: Counts) {
    const taken = await this.#take(stored);
    if (!taken) return;
    const { document, etag } = taken;
    const channel = channels.find((c) => c.conversationId === document.conversationId);
    const to = channel ? await this.#o.references.channel(document.conversationId) : undefined;
    if (!channel || !to) {
      // Unlinked since, or the app is no longer in the team: nothing to post to.
      this.#o.log.warn('digest not posted', { reason: channel ? 'no-reference' : 'unlinked' });
      await this.#settle(document, etag, { kind: 'failed' }, counts);
      return;
    }
    const digest = digestFor(channel.link, await this.#o.listingsOf(channel.link), document.day);
    const linkName = this.#o.linkName(channel.link);
    const card = digestCard({
      digest,
      today: document.day,
      linkName,
      tabUrl: this.#o.tabUrl,
      ...(this.#o.howToChange?.digest ? { howToChange: this.#o.howToChange.digest } : {}),
    });
    const message: ProactiveMessage = { id: document.id, card, summary: `Review deadlines for ${linkName}` };
    const outcome = await this.#attempt(to, () => this.#o.sender.post(to, message));
    if (outcome.kind === 'sent') counts.posted += 1;
    const settled: Outcome = outcome.kind === 'refused' ? { kind: 'failed' } : outcome;
    await this.#settle(
      outcome.kind === 'sent' && outcome.postedAs ? { ...document, postedAs: outcome.postedAs } : document,
      etag,
      settled,
      counts,
    );
  }

  /** Takes `stored` for this instance until the lease ends: the document as taken and its ETag. */
  async #take<T extends NoticeDocument | DigestDocument>(stored: Stored<T>): Promise<Stored<T> | undefined> {
    const until = new Date(this.#o.now().getTime() + this.#o.leaseMs).toISOString();
    const document = { ...stored.document, holder: this.#o.holder, dueAt: until };
    const etag = await this.#o.notices.replace(document, stored.etag);
    return etag === undefined ? undefined : { document, etag };
  }

  /** One paced send, classified: sent, to wait (a slot, a retry), refused (not transient), or failed. */
  async #attempt(
    to: StoredReference,
    send: () => Promise<{ readonly conversationId?: string; readonly activityId?: string }>,
  ): Promise<Outcome> {
    const now = this.#o.now().getTime();
    const slot = this.#o.pacer.slot(to.conversationId, to.tenantId, now);
    if (slot - now > this.#o.maxWaitMs) return { kind: 'wait', until: slot };
    if (slot > now) await this.#o.wait(slot - now);
    this.#o.pacer.take(to.conversationId, to.tenantId, Math.max(slot, this.#o.now().getTime()));
    try {
      const answer = await send();
      return answer.conversationId ? { kind: 'sent', postedAs: answer.conversationId } : { kind: 'sent' };
    } catch (error) {
      if (!(error instanceof SendError)) throw error;
      if (error.status === 429 && error.retryAfterMs !== undefined)
        this.#o.pacer.pause(to.conversationId, this.#o.now().getTime() + error.retryAfterMs);
      if (!isTransient(error)) {
        this.#o.log.warn('notice send refused', { status: error.status });
        return error.status === undefined ? { kind: 'refused' } : { kind: 'refused', status: error.status };
      }
      return { kind: 'failure', failure: error };
    }
  }

  /** Writes what became of a document: done, waiting until a time, or failed. */
  async #settle<T extends NoticeDocument | DigestDocument>(
    document: T,
    etag: string,
    outcome: Outcome,
    counts: Counts,
  ): Promise<void> {
    const { dueAt: _dueAt, holder: _holder, ...rest } = document;
    const now = this.#o.now().getTime();
    let next: T;
    if (outcome.kind === 'sent') next = { ...rest, state: 'done', attempts: document.attempts + 1 } as T;
    else if (outcome.kind === 'wait') {
      counts.waiting += 1;
      next = { ...rest, dueAt: new Date(outcome.until).toISOString() } as T;
    } else if (outcome.kind === 'failed' || outcome.kind === 'refused') {
      counts.failed += 1;
      next = { ...rest, state: 'failed', attempts: document.attempts + 1 } as T;
    } else {
      const failure = outcome.failure;
      const attempts = document.attempts + 1;
      const delay = retryDelayMs(failure, attempts, this.#o.random, this.#o.backoff);
      const lastFailure = failure.status === undefined ? {} : { status: failure.status };
      this.#o.log.warn('notice send failed', {
        kind: document.kind,
        attempts,
        ...(failure.status !== undefined ? { status: failure.status } : { status: 'unanswered' }),
        retry: delay !== undefined,
      });
      if (delay === undefined) {
        counts.failed += 1;
        next = { ...rest, state: 'failed', attempts, lastFailure } as T;
      } else {
        counts.waiting += 1;
        next = { ...rest, attempts, lastFailure, dueAt: new Date(now + delay).toISOString() } as T;
      }
    }
    await this.#o.notices.replace(next, etag);
  }

  #iso(): string {
    return this.#o.now().toISOString();
  }
}

type Outcome =
  | { readonly kind: 'sent'; readonly postedAs?: string }
  | { readonly kind: 'wait'; readonly until: number }
  | { readonly kind: 'refused'; readonly status?: number }
  | { readonly kind: 'failed' }
  | { readonly kind: 'failure'; readonly failure: SendError };

function sum(a: NoticeReport, b: NoticeReport): NoticeReport {
  return {
    sent: a.sent + b.sent,
    posted: a.posted + b.posted,
    skipped: a.skipped + b.skipped,
    waiting: a.waiting + b.waiting,
    failed: a.failed + b.failed,
  };
}

function codeOf(error: unknown): { code: string } {
  if (isReviewError(error)) return { code: error.code };
  return { code: error instanceof Error ? error.name : 'unknown' };
}
