import type * as z from 'zod';
import { type CaseloadDeps, caseDetail, laCasesPage, liveCases, type Reader } from '../caseload/caseload.ts';
import type { LaDirectory } from '../identity/la-directory.ts';
import { accountKey, actorOf, type DirectoryUser, type UserDirectory } from '../identity/user-directory.ts';
import { ReviewError } from '../review/errors.ts';
import { londonDate } from '../review/plain-date.ts';
import { type ArrangeDeps, arrangeRoutes } from './arrange-routes.ts';
import { authenticate, type Mode, type SsoCheck } from './authenticate.ts';
import { type ChannelRouteContext, channelRoutes } from './channel-routes.ts';
import { type ContributeDeps, contributeRoutes } from './contribute-routes.ts';
import { httpError } from './http-errors.ts';
import {
  CaseDetailSchema,
  CaseParamsSchema,
  DirectoryParamsSchema,
  DirectorySchema,
  ErrorBodySchema,
  LaCasesPageSchema,
  LaParamsSchema,
  LiveCasesSchema,
  LocalUsersSchema,
  MemberAnswerSchema,
  MemberChangeSchema,
  MemberParamsSchema,
  MeSchema,
  PageQuerySchema,
  SignInSettingsSchema,
} from './schemas.ts';
import { type WarningRouteContext, warningRoutes } from './warning-routes.ts';

/** A request as the API's handlers see it, whatever web framework carried it (server/api-adapter.ts). */
export interface ApiRequest {
  readonly params: Readonly<Record<string, string>>;
  /** The query string's parameters (the last of a repeated name). */
  readonly query?: Readonly<Record<string, string>>;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The parsed JSON body of a POST; unchecked until the route's `body` schema has checked it. */
  readonly body?: unknown;
}

export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  /** A file instead of JSON (an .ics download): `body` is then its text. */
  readonly file?: { readonly contentType: string; readonly name: string };
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
  readonly method: 'get' | 'post' | 'put' | 'delete';
  /** An OpenAPI path template: `/api/cases/{laCode}/{caseId}`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  /** Whether the caller must be signed in (the `X-Ehc-User` header in local mode). */
  readonly signedIn: boolean;
  readonly params?: z.ZodObject;
  readonly query?: z.ZodObject;
  /** The JSON body a POST takes, checked with it before the handler runs; documented as the request body. */
  readonly body?: { readonly description: string; readonly schema: z.ZodType };
  readonly responses: Readonly<Record<number, ResponseDoc>>;
  handle(request: ApiRequest): Promise<ApiResponse>;
}

export interface ApiContext {
  readonly mode: Mode;
  readonly directory: UserDirectory;
  readonly caseload: CaseloadDeps;
  /** The writes: commands on a case's review (arrange-routes.ts). */
  readonly commands: ArrangeDeps;
  /** The contribute stage's reads and writes (contribute-routes.ts). */
  readonly contribute?: ContributeDeps;
  /** Azure mode: how the tab's token is checked. */
  readonly sso?: SsoCheck;
  /** Azure mode: the directory the LA runs, and its routes. */
  readonly laDirectory?: LaDirectory;
  /** The channel tab's configuration page: channel links (channel-routes.ts). */
  readonly channels?: Pick<ChannelRouteContext, 'deps' | 'localTeams'>;
  /** Muting a case's warnings, and the deadline check on demand (warning-routes.ts). */
  readonly warnings?: Pick<WarningRouteContext, 'mutes' | 'runDeadlineCheck' | 'laConfig'>;
  /** What the tab needs to sign in (`GET /api/sign-in`). */
  readonly signInSettings: z.output<typeof SignInSettingsSchema>;
}

const ERROR_RESPONSES = {
  400: {
    description: 'A parameter is not valid; `problems` names it. Nothing was changed.',
    schema: ErrorBodySchema,
  },
  401: {
    description:
      'UNKNOWN_USER: no user, an invalid or expired token, or one the directory does not admit; `problems` says which.',
    schema: ErrorBodySchema,
  },
  503: {
    description:
      'AUDIT_UNAVAILABLE: the read could not be recorded in the audit log, so nothing is returned. ' +
      'SIGN_IN_UNAVAILABLE: Entra ID’s signing keys could not be fetched in time. Try again.',
    schema: ErrorBodySchema,
  },
} as const satisfies Record<number, ResponseDoc>;

export function apiRoutes(context: ApiContext): ApiRoute[] {
  const { mode, directory, caseload, sso, laDirectory, signInSettings } = context;
  const signIn = async (request: ApiRequest): Promise<DirectoryUser> =>
    authenticate(request.headers, mode, directory, sso);
  const readerOf = (user: DirectoryUser): Reader => ({
    actor: actorOf(user),
    accountKey: accountKey(user.identity),
    via: 'api',
  });
  const today = () => londonDate(caseload.now());

  return [
    ...readRoutes(),
    ...arrangeRoutes({ mode, signIn, readerOf, deps: context.commands }),
    ...(context.contribute ? contributeRoutes({ signIn, readerOf, deps: context.contribute }) : []),
    ...(laDirectory ? directoryRoutes(laDirectory, signIn) : []),
    ...(context.channels ? channelRoutes({ mode, signIn, ...context.channels }) : []),
    ...(context.warnings
      ? warningRoutes({
          mode,
          signIn,
          readerOf,
          audit: caseload.audit,
          now: caseload.now,
          ...context.warnings,
        })
      : []),
  ];

  function readRoutes(): ApiRoute[] {
    return [
      {
        method: 'get',
        path: '/api/sign-in',
        operationId: 'getSignInSettings',
        summary: 'How the tab signs in',
        description:
          'Local mode: the demo users’ picker. Azure mode: the app registration for Teams SSO and MSAL.',
        signedIn: false,
        responses: { 200: { description: 'The settings.', schema: SignInSettingsSchema } },
        async handle() {
          return { status: 200, body: signInSettings };
        },
      },
      {
        method: 'get',
        path: '/api/me',
        operationId: 'getMe',
        summary: 'The signed-in user',
        signedIn: true,
        responses: {
          200: { description: 'The user and the mode.', schema: MeSchema },
          401: ERROR_RESPONSES[401],
          503: ERROR_RESPONSES[503],
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
          403: {
            description: 'NOT_ALLOWED: the user is not an officer of this LA.',
            schema: ErrorBodySchema,
          },
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
}

/** The path parameters, checked; INVALID_INPUT naming each bad one otherwise. */
export function checkParams<S extends z.ZodObject>(
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

/** `value` checked with `schema`; INVALID_INPUT naming each bad field (under `where`) otherwise. */
export function checked<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ReviewError(
    'INVALID_INPUT',
    parsed.error.issues.map((issue) => ({
      where: where === 'path' ? issue.path.join('.') || 'path' : [where, ...issue.path].join('.'),
      message: issue.message,
    })),
  );
}

/** The routes of the LA's directory page: its admins list, add, change and remove people. */
function directoryRoutes(
  laDirectory: LaDirectory,
  signIn: (request: ApiRequest) => Promise<DirectoryUser>,
): ApiRoute[] {
  const editorOf = async (request: ApiRequest) => {
    const user = await signIn(request);
    return { actor: actorOf(user), accountKey: accountKey(user.identity) };
  };
  const forbidden = {
    description: 'NOT_ALLOWED: the user is not an admin of this LA.',
    schema: ErrorBodySchema,
  };
  return [
    {
      method: 'get',
      path: '/api/directory/{laCode}',
      operationId: 'getDirectory',
      summary: 'The people an LA has added and their roles there (its admins only)',
      description: 'Each LA sees only its own memberships. The read is recorded in the LA’s audit log.',
      signedIn: true,
      params: DirectoryParamsSchema,
      responses: {
        200: { description: 'The LA’s directory.', schema: DirectorySchema },
        ...ERROR_RESPONSES,
        403: forbidden,
      },
      async handle(request) {
        const editor = await editorOf(request);
        const { laCode } = checkParams(DirectoryParamsSchema, request.params);
        return { status: 200, body: { laCode, members: await laDirectory.members(editor, laCode) } };
      },
    },
    {
      method: 'put',
      path: '/api/directory/{laCode}/members',
      operationId: 'putMember',
      summary: 'Adds a person to an LA’s directory by email, or sets their roles there',
      description:
        'The person is bound to their Entra ID account the first time they sign in with a token whose ' +
        'verified address (upn, or email with xms_edov) is this one; after that the address grants nothing. ' +
        'Their roles in other LAs are not touched. Audited.',
      signedIn: true,
      params: DirectoryParamsSchema,
      body: { description: 'The person and the roles this LA gives them.', schema: MemberChangeSchema },
      responses: {
        200: { description: 'The member.', schema: MemberAnswerSchema },
        ...ERROR_RESPONSES,
        403: forbidden,
      },
      async handle(request) {
        const editor = await editorOf(request);
        const { laCode } = checkParams(DirectoryParamsSchema, request.params);
        const change = checked(MemberChangeSchema, request.body, 'body');
        return { status: 200, body: { member: await laDirectory.putMember(editor, laCode, change) } };
      },
    },
    {
      method: 'delete',
      path: '/api/directory/{laCode}/members/{memberId}',
      operationId: 'removeMember',
      summary: 'Removes a person from an LA’s directory: their access through it ends on their next request',
      signedIn: true,
      params: MemberParamsSchema,
      responses: {
        204: { description: 'Removed.' },
        ...ERROR_RESPONSES,
        403: forbidden,
        404: {
          description: 'MEMBER_NOT_FOUND: no such person in this LA’s directory.',
          schema: ErrorBodySchema,
        },
      },
      async handle(request) {
        const editor = await editorOf(request);
        const { laCode, memberId } = checkParams(MemberParamsSchema, request.params);
        await laDirectory.removeMember(editor, laCode, memberId);
        return { status: 204, body: undefined };
      },
    },
  ];
}
