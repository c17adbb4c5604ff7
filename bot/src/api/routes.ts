import type * as z from 'zod';
import { type CaseloadDeps, caseDetail, laCasesPage, liveCases, type Reader } from '../caseload/caseload.ts';
import { accountKey, actorOf, type DirectoryUser, type UserDirectory } from '../identity/user-directory.ts';
import { ReviewError } from '../review/errors.ts';
import { londonDate } from '../review/plain-date.ts';
import { authenticate, type Mode } from './authenticate.ts';
import { httpError } from './http-errors.ts';
import {
  CaseDetailSchema,
  CaseParamsSchema,
  ErrorBodySchema,
  LaCasesPageSchema,
  LaParamsSchema,
  LiveCasesSchema,
  LocalUsersSchema,
  MeSchema,
  PageQuerySchema,
} from './schemas.ts';

/** A request as the API's handlers see it, whatever web framework carried it (server/api-adapter.ts). */
export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  /** The query string's parameters (the last of a repeated name). */
  readonly query?: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
}

export interface ResponseDoc {
  readonly description: string;
  readonly schema?: z.ZodType;
}

/**
 * One route of the JSON API: what the OpenAPI document says about it and the handler, together, so
 * that a route cannot exist undocumented (openapi.ts builds the document from this list).
 */
export interface ApiRoute {
  readonly method: 'get';
  /** An OpenAPI path template: `/api/cases/{laCode}/{caseId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** Whether the caller must be signed in (the `X-Ehc-User` header in local mode). */
  readonly signedIn: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  handle(request: ApiRequest): Promise<ApiResponse>;
}

export interface ApiContext {
  readonly mode: Mode;
  readonly directory: UserDirectory;
  readonly caseload: CaseloadDeps;
}

const ERROR_RESPONSES = {
  400: {
    description: 'A parameter is not valid; `problems` names it. Nothing was changed.',
    schema: ErrorBodySchema,
  },
  401: { description: 'UNKNOWN_USER: no user, or one the server does not know.', schema: ErrorBodySchema },
  503: {
    description:
      'AUDIT_UNAVAILABLE: the read could not be recorded in the audit log, so nothing is returned. Try again.',
    schema: ErrorBodySchema,
  },
} as const satisfies Record<number, ResponseDoc>;

export function apiRoutes(context: ApiContext): ApiRoute[] {
  const { mode, directory, caseload } = context;
  const signIn = async (request: ApiRequest): Promise<DirectoryUser> =>
    authenticate(request.headers, mode, directory);
  const readerOf = (user: DirectoryUser): Reader => ({
    actor: actorOf(user),
    accountKey: accountKey(user.identity),
    via: 'api',
  });
  const today = () => londonDate(caseload.now());

  return [
    {
      method: 'get',
      path: '/api/me',
      operationId: 'getMe',
      summary: 'The signed-in user',
      signedIn: true,
      responses: {
        200: { description: 'The user and the mode.', schema: MeSchema },
        401: ERROR_RESPONSES[401],
      },
      async handle(request) {
        const user = await signIn(request);
        const { id, name, email, roles } = user;
        return { status: 200, body: { mode, user: { id, name, email, roles } } };
      },
    },
    {
      method: 'get',
      path: '/api/local/users',
      operationId: 'listLocalUsers',
      summary: 'The demo users of local mode',
      description: 'For the sign-in picker of the tab in local mode; 404 in azure mode. Needs no sign-in.',
      signedIn: false,
      responses: {
        200: { description: 'The fictional demo users.', schema: LocalUsersSchema },
        404: { description: 'ROUTE_NOT_FOUND: the server is not in local mode.', schema: ErrorBodySchema },
      },
      async handle() {
        if (mode !== 'local') return httpError('ROUTE_NOT_FOUND');
        const users = await directory.list();
        return {
          status: 200,
          body: {
            users: users.map(({ id, name, email, description }) => ({ id, name, email, description })),
          },
        };
      },
    },
    {
      method: 'get',
      path: '/api/cases',
      operationId: 'listLiveCases',
      summary: 'The user’s live cases, most urgent first',
      description:
        'A SENCo sees the cases of their settings, an LA officer those of their LA, anyone else the cases ' +
        'that invite or name them. Each case listed is recorded in its audit log (case.list).',
      signedIn: true,
      responses: {
        200: { description: 'The live cases.', schema: LiveCasesSchema },
        401: ERROR_RESPONSES[401],
        503: ERROR_RESPONSES[503],
      },
      async handle(request) {
        const user = await signIn(request);
        const on = today();
        const cases = await liveCases(readerOf(user), on, caseload);
        return { status: 200, body: { today: on, cases } };
      },
    },
    {
      method: 'get',
      path: '/api/las/{laCode}/cases',
      operationId: 'pageLaCases',
      summary: 'One page of an LA’s live cases, earliest next due date first',
      description:
        'For an officer of the LA: 50 cases a page by default (up to 500), each page read from the ' +
        'summaries stored with the cases, so an LA of any size answers a page at once. The page is ' +
        'recorded in the reader’s audit log (case.list).',
      signedIn: true,
      params: LaParamsSchema,
      query: PageQuerySchema,
      responses: {
        200: { description: 'The page.', schema: LaCasesPageSchema },
        ...ERROR_RESPONSES,
        403: { description: 'NOT_ALLOWED: the user is not an officer of this LA.', schema: ErrorBodySchema },
      },
      async handle(request) {
        const user = await signIn(request);
        const { laCode } = checkParams(LaParamsSchema, request.params);
        const page = checkParams(PageQuerySchema, request.query ?? {}, 'query');
        const on = today();
        const answer = await laCasesPage(
          readerOf(user),
          laCode,
          on,
          {
            ...(page.continuation ? { continuation: page.continuation } : {}),
            ...(page.pageSize ? { pageSize: Number(page.pageSize) } : {}),
          },
          caseload,
        );
        return { status: 200, body: { today: on, ...answer } };
      },
    },
    {
      method: 'get',
      path: '/api/cases/{laCode}/{caseId}',
      operationId: 'getCase',
      summary: 'One case: its summary and statutory clock, on the server’s today',
      description:
        'A case the user may not read answers 404, like one that does not exist. The read is recorded in ' +
        'the case’s audit log (case.read).',
      signedIn: true,
      params: CaseParamsSchema,
      responses: {
        200: { description: 'The case.', schema: CaseDetailSchema },
        ...ERROR_RESPONSES,
        404: {
          description: 'CASE_NOT_FOUND: no such case, or not one the user may read.',
          schema: ErrorBodySchema,
        },
      },
      async handle(request) {
        const user = await signIn(request);
        const ref = checkParams(CaseParamsSchema, request.params);
        const on = today();
        const { summary, clock } = await caseDetail(readerOf(user), ref, on, caseload);
        return { status: 200, body: { today: on, summary, clock } };
      },
    },
  ];
}

/** The path parameters, checked; INVALID_INPUT naming each bad one otherwise. */
function checkParams<S extends z.ZodObject>(
  schema: S,
  params: Readonly<Record<string, string>>,
  part: 'path' | 'query' = 'path',
): z.output<S> {
  const parsed = schema.safeParse(params);
  if (parsed.success) return parsed.data;
  throw new ReviewError(
    'INVALID_INPUT',
    parsed.error.issues.map((issue) => ({ where: issue.path.join('.') || part, message: issue.message })),
  );
}
