import restify from 'restify';
import * as z from 'zod';
import type { Mode } from '../api/authenticate.ts';
import { answerFor, type HttpErrorCode, httpError } from '../api/http-errors.ts';
import { OPENAPI_PATH, type OtherRouteDoc, openApiDocument } from '../api/openapi.ts';
import type { ApiRequest, ApiResponse, ApiRoute } from '../api/routes.ts';
import { ErrorBodySchema, HealthSchema } from '../api/schemas.ts';
import { ReviewError } from '../review/errors.ts';
import { describeError, type Log } from './log.ts';
import { serveTab } from './static-tab.ts';

/**
 * Hands a Bot Framework activity to the bot (botbuilder's `CloudAdapter.process` in main.ts), which
 * answers the HTTP request itself.
 *
 * @remarks A function, so that this folder never imports botbuilder: moving to the Microsoft 365
 * Agents SDK changes main.ts and bot/src/teams/ only (DESIGN.md section 5).
 */
export type BotEndpoint = (request: restify.Request, response: restify.Response) => Promise<void>;

export interface HttpServerOptions {
  readonly mode: Mode;
  readonly routes: readonly ApiRoute[];
  readonly bot: BotEndpoint;
  /** The built tab, `tab/dist`. */
  readonly tabDir: string;
  readonly log: Log;
}

export const BOT_PATH = '/api/messages';
export const HEALTH_PATH = '/healthz';

/** Largest body accepted: a Bot Framework activity with a card submit is a few kilobytes. */
const MAX_BODY_BYTES = 256 * 1024;

/**
 * Checked before the adapter sees it, so a malformed post answers 400 naming the field (the adapter
 * would answer 400 with no body) and never reaches the bot.
 */
const ActivityBodySchema = z.looseObject({
  type: z.string({ error: 'required: the activity type, e.g. "message"' }).min(1),
  channelId: z.string({ error: 'required: the channel, e.g. "msteams"' }).min(1),
  serviceUrl: z.url({ error: 'required: the URL replies are sent to' }),
  conversation: z.looseObject({ id: z.string({ error: 'required' }).min(1) }, { error: 'required' }),
});

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
      'activities without a token; azure mode requires the Bot Framework JWT. Replies go to the ' +
      'activity’s serviceUrl.',
    requestBody: { description: 'A Bot Framework activity.', schema: ActivityBodySchema },
    responses: {
      200: { description: 'The activity was handled.' },
      400: {
        description: 'The body is not an activity; `problems` names the field.',
        schema: ErrorBodySchema,
      },
      401: { description: 'Azure mode: no valid Bot Framework token.' },
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
export function createHttpServer(options: HttpServerOptions): restify.Server {
  const { mode, routes, bot, tabDir, log } = options;
  const server = restify.createServer({ name: 'ehc-review-hub', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false }));
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
    server[route.method](
      expressPath(route.path),
      async (request: restify.Request, response: restify.Response) => {
        const answer = await run(route, apiRequestOf(request), log);
        response.header('cache-control', 'no-store');
        response.send(answer.status, answer.body);
      },
    );
  }
  server.post(BOT_PATH, async (request: restify.Request, response: restify.Response) => {
    const parsed = ActivityBodySchema.safeParse(request.body);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({
        where: ['body', ...issue.path].join('.'),
        message: issue.message,
      }));
      const { status, body } = errorAnswer(new ReviewError('INVALID_INPUT', problems));
      response.send(status, body);
      return;
    }
    try {
      await bot(request, response);
    } catch (error) {
      log.error('bot activity failed', describeError(error));
      if (!response.headersSent) {
        const { status, body } = httpError('INTERNAL_ERROR');
        response.send(status, body);
      }
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
  return server;
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
  return { params: { ...(request.params as Record<string, string> | undefined) }, query, headers };
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
    case 'InvalidContentError':
      return 'BODY_NOT_JSON';
    case 'PayloadTooLargeError':
    case 'RequestEntityTooLargeError':
      return 'BODY_TOO_LARGE';
    case 'UnsupportedMediaTypeError':
      return 'UNSUPPORTED_MEDIA_TYPE';
    default:
      return 'INTERNAL_ERROR';
  }
}

/** The routes `server` answers, `{ method: 'get', path: '/api/cases/:laCode/:caseId' }`, for diagnostics and tests. */
export function registeredRoutes(server: restify.Server): { method: string; path: string }[] {
  const info = server.getDebugInfo() as { routes: { method: string; path: string }[] };
  return info.routes.map(({ method, path }) => ({ method: method.toLowerCase(), path: String(path) }));
}
