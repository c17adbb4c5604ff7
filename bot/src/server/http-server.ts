import type { Server } from 'node:http';
import restify from 'restify';
import type { Mode } from '../api/authenticate.ts';
import { answerFor, type ErrorAnswer, type HttpErrorCode, httpError } from '../api/http-errors.ts';
import { OPENAPI_PATH, type OtherRouteDoc, openApiDocument } from '../api/openapi.ts';
import type { ApiRequest, ApiResponse, ApiRoute } from '../api/routes.ts';
import { ErrorBodySchema, HealthSchema } from '../api/schemas.ts';
import type { ChannelActivity } from '../identity/channel-token.ts';
import { type Problem, ReviewError } from '../review/errors.ts';
import { ActivitySchema, type ValidActivity } from './activity-schema.ts';
import { createEdge } from './edge.ts';
import type { HttpLimits } from './http-limits.ts';
import { describeError, type Log } from './log.ts';
import { type ReplyTargetRule, replyTargetRule } from './reply-targets.ts';
import { serveTab } from './static-tab.ts';

/**
 * Hands a validated Bot Framework activity to the bot (botbuilder's adapter, in main.ts) and gives
 * back the HTTP answer; a ReviewError it throws (REPLY_UNDELIVERABLE) is answered from the catalogue.
 *
 * @remarks A function, so that this folder never imports botbuilder: moving to the Microsoft 365
 * Agents SDK changes main.ts and bot/src/teams/ only (DESIGN.md section 5).
 */
export type BotEndpoint = (
  activity: ValidActivity,
  authorization: string | undefined,
) => Promise<{ readonly status: number; readonly body?: unknown }>;

export interface HttpServerOptions {
  readonly mode: Mode;
  readonly routes: readonly ApiRoute[];
  readonly bot: BotEndpoint;
  /** The built tab, `tab/dist`. */
  readonly tabDir: string;
  readonly log: Log;
  readonly limits: HttpLimits;
  /** Which `serviceUrl`s the bot may reply to; by default the mode's rule (reply-targets.ts). */
  readonly replyTargets?: ReplyTargetRule;
  /**
   * Azure mode: checks the channel's token on an activity before anything else
   * (identity/channel-token.ts), so that no token or a bad one is refused at once with a stable code.
   */
  readonly checkChannel?: (authorization: string | undefined, activity: ChannelActivity) => Promise<unknown>;
}

/** The server, not yet listening, and the routes it answers. */
export interface HttpServer {
  readonly node: Server;
  /** `{ method: 'get', path: '/api/cases/:laCode/:caseId' }`, for diagnostics and tests. */
  readonly routes: readonly { readonly method: string; readonly path: string }[];
}

export const BOT_PATH = '/api/messages';
export const HEALTH_PATH = '/healthz';

/** The routes served outside the API's route table, for the OpenAPI document. */
const OTHER_ROUTES: readonly OtherRouteDoc[] = [
  {
    method: 'get',
    path: OPENAPI_PATH,
    operationId: 'getOpenApi',
    summary: 'This document',
    responses: { 200: { description: 'The OpenAPI 3.1 document.' } },
  },
  {
    method: 'post',
    path: BOT_PATH,
    operationId: 'postActivity',
    summary: 'The Teams bot: Bot Framework activities from the channel',
    description:
      'Posted by the Bot Framework channel (or the Microsoft 365 Agents Playground). Local mode accepts ' +
      'activities without a token; azure mode requires the Bot Framework JWT, whose serviceurl claim ' +
      'must name the activity’s serviceUrl, where replies go.',
    requestBody: { description: 'A Bot Framework activity.', schema: ActivitySchema },
    responses: {
      200: { description: 'The activity was handled.' },
      400: {
        description:
          'The body is not an activity, or (local mode) its serviceUrl is not on loopback; `problems` names the field.',
        schema: ErrorBodySchema,
      },
      401: {
        description:
          'UNKNOWN_USER (azure mode): no valid Bot Framework token for this bot, serviceUrl and tenant.',
        schema: ErrorBodySchema,
      },
      503: {
        description:
          'SIGN_IN_UNAVAILABLE (azure mode): the Bot Framework’s keys could not be fetched in time.',
        schema: ErrorBodySchema,
      },
      415: { description: 'The body is not uncompressed application/json.', schema: ErrorBodySchema },
      502: {
        description: 'REPLY_UNDELIVERABLE: the reply could not be sent to the serviceUrl in time.',
        schema: ErrorBodySchema,
      },
    },
  },
  {
    method: 'get',
    path: HEALTH_PATH,
    operationId: 'getHealth',
    summary: 'Liveness: the process is up and serving',
    responses: { 200: { description: 'Up.', schema: HealthSchema } },
  },
];

/** The one HTTP server: the bot, the tab's JSON API, the built tab and the health check. */
export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { mode, routes, bot, tabDir, log } = options;
  const replyTargets = options.replyTargets ?? replyTargetRule(mode);
  const server = restify.createServer({ name: 'ehc-review-hub', handleUncaughtExceptions: false });
  server.on(
    'restifyError',
    (_request: restify.Request, _response: restify.Response, error: Error, done: () => void) => {
      const code = transportCode(error);
      if (code === 'INTERNAL_ERROR') log.error('request failed', describeError(error));
      const answer = httpError(code);
      Object.assign(error, { toJSON: () => answer.body, statusCode: answer.status });
      done();
    },
  );

  const document = openApiDocument(routes, OTHER_ROUTES);
  server.get(OPENAPI_PATH, async (_request: restify.Request, response: restify.Response) => {
    response.send(200, document);
  });
  for (const route of routes) {
    server[route.method === 'delete' ? 'del' : route.method](
      expressPath(route.path),
      async (request: restify.Request, response: restify.Response) => {
        const answer = await run(route, apiRequestOf(request), log);
        response.header('cache-control', 'no-store');
        if (answer.file) {
          response.writeHead(answer.status, {
            'content-type': answer.file.contentType,
            'content-disposition': contentDisposition(answer.file.name),
            'x-content-type-options': 'nosniff',
          });
          response.end(answer.body instanceof Uint8Array ? answer.body : String(answer.body));
          return;
        }
        if (answer.body === undefined) response.send(answer.status);
        else response.send(answer.status, answer.body);
      },
    );
  }
  server.post(BOT_PATH, async (request: restify.Request, response: restify.Response) => {
    const answer = await answerActivity(request, bot, replyTargets, log, options.checkChannel);
    response.header('cache-control', 'no-store');
    if (answer.body === undefined) {
      response.send(answer.status);
    } else {
      response.send(answer.status, answer.body);
    }
  });
  server.get(HEALTH_PATH, async (_request: restify.Request, response: restify.Response) => {
    response.send(200, { status: 'ok', mode });
  });
  // Any other address under /api is an API error in JSON, never the tab's page.
  server.get('/api/*', async (_request: restify.Request, response: restify.Response) => {
    const answer = httpError('ROUTE_NOT_FOUND');
    response.send(answer.status, answer.body);
  });
  server.get('/*', async (request: restify.Request, response: restify.Response) => {
    const answer = await serveTab(tabDir, request.url ?? '/');
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  });
  // restify routes; the edge in front of it reads every request first (edge.ts).
  const router = server.server;
  const node = createEdge({
    mode,
    limits: options.limits,
    log,
    route: (request, response) => router.emit('request', request, response),
  });
  return { node, routes: registeredRoutes(server) };
}

/**
 * The answer to a post to the bot: 400 naming the field for a body that is not an activity or an
 * activity the bot may not reply to, else the bot's own answer; a ReviewError from the catalogue
 * (REPLY_UNDELIVERABLE) has its status, and anything else is a logged 500 with no detail.
 */
async function answerActivity(
  request: restify.Request,
  bot: BotEndpoint,
  replyTargets: ReplyTargetRule,
  log: Log,
  checkChannel?: HttpServerOptions['checkChannel'],
): Promise<ApiResponse> {
  const parsed = ActivitySchema.safeParse(request.body);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      where: ['body', ...issue.path].join('.'),
      message: issue.message,
    }));
    return invalid(problems);
  }
  const activity = parsed.data;
  const header = request.headers.authorization;
  const authorization = typeof header === 'string' ? header : undefined;
  if (checkChannel) {
    const refusal = await refusalOf(() => checkChannel(authorization, activity));
    if (refusal) {
      log.warn('bot activity refused', { code: refusal.body.error.code, where: 'Authorization' });
      return refusal;
    }
  }
  if (
    !(await replyTargets({ serviceUrl: activity.serviceUrl, ...(authorization ? { authorization } : {}) }))
  ) {
    log.warn('bot activity refused', { code: 'INVALID_INPUT', where: 'body.serviceUrl' });
    return invalid([
      { where: 'body.serviceUrl', message: 'this server does not send replies to that address' },
    ]);
  }
  try {
    const answer = await bot(activity, authorization);
    return { status: answer.status, body: answer.body };
  } catch (error) {
    const known = answerFor(error);
    if (known) return known;
    const { reason: _reason, ...described } = describeError(error);
    log.error('bot activity failed', { code: 'INTERNAL_ERROR', ...described });
    return httpError('INTERNAL_ERROR');
  }
}

/** The answer to a failed check, or undefined when it passed; an error not of ours is thrown on. */
async function refusalOf(check: () => Promise<unknown>): Promise<ErrorAnswer | undefined> {
  try {
    await check();
    return undefined;
  } catch (error) {
    const answer = answerFor(error);
    if (!answer) throw error;
    return answer;
  }
}

function invalid(problems: readonly Problem[]): ApiResponse {
  return errorAnswer(new ReviewError('INVALID_INPUT', problems));
}

/**
 * A download's `Content-Disposition`: an ASCII fallback name and the real one in UTF-8 (RFC 6266
 * section 4.3, RFC 8187), so a name with quotes or non-ASCII letters can neither break the header nor
 * be lost.
 */
function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** `/api/cases/{laCode}` (OpenAPI) is `/api/cases/:laCode` to restify's router. */
function expressPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function apiRequestOf(request: restify.Request): ApiRequest {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  const query = Object.fromEntries(new URL(request.url ?? '/', 'http://localhost').searchParams);
  return {
    params: { ...(request.params as Record<string, string> | undefined) },
    query,
    headers,
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

async function run(route: ApiRoute, request: ApiRequest, log: Log): Promise<ApiResponse> {
  try {
    return await route.handle(request);
  } catch (error) {
    const answer = answerFor(error);
    if (answer && answer.status < 500) return answer;
    // A failure of ours or of a service (the audit log): the operator needs its cause, the client its code.
    const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
    log.error('api request failed', {
      operation: route.operationId,
      code: answer?.body.error.code ?? 'INTERNAL_ERROR',
      ...describeError(cause),
    });
    return answer ?? httpError('INTERNAL_ERROR');
  }
}

function errorAnswer(error: ReviewError): ApiResponse {
  return answerFor(error) ?? httpError('INTERNAL_ERROR');
}

/** The transport error restify raised, as one of ours. */
function transportCode(error: Error): HttpErrorCode {
  switch (error.name) {
    case 'ResourceNotFoundError':
      return 'ROUTE_NOT_FOUND';
    case 'MethodNotAllowedError':
      return 'METHOD_NOT_ALLOWED';
    default: {
      // Any other error restify raises about the request itself (a malformed URL, a bad header).
      const status = (error as { statusCode?: unknown }).statusCode;
      return typeof status === 'number' && status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL_ERROR';
    }
  }
}

function registeredRoutes(server: restify.Server): { method: string; path: string }[] {
  const info = server.getDebugInfo() as { routes: { method: string; path: string }[] };
  return info.routes.map(({ method, path }) => ({ method: method.toLowerCase(), path: String(path) }));
}
