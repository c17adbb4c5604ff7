import {
  CONVERSATION_LIMITS,
  earliestSend,
  pruned,
  type RateLimit,
  TENANT_LIMITS,
} from '../review/delivery/pacing.ts';

/**
 * This process's record of its sends, per conversation and per tenant, and the waits a 429 imposed:
 * when the next send to a conversation may go (review/delivery/pacing.ts).
 *
 * @remarks In memory: pacing is about the next seconds, and a restarted process has sent nothing
 * since. Several instances each pace themselves, so together they can pass the per-tenant rate; the
 * service then answers 429 with Retry-After, which the dispatcher honours.
 */
export class Pacer {
  readonly #sent = new Map<string, number[]>();
  readonly #pausedUntil = new Map<string, number>();
  readonly #conversation: readonly RateLimit[];
  readonly #tenant: readonly RateLimit[];

  constructor(limits: { conversation?: readonly RateLimit[]; tenant?: readonly RateLimit[] } = {}) {
    this.#conversation = limits.conversation ?? CONVERSATION_LIMITS;
    this.#tenant = limits.tenant ?? TENANT_LIMITS;
  }

  /** When the next send to `conversationId` in `tenantId` may go, at or after `now` (nothing is taken). */
  slot(conversationId: string, tenantId: string, now: number): number {
    const conversation = this.#kept(`c:${conversationId}`, this.#conversation, now);
    const tenant = this.#kept(`t:${tenantId}`, this.#tenant, now);
    const paused = Math.max(
      this.#pausedUntil.get(`c:${conversationId}`) ?? 0,
      this.#pausedUntil.get(`t:${tenantId}`) ?? 0,
    );
    return Math.max(
      paused,
      earliestSend(conversation, this.#conversation, now),
      earliestSend(tenant, this.#tenant, now),
    );
  }

  /** Records a send to `conversationId` in `tenantId` at `at` (a slot {@link slot} gave). */
  take(conversationId: string, tenantId: string, at: number): void {
    for (const key of [`c:${conversationId}`, `t:${tenantId}`])
      this.#sent.set(key, [...(this.#sent.get(key) ?? []), at]);
  }

  #kept(key: string, limits: readonly RateLimit[], now: number): number[] {
    const kept = pruned(this.#sent.get(key) ?? [], limits, now);
    this.#sent.set(key, kept);
    return kept;
  }

  /** Holds every send to `conversationId` until `until` (the service's Retry-After). */
  pause(conversationId: string, until: number): void {
    const key = `c:${conversationId}`;
    this.#pausedUntil.set(key, Math.max(until, this.#pausedUntil.get(key) ?? 0));
  }

  /** Whether sends to `conversationId` are held at `now`. */
  pausedAt(conversationId: string, now: number): boolean {
    return (this.#pausedUntil.get(`c:${conversationId}`) ?? 0) > now;
  }
}
