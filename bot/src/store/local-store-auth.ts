import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isLoopbackHostHeader } from '../config.ts';

/** How far a request's `x-ms-date` may be from now: Cosmos DB's own limit (15 minutes). */
const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/**
 * Whether a request to the local store was addressed to it on loopback and signed with its key, as
 * Azure Cosmos DB checks: the `Authorization` header is `type=master&ver=1.0&sig=<HMAC-SHA256 of
 * the verb, resource type, resource link and x-ms-date, keyed with the account key>`.
 *
 * @remarks The local store can hold an LA's real export (`npm run import`). Without this, any web
 * page open on the machine could read or write it: a browser lets a page send a "simple" request to
 * 127.0.0.1, and with DNS rebinding even read the answer. A page can neither sign a request (it has
 * no key) nor name the store in `Host`. The check is ours, in front of `@vercel/cosmosdb-server`,
 * which accepts any key.
 */
export function isSignedLocalRequest(request: IncomingMessage, key: string, now: Date): boolean {
  if (!isLoopbackHostHeader(request.headers.host, request.socket.localPort)) return false;
  const date = header(request, 'x-ms-date') ?? header(request, 'date');
  const authorization = header(request, 'authorization');
  if (date === undefined || authorization === undefined) return false;
  const sent = Date.parse(date);
  if (Number.isNaN(sent) || Math.abs(now.getTime() - sent) > MAX_CLOCK_SKEW_MS) return false;
  const signature = signatureOf(authorization);
  if (signature === undefined) return false;
  const secret = Buffer.from(key, 'base64');
  return resourceCandidates(request).some(({ type, link }) => {
    const text = `${(request.method ?? '').toLowerCase()}\n${type.toLowerCase()}\n${link}\n${date.toLowerCase()}\n\n`;
    const expected = createHmac('sha256', secret).update(text, 'utf8').digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  });
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** The `sig` of a master-key token (the SDK URL-encodes the whole token), as bytes. */
function signatureOf(authorization: string): Buffer | undefined {
  let token: string;
  try {
    token = decodeURIComponent(authorization);
  } catch {
    return undefined;
  }
  const parts = new URLSearchParams(token.replaceAll('+', '%2B'));
  if (parts.get('type') !== 'master' || parts.get('ver') !== '1.0') return undefined;
  const sig = parts.get('sig');
  return sig ? Buffer.from(sig, 'base64') : undefined;
}

/**
 * The resource type and link a request's path signs, as the SDK computes them: `/dbs/a/colls/b/docs/c`
 * is type `docs`, link `dbs/a/colls/b/docs/c`; the feed `/dbs/a/colls/b/docs` is type `docs`, link
 * `dbs/a/colls/b`. Ids as sent and decoded, since which the SDK signs depends on the call.
 */
function resourceCandidates(request: IncomingMessage): { type: string; link: string }[] {
  const path = (request.url ?? '/').split('?')[0] ?? '/';
  const raw = path.split('/').filter((segment) => segment !== '');
  let decoded: string[];
  try {
    decoded = raw.map((segment) => decodeURIComponent(segment));
  } catch {
    decoded = raw;
  }
  return [raw, decoded].map((segments) => {
    if (segments.length === 0) return { type: '', link: '' };
    if (segments.length % 2 === 0) return { type: segments.at(-2) ?? '', link: segments.join('/') };
    return { type: segments.at(-1) ?? '', link: segments.slice(0, -1).join('/') };
  });
}
