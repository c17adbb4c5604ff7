/**
 * How fast the bot may send: Teams' documented limits, as sliding windows.
 *
 * @remarks Teams throttles a bot per conversation at 7 messages a second, 8 in 2 seconds, 60 in 30
 * seconds and 1,800 in an hour, and an app at about 50 requests a second per tenant (Teams platform
 * docs, "Optimize your bot with rate limiting"). A bot that exceeds them gets 429s; pacing below
 * them is cheaper than retrying. Times are milliseconds since the epoch, taken as arguments.
 */
export interface RateLimit {
  readonly max: number;
  readonly perMs: number;
}

export const CONVERSATION_LIMITS: readonly RateLimit[] = [
  { max: 7, perMs: 1_000 },
  { max: 8, perMs: 2_000 },
  { max: 60, perMs: 30_000 },
  { max: 1_800, perMs: 3_600_000 },
];

export const TENANT_LIMITS: readonly RateLimit[] = [{ max: 50, perMs: 1_000 }];

/** The longest window of `limits`: older sends no longer matter. */
export function windowMs(limits: readonly RateLimit[]): number {
  return Math.max(0, ...limits.map((limit) => limit.perMs));
}

/**
 * The earliest instant at or after `now` at which one more send keeps every limit, given the
 * instants of the earlier sends in ascending order.
 *
 * @remarks A window of `perMs` holds at most `max` sends: the new send must come at least `perMs`
 * after the `max`-th latest one. Never before the latest earlier send, so sends stay in order and
 * the windows stay exact.
 */
export function earliestSend(sent: readonly number[], limits: readonly RateLimit[], now: number): number {
  let at = Math.max(now, sent.at(-1) ?? now);
  for (const limit of limits) {
    const bound = sent[sent.length - limit.max];
    if (bound !== undefined) at = Math.max(at, bound + limit.perMs);
  }
  return at;
}

/** Whether the instants `sent` (ascending) keep every limit: what a test checks of what was sent. */
export function keepsLimits(sent: readonly number[], limits: readonly RateLimit[]): boolean {
  return limits.every((limit) =>
    sent.every((at, i) => i < limit.max || at - (sent[i - limit.max] as number) >= limit.perMs),
  );
}

/** The sends of a key that still count at `now`. */
export function pruned(sent: readonly number[], limits: readonly RateLimit[], now: number): number[] {
  const from = now - windowMs(limits);
  return sent.filter((at) => at > from);
}
