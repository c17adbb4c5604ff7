/**
 * When a failed send is tried again.
 *
 * @remarks The Bot Connector answers 429 when the bot is throttled, 412 when a concurrent change of
 * the conversation won, and 502/503/504 when Teams is briefly unavailable: Teams' guidance is to
 * retry those, after the `Retry-After` the service gave, else with exponential backoff and jitter
 * (Teams platform docs, "Optimize your bot with rate limiting"). Anything else (400, 401, 403, 404:
 * the bot was removed, the conversation is gone) will not get better by waiting.
 */
export const RETRIED_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export interface SendFailure {
  /** The HTTP status the service answered; absent for a network failure or a timeout. */
  readonly status?: number;
  /** The service's Retry-After, in milliseconds. */
  readonly retryAfterMs?: number;
}

export interface BackoffPolicy {
  readonly baseMs: number;
  readonly maxMs: number;
  /** Attempts before a failure other than throttling is given up on. */
  readonly maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, maxMs: 15 * 60_000, maxAttempts: 8 };

/** Whether the failure may succeed later: a retried status, or no answer at all. */
export function isTransient(failure: SendFailure): boolean {
  return failure.status === undefined || RETRIED_STATUSES.has(failure.status);
}

/**
 * How long to wait before attempt `attempts + 1`, or undefined to give up.
 *
 * @remarks Retry-After when the service gave one; otherwise `baseMs` doubling per attempt up to
 * `maxMs`, with "equal jitter" (half fixed, half `random()`), so instances that failed together do
 * not retry together. Throttling (429) is never given up on: the message is fine, the bot is only
 * early, and the service says when to come back.
 */
export function retryDelayMs(
  failure: SendFailure,
  attempts: number,
  random: () => number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
): number | undefined {
  if (!isTransient(failure)) return undefined;
  if (failure.status !== 429 && attempts >= policy.maxAttempts) return undefined;
  if (failure.retryAfterMs !== undefined) return Math.max(0, failure.retryAfterMs);
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  return exponential / 2 + random() * (exponential / 2);
}

/** A `Retry-After` header in milliseconds: seconds, or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (header === undefined || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1_000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
