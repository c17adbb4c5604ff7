import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
  STATUS_CODES,
} from 'node:http';
import type { Socket } from 'node:net';
import type { Mode } from '../api/authenticate.ts';
import { type HttpErrorCode, httpError } from '../api/http-errors.ts';
import { bodyLimitOf, hasBody, readJsonBody } from './body-reader.ts';
import type { HttpLimits } from './http-limits.ts';
import { isAddressedToLoopback } from './local-only.ts';
import { describeError, type Log } from './log.ts';

export interface EdgeOptions {
  readonly mode: Mode;
  readonly limits: HttpLimits;
  readonly log: Log;
  /** The router (restify's), given a request whose JSON body, if any, is already in `request.body`. */
  readonly route: (request: IncomingMessage, response: ServerResponse) => void;
}

/**
 * The Node HTTP server in front of the router: every request passes here first, once. Local mode
 * answers only requests addressed to loopback (421); a body is read and parsed here (body-reader.ts)
 * and nowhere else; timeouts and the connection cap are set here.
 *
 * @remarks Our own server rather than restify's, because Node fixes `connectionsCheckingInterval` when
 * the server is created, and restify creates its own with the defaults.
 */
export function createEdge(options: EdgeOptions): Server {
  const { mode, limits, log, route } = options;
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: Math.max(10, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
    },
    (request, response) => {
      receive(request, response).catch((error: unknown) => {
        log.error('edge failed', { code: 'INTERNAL_ERROR', ...describeError(error) });
        if (!response.headersSent) sendError(response, 'INTERNAL_ERROR');
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    answerClientError(error, socket, log);
  });

  async function receive(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    response.once('finish', () => {
      // The route's template (`/api/cases/:laCode`), never the URL, which may carry anything.
      const route = (request as { getRoute?: () => { path?: unknown } | undefined }).getRoute?.()?.path;
      log.info('request', {
        method: request.method,
        route: typeof route === 'string' ? route : undefined,
        status: response.statusCode,
        ms: Math.round(performance.now() - started),
      });
    });
    if (mode === 'local' && !isAddressedToLoopback(request)) {
      log.warn('request refused', { code: 'MISDIRECTED_REQUEST', method: request.method });
      sendError(response, 'MISDIRECTED_REQUEST', { close: true });
      return;
    }
    if (hasBody(request.method)) {
      const read = await readJsonBody(request, bodyLimitOf(request.method, request.url));
      if (!read.ok) {
        if (read.code !== 'REQUEST_ABORTED')
          log.warn('request refused', { code: read.code, method: request.method });
        // A body we did not read to its end leaves the connection unusable for another request.
        sendError(response, read.code, { close: !request.complete });
        return;
      }
      Object.assign(request, { body: read.body });
    }
    route(request, response);
  }

  return server;
}

/** Writes one of our error answers, in the API's JSON shape. */
export function sendError(
  response: ServerResponse,
  code: HttpErrorCode,
  options: { readonly close?: boolean } = {},
): void {
  const { status, body } = httpError(code);
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...(options.close ? { connection: 'close' } : {}),
  });
  response.end(text);
}

/**
 * A request Node could not parse, or whose headers or body came too slowly: 408 for a timeout, 431
 * for headers too large, 400 otherwise, then the connection is closed.
 */
function answerClientError(error: Error & { code?: string }, socket: Socket, log: Log): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const code: HttpErrorCode =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? 'REQUEST_TIMEOUT'
      : error.code === 'HPE_HEADER_OVERFLOW'
        ? 'HEADERS_TOO_LARGE'
        : 'BAD_REQUEST';
  const { status, body } = httpError(code);
  log.warn('request refused', { code, cause: error.code });
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}
