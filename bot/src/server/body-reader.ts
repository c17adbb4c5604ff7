import type { IncomingMessage } from 'node:http';
import type { HttpErrorCode } from '../api/http-errors.ts';

/** Largest body accepted: a Bot Framework activity with a card submit is a few kilobytes. */
export const MAX_BODY_BYTES = 256 * 1024;

/**
 * Largest body of a document upload: a file of at most 10 MiB (review/contribute/attachment.ts)
 * base64-encoded (4/3 of it), with room for the rest of the JSON.
 */
export const MAX_UPLOAD_BODY_BYTES = 14 * 1024 * 1024;

/** The one address whose body may be an upload: POST .../review/attachments (api/attachment-routes.ts). */
const UPLOAD_URL = /^\/api\/cases\/[^/?#]+\/[^/?#]+\/review\/attachments\/?(?:\?.*)?$/;

/** The most a request's body may hold: an upload's more than any other's. */
export function bodyLimitOf(method: string | undefined, url: string | undefined): number {
  return method === 'POST' && UPLOAD_URL.test(url ?? '') ? MAX_UPLOAD_BODY_BYTES : MAX_BODY_BYTES;
}

/**
 * Deepest nesting of arrays and objects accepted. An activity nests about six levels; a body of
 * 100,000 brackets would parse, then overflow the stack of the first recursive walk over it (a
 * serializer, a structured clone).
 */
export const MAX_JSON_DEPTH = 64;

export type BodyResult =
  | { readonly ok: true; readonly body: unknown }
  | { readonly ok: false; readonly code: HttpErrorCode };

/** Whether a request of this method carries a body we read (and so must be `application/json`). */
export function hasBody(method: string | undefined): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}

/**
 * The request's JSON body, read once for every route: uncompressed, `application/json` in UTF-8, at
 * most {@link MAX_BODY_BYTES}, nested at most {@link MAX_JSON_DEPTH} deep.
 *
 * @remarks Replaces restify's body parser: its gunzip has no error handler, so a body labelled
 * gzip that is not gzip ended the process, and its size cap counted compressed bytes (restify issues
 * 1975, 1785). Neither Teams nor the tab compresses requests, so a `Content-Encoding` is refused (415),
 * never inflated. Requiring `application/json` for every state-changing request also means a web page
 * cannot post to the server with a plain HTML form (which can only send form or text encodings),
 * whatever else stops it. `Content-MD5` is not checked (HTTP/1.1 dropped it, RFC 7231 appendix B).
 */
export async function readJsonBody(request: IncomingMessage, maxBytes = MAX_BODY_BYTES): Promise<BodyResult> {
  const declaredLength = request.headers['content-length'];
  const chunked = request.headers['transfer-encoding'] !== undefined;
  // No body at all (a POST with no content): nothing to read or to check the type of.
  if (!chunked && (declaredLength === undefined || Number(declaredLength) === 0)) {
    return { ok: true, body: undefined };
  }
  const encoding = String(request.headers['content-encoding'] ?? 'identity')
    .trim()
    .toLowerCase();
  if (encoding !== 'identity' && encoding !== '') return { ok: false, code: 'ENCODING_NOT_ACCEPTED' };
  if (!isJsonMediaType(request.headers['content-type'])) return { ok: false, code: 'UNSUPPORTED_MEDIA_TYPE' };
  const declared = Number(declaredLength);
  if (Number.isFinite(declared) && declared > maxBytes) return { ok: false, code: 'BODY_TOO_LARGE' };
  const read = await readAtMost(request, maxBytes);
  if (read === 'too-large') return { ok: false, code: 'BODY_TOO_LARGE' };
  if (read === 'aborted') return { ok: false, code: 'REQUEST_ABORTED' };
  const text = read.toString('utf8');
  if (text.trim() === '') return { ok: true, body: undefined };
  if (nestingDepth(text) > MAX_JSON_DEPTH) return { ok: false, code: 'BODY_TOO_DEEP' };
  try {
    return { ok: true, body: JSON.parse(text) };
  } catch {
    return { ok: false, code: 'BODY_NOT_JSON' };
  }
}

/** `application/json`, optionally with `charset=utf-8` (RFC 8259 section 8.1: JSON is UTF-8). */
function isJsonMediaType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const [type, ...parameters] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return parameters.every((parameter) => {
    const [name, value] = parameter.split('=').map((part) => part.trim().replace(/^"|"$/g, ''));
    return name !== 'charset' || value === 'utf-8' || value === 'utf8';
  });
}

function readAtMost(request: IncomingMessage, maxBytes: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too-large' | 'aborted') => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
      request.off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Stop buffering; the caller answers 413 and closes the connection.
        request.pause();
        finish('too-large');
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks, size));
    const onError = () => finish('aborted');
    const onClose = () => {
      if (!request.complete) finish('aborted');
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
    request.on('close', onClose);
  });
}

/** The deepest nesting of `[` and `{` outside strings; a linear scan, no recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c)
        index += 1; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      depth += 1;
      if (depth > deepest) deepest = depth;
    } else if (char === 0x5d || char === 0x7d) depth -= 1;
  }
  return deepest;
}
