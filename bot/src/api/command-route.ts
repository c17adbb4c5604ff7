import type * as z from 'zod';
import type { Reader } from '../caseload/caseload.ts';
import type { DirectoryUser } from '../identity/user-directory.ts';
import type { CaseRef } from '../review/case.ts';
import type { ReviewCommand } from '../review/decide.ts';
import { ReviewError } from '../review/errors.ts';
import type { ApiRequest, ApiRoute, ResponseDoc } from './routes.ts';
import { checkParams } from './routes.ts';
import { ErrorBodySchema } from './schemas.ts';

const error = (description: string): ResponseDoc => ({ description, schema: ErrorBodySchema });
export const COMMAND_ERRORS = {
  400: error(
    'INVALID_INPUT: a field of the body is not valid; each problem names it (`meeting.on`). Nothing changed.',
  ),
  401: error('UNKNOWN_USER.'),
  403: error('NOT_ALLOWED: the user may read the case but not do this.'),
  404: error('CASE_NOT_FOUND: no such case, or not one the user may read.'),
  409: error(
    'EDIT_CONFLICT: someone else changed the same field since the client loaded it (named in problems); STALE_WRITE: too many writers at once. Nothing changed.',
  ),
  422: error(
    'WRONG_STAGE or STAGE_GATE: not at this stage, or what blocks it (each problem names the rule).',
  ),
  503: error('AUDIT_UNAVAILABLE: done, but not yet audited. Send the same command id again.'),
} as const satisfies Record<number, ResponseDoc>;

/** What a stage's command route is: its address and words, its inputs and the command they make. */
export interface CommandRouteSpec<S extends z.ZodType, P extends z.ZodObject> {
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly description: string;
  readonly params: P;
  readonly body: S;
  readonly toCommand: (body: z.output<S>, params: z.output<P>) => ReviewCommand;
}

/** Where a case's review and its stages' commands are addressed. */
export const REVIEW_PATH = '/api/cases/{laCode}/{caseId}/review';

/** How a stage's routes know the caller: signed in, then read as a reader of cases. */
export interface SignedIn {
  readonly signIn: (request: ApiRequest) => Promise<DirectoryUser>;
  readonly readerOf: (user: DirectoryUser) => Reader;
}

/** How a stage signs the caller in, runs a command for them and words its answer. */
export interface CommandRouteStage extends SignedIn {
  /** The answer's schema, documented as the 200 response. */
  readonly answer: z.ZodType;
  /** Runs `command` for `reader` on the case `ref` and gives the answer's body. */
  readonly run: (reader: Reader, ref: CaseRef, command: ReviewCommand) => Promise<object>;
}

/**
 * A POST route for one command of a stage: the caller signed in, the path and the body checked by
 * their schemas (field-level problems, nothing changed), the command run, its answer given.
 *
 * @remarks Every stage's commands share this shape (DESIGN.md section 4: the client's command id in
 * the body makes a repeat change nothing), so each stage's routes file only says which command a
 * route makes and how the stage answers.
 */
export function commandRoute<S extends z.ZodType, P extends z.ZodObject>(
  stage: CommandRouteStage,
  spec: CommandRouteSpec<S, P>,
): ApiRoute {
  return {
    method: 'post',
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    signedIn: true,
    params: spec.params,
    body: { description: 'The command, with the client’s id for it.', schema: spec.body },
    responses: {
      200: { description: 'Done (or a repeat of it).', schema: stage.answer },
      ...COMMAND_ERRORS,
    },
    async handle(request) {
      const user = await stage.signIn(request);
      const params = checkParams(spec.params, request.params);
      const body = checkBody(spec.body, request.body);
      const ref: CaseRef = { laCode: params.laCode as string, caseId: params.caseId as string };
      const answer = await stage.run(stage.readerOf(user), ref, spec.toCommand(body, params));
      return { status: 200, body: answer };
    },
  };
}

/** The body, checked; INVALID_INPUT naming each bad field by its path in the body. */
export function checkBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  throw new ReviewError(
    'INVALID_INPUT',
    parsed.error.issues.map((issue) => ({ where: issue.path.join('.') || 'body', message: issue.message })),
  );
}

/** zod gives optional fields as `undefined`; the domain's types leave them out. */
export function withoutUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

export function pick<T extends Record<number, ResponseDoc>, K extends keyof T>(
  from: T,
  ...keys: K[]
): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, from[key]])) as Pick<T, K>;
}
