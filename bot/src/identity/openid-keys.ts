import { importJWK, type JWK } from 'jose';
import * as z from 'zod';

/**
 * The signing keys of an OpenID Connect issuer (Entra ID for the tab's tokens, the Bot Framework for
 * the channel's), from its metadata document and the JWKS it names.
 *
 * @remarks Every fetch is bounded by `timeoutMs`: a black-holed endpoint must not hold a request
 * open (botbuilder's own metadata fetch hung for over 200 s here). Keys are kept for `maxAgeMs` and
 * fetched again when a token names a `kid` the cached set lacks (the issuer rolled its keys), at
 * most once per `refreshCooldownMs` so that tokens with made-up `kid`s cannot make the server fetch
 * on every request. A failed fetch is remembered for `retryAfterMs`: while the issuer is down,
 * requests are refused at once instead of each waiting out the timeout. Concurrent requests share
 * one fetch.
 */
export interface OpenIdKeysOptions {
  /** The issuer's `.well-known/openid-configuration` (configuration, so tests serve their own). */
  readonly metadataUrl: string;
  readonly timeoutMs?: number;
  readonly maxAgeMs?: number;
  readonly refreshCooldownMs?: number;
  readonly retryAfterMs?: number;
  /** Milliseconds since the epoch (tests move it). */
  readonly now?: () => number;
  readonly fetch?: typeof fetch;
}

export interface SigningKey {
  readonly key: CryptoKey | Uint8Array;
  /** The key as published, with the Bot Framework's `endorsements` (the channels it signs for). */
  readonly jwk: JWK & { readonly endorsements?: readonly string[] };
}

export interface OpenIdKeys {
  /** The metadata's `issuer`: for Entra ID's multi-tenant endpoints a template with `{tenantid}`. */
  issuer(): Promise<string>;
  /** The published key `kid`; KeyNotFound when the issuer does not publish it even after a refresh. */
  key(kid: string): Promise<SigningKey>;
}

/** The issuer's metadata or keys could not be fetched in time, or were not what OpenID promises. */
export class KeysUnavailable extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'KeysUnavailable';
  }
}

/** The token names a key the issuer does not publish. */
export class KeyNotFound extends Error {
  constructor() {
    super('the token is signed with a key the issuer does not publish');
    this.name = 'KeyNotFound';
  }
}

const MetadataSchema = z.looseObject({ issuer: z.string().min(1), jwks_uri: z.url() });
const JwksSchema = z.object({
  keys: z.array(z.looseObject({ kty: z.string(), kid: z.string().optional() })),
});

export const DEFAULT_FETCH_TIMEOUT_MS = 3000;
/** Microsoft's advice for Entra ID's keys: check daily, and at once on an unknown kid. */
const DAY_MS = 24 * 60 * 60 * 1000;

interface KeySet {
  readonly issuer: string;
  readonly jwks: readonly (JWK & { kid?: string })[];
  readonly fetchedAt: number;
}

export function openIdKeys(options: OpenIdKeysOptions): OpenIdKeys {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const maxAgeMs = options.maxAgeMs ?? DAY_MS;
  const refreshCooldownMs = options.refreshCooldownMs ?? 30_000;
  const retryAfterMs = options.retryAfterMs ?? 5_000;
  const now = options.now ?? Date.now;
  const fetchFn = options.fetch ?? fetch;
  let current: KeySet | undefined;
  let inFlight: Promise<KeySet> | undefined;
  let failure: { readonly at: number; readonly error: KeysUnavailable } | undefined;
  const imported = new Map<string, SigningKey>();

  async function getJson(url: string, what: string): Promise<unknown> {
    let response: Response;
    try {
      response = await fetchFn(url, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
        redirect: 'error',
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new KeysUnavailable(
        timedOut ? `no answer for the ${what} within ${timeoutMs} ms` : `the ${what} could not be fetched`,
        { cause: error },
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new KeysUnavailable(`the ${what} answered ${response.status}`);
    }
    try {
      return await response.json();
    } catch (error) {
      throw new KeysUnavailable(`the ${what} is not JSON`, { cause: error });
    }
  }

  async function load(): Promise<KeySet> {
    const metadata = MetadataSchema.safeParse(await getJson(options.metadataUrl, 'OpenID metadata'));
    if (!metadata.success) throw new KeysUnavailable('the OpenID metadata has no issuer or jwks_uri');
    const jwks = JwksSchema.safeParse(await getJson(metadata.data.jwks_uri, 'signing keys (JWKS)'));
    if (!jwks.success) throw new KeysUnavailable('the signing keys (JWKS) are not a key set');
    return { issuer: metadata.data.issuer, jwks: jwks.data.keys as JWK[], fetchedAt: now() };
  }

  function refresh(): Promise<KeySet> {
    if (failure && now() - failure.at < retryAfterMs) return Promise.reject(failure.error);
    inFlight ??= load().then(
      (set) => {
        current = set;
        failure = undefined;
        imported.clear();
        inFlight = undefined;
        return set;
      },
      (error: unknown) => {
        inFlight = undefined;
        const unavailable =
          error instanceof KeysUnavailable
            ? error
            : new KeysUnavailable('the signing keys could not be read', { cause: error });
        failure = { at: now(), error: unavailable };
        throw unavailable;
      },
    );
    return inFlight;
  }

  async function fresh(): Promise<KeySet> {
    if (current && now() - current.fetchedAt < maxAgeMs) return current;
    return refresh();
  }

  async function keyOf(set: KeySet, kid: string): Promise<SigningKey | undefined> {
    const cached = imported.get(kid);
    if (cached) return cached;
    const jwk = set.jwks.find((candidate) => candidate.kid === kid && candidate.kty === 'RSA');
    if (!jwk) return undefined;
    // Entra ID and the Bot Framework sign with RS256 only; the key is imported for that alone.
    const signing: SigningKey = { key: await importJWK({ ...jwk, alg: 'RS256' }, 'RS256'), jwk };
    imported.set(kid, signing);
    return signing;
  }

  return {
    issuer: async () => (await fresh()).issuer,
    async key(kid) {
      const set = await fresh();
      const found = await keyOf(set, kid);
      if (found) return found;
      if (now() - set.fetchedAt < refreshCooldownMs) throw new KeyNotFound();
      const again = await keyOf(await refresh(), kid);
      if (!again) throw new KeyNotFound();
      return again;
    },
  };
}
