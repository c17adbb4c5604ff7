/**
 * How long the server waits for a client and how many it serves at once (config.ts reads them from
 * the environment; these are the defaults).
 */
export interface HttpLimits {
  /** The request line and headers must arrive within this (slow-headers clients, "slowloris"). */
  readonly headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  readonly requestTimeoutMs: number;
  /** How long an idle keep-alive connection is kept open for the client's next request. */
  readonly keepAliveTimeoutMs: number;
  /** Open connections at most; more are refused until some close. */
  readonly maxConnections: number;
  /**
   * A bot turn (the bot's work and its replies to the channel) gets this long before the request is
   * answered 502 REPLY_UNDELIVERABLE and nothing more is sent.
   */
  readonly botTurnTimeoutMs: number;
}

/**
 * @remarks `keepAliveTimeoutMs` must be longer than the idle time of every client that reuses
 * connections to us, or the server closes a connection just as the client sends on it and the client
 * sees ECONNRESET ("socket hang up"). Node's fetch and the Agents Playground keep an idle socket 4 s;
 * proxies in front of an app commonly keep theirs 60 s (the Azure Load Balancer's default idle
 * timeout), so 65 s. Node checks `headersTimeoutMs` and `requestTimeoutMs` only every
 * `connectionsCheckingInterval` (30 s by default), so edge.ts lowers that too. `botTurnTimeoutMs`
 * stays under the Bot Connector's 15 s wait for our answer, so the channel hears our 502 rather than
 * timing out on its own.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 65_000,
  maxConnections: 1_000,
  botTurnTimeoutMs: 10_000,
};
