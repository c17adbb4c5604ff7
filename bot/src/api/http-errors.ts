import { ERROR_CATALOGUE, type ErrorKind, isReviewError, type Problem } from '../review/errors.ts';

/**
 * The one mapping from an error to an HTTP answer (STYLE.md: "mapped once to HTTP status").
 *
 * @remarks A case the user may not read answers 404 CASE_NOT_FOUND, never 403, so that a case id does
 * not tell anyone that the case exists (permissions.ts); `forbidden` is for actions on a case the user
 * can see. The transport's own errors (no such route, a body that is not JSON) have codes of their
 * own below, in the same body shape.
 */
export const STATUS_OF_KIND: Readonly<Record<ErrorKind, number>> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gate: 422,
  unavailable: 503,
  /** A service we called on the caller's behalf failed (the Bot Connector refused a reply). */
  upstream: 502,
};

/**
 * Errors of HTTP itself and of the server's own services, which the domain's catalogue has no words
 * for.
 */
export const HTTP_ERRORS = {
  ROUTE_NOT_FOUND: { status: 404, message: 'There is no such address in the API. See /api/openapi.json.' },
  METHOD_NOT_ALLOWED: { status: 405, message: 'That method is not allowed at this address.' },
  BODY_NOT_JSON: { status: 400, message: 'The body of the request is not valid JSON.' },
  BODY_TOO_DEEP: { status: 400, message: 'The body of the request is nested too deeply.' },
  BODY_TOO_LARGE: { status: 413, message: 'The body of the request is too large.' },
  REQUEST_ABORTED: { status: 400, message: 'The request ended before its body was complete.' },
  BAD_REQUEST: { status: 400, message: 'The request is not one the server can read.' },
  REQUEST_TIMEOUT: { status: 408, message: 'The request took too long to arrive.' },
  HEADERS_TOO_LARGE: { status: 431, message: 'The request’s headers are too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'Send the body as application/json (UTF-8).' },
  ENCODING_NOT_ACCEPTED: { status: 415, message: 'Send the body uncompressed, with no Content-Encoding.' },
  MISDIRECTED_REQUEST: {
    status: 421,
    message: 'Local mode answers only requests addressed to localhost, 127.0.0.1 or [::1] on its own port.',
  },
  BOT_UNAUTHENTICATED: { status: 401, message: 'The activity does not carry a valid Bot Framework token.' },
  INTERNAL_ERROR: { status: 500, message: 'Something went wrong on the server. Try again in a moment.' },
} as const satisfies Record<string, { status: number; message: string }>;
export type HttpErrorCode = keyof typeof HTTP_ERRORS;

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly problems: readonly Problem[] };
}

export interface ErrorAnswer {
  readonly status: number;
  readonly body: ErrorBody;
}

export function httpError(code: HttpErrorCode, problems: readonly Problem[] = []): ErrorAnswer {
  const { status, message } = HTTP_ERRORS[code];
  return { status, body: { error: { code, message, problems } } };
}

/** The answer for anything thrown by a handler; undefined for an error that is not ours (a bug: 500). */
export function answerFor(error: unknown): ErrorAnswer | undefined {
  if (!isReviewError(error)) return undefined;
  return {
    status: STATUS_OF_KIND[error.kind],
    body: { error: { code: error.code, message: error.message, problems: error.problems } },
  };
}

/** Every code the API can answer with, for the OpenAPI document. */
export const ERROR_CODES: readonly string[] = [...Object.keys(ERROR_CATALOGUE), ...Object.keys(HTTP_ERRORS)];
