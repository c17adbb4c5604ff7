import type { Reader } from '../caseload/caseload.ts';
import { caseMuted, type MuteDeps, setCaseMuted } from '../caseload/warning-mutes.ts';
import { readWarningPolicy, setWarningPolicy, type WarningPolicyDeps } from '../caseload/warning-policy.ts';
import { actorOf, type DirectoryUser } from '../identity/user-directory.ts';
import { ReviewError } from '../review/errors.ts';
import { MUTE_LEAVES_ON } from '../review/mutes.ts';
import { mayRunDeadlineCheck } from '../review/permissions.ts';
import type { AuditLog } from '../store/audit-log.ts';
import type { Mode } from './authenticate.ts';
import {
  CaseMuteSchema,
  SweepReportSchema,
  WarningPolicySchema,
  WarningPolicyViewSchema,
} from './channel-schemas.ts';
import { checkBody, type SignedIn } from './command-route.ts';
import { type ApiRoute, checkParams, type ResponseDoc } from './routes.ts';
import { CaseParamsSchema, ErrorBodySchema, LaParamsSchema } from './schemas.ts';

/** What the deadline check reports (jobs/deadline-sweep.ts `SweepReport`). */
export type DeadlineCheckReport =
  | {
      readonly swept: true;
      readonly day: string;
      readonly cases: number;
      readonly recorded: number;
      readonly repeats: number;
    }
  | { readonly swept: false; readonly reason: 'lease-held' };

export interface WarningRouteContext extends SignedIn {
  readonly mode: Mode;
  readonly mutes: MuteDeps;
  /** Runs the deadline sweep once now (`DeadlineSweep.runOnce`). */
  readonly runDeadlineCheck?: () => Promise<DeadlineCheckReport>;
  /** Where each LA's choice of when to warn is kept (store/la-config.ts). */
  readonly laConfig: WarningPolicyDeps['config'];
  readonly audit: AuditLog;
  readonly now: () => Date;
}

const error = (description: string): ResponseDoc => ({ description, schema: ErrorBodySchema });
const ERRORS = {
  400: error('INVALID_INPUT: a parameter is not valid; `problems` names it. Nothing changed.'),
  401: error('UNKNOWN_USER.'),
  404: error('CASE_NOT_FOUND: no such case, or not one the user may read.'),
  503: error('AUDIT_UNAVAILABLE: done, but not yet audited. Send it again.'),
} as const;

/** The audit partition of the deadline check's runs on demand. */
export const DEADLINE_CHECK_AUDIT_KEY = 'jobs:deadline-check';

const MUTE_PATH = '/api/cases/{laCode}/{caseId}/warnings/mute';

/**
 * A user's mute of a case's warnings for themself, and "Run the deadline check now" (issue 13).
 *
 * @remarks What a mute silences is the domain's (review/mutes.ts); who may run the check is too
 * (permissions.ts `mayRunDeadlineCheck`: in local mode any demo user, otherwise an LA officer).
 */
export function warningRoutes(context: WarningRouteContext): ApiRoute[] {
  const readerOf = async (request: Parameters<SignedIn['signIn']>[0]): Promise<Reader> =>
    context.readerOf(await context.signIn(request));
  const muteRoute = (
    method: 'put' | 'delete',
    operationId: string,
    summary: string,
    muted: boolean,
  ): ApiRoute => ({
    method,
    path: MUTE_PATH,
    operationId,
    summary,
    description: `Only the user’s own personal messages about the case. ${MUTE_LEAVES_ON} Repeating it changes nothing. Audited.`,
    signedIn: true,
    params: CaseParamsSchema,
    responses: { 200: { description: 'The mute as it now is.', schema: CaseMuteSchema }, ...ERRORS },
    async handle(request) {
      const reader = await readerOf(request);
      const ref = checkParams(CaseParamsSchema, request.params);
      await setCaseMuted(reader, ref, muted, context.mutes);
      return { status: 200, body: { muted, stillSent: MUTE_LEAVES_ON } };
    },
  });
  return [
    {
      method: 'get',
      path: MUTE_PATH,
      operationId: 'getCaseWarningsMute',
      summary: 'Whether the user muted the case’s warnings for themself',
      signedIn: true,
      params: CaseParamsSchema,
      responses: { 200: { description: 'The mute.', schema: CaseMuteSchema }, ...ERRORS },
      async handle(request) {
        const reader = await readerOf(request);
        const ref = checkParams(CaseParamsSchema, request.params);
        return {
          status: 200,
          body: { muted: await caseMuted(reader, ref, context.mutes), stillSent: MUTE_LEAVES_ON },
        };
      },
    },
    muteRoute('put', 'muteCaseWarnings', 'Mutes the case’s warnings for the user', true),
    muteRoute('delete', 'unmuteCaseWarnings', 'Unmutes the case’s warnings for the user', false),
    ...warningPolicyRoutes(context, readerOf),
    ...(context.runDeadlineCheck ? [deadlineCheckRoute(context, context.runDeadlineCheck)] : []),
  ];
}

const POLICY_PATH = '/api/las/{laCode}/warning-policy';
const POLICY_FORBIDDEN = error(
  'WARNINGS_CONFIG_NOT_ALLOWED: the user is not an officer or admin of this LA.',
);

/** When an LA warns of its dates: its officers and admins read and set it (caseload/warning-policy.ts). */
function warningPolicyRoutes(
  context: WarningRouteContext,
  readerOf: (request: Parameters<SignedIn['signIn']>[0]) => Promise<Reader>,
): ApiRoute[] {
  const deps: WarningPolicyDeps = { config: context.laConfig, audit: context.audit, now: context.now };
  return [
    {
      method: 'get',
      path: POLICY_PATH,
      operationId: 'getWarningPolicy',
      summary: 'When the LA warns of its dates: the days before each, then how often while overdue',
      description:
        'For the LA’s officers and admins. Until the LA chooses, the defaults apply (`chosen` false).',
      signedIn: true,
      params: LaParamsSchema,
      responses: {
        200: { description: 'The LA’s warning policy.', schema: WarningPolicyViewSchema },
        400: ERRORS[400],
        401: ERRORS[401],
        403: POLICY_FORBIDDEN,
      },
      async handle(request) {
        const reader = await readerOf(request);
        const { laCode } = checkParams(LaParamsSchema, request.params);
        return { status: 200, body: await readWarningPolicy(reader, laCode, deps) };
      },
    },
    {
      method: 'put',
      path: POLICY_PATH,
      operationId: 'setWarningPolicy',
      summary: 'Sets when the LA warns of its dates, from the next deadline check on',
      description:
        'For the LA’s officers and admins. At least one warning before a date, at most 6, none more than 12 weeks ahead, no day twice; while overdue, every 1 to 28 days. Audited.',
      signedIn: true,
      params: LaParamsSchema,
      body: { description: 'The policy.', schema: WarningPolicySchema },
      responses: {
        200: { description: 'The LA’s warning policy as it now is.', schema: WarningPolicyViewSchema },
        400: error('INVALID_INPUT: a field is not valid; `problems` names each. Nothing changed.'),
        401: ERRORS[401],
        403: POLICY_FORBIDDEN,
        503: error('AUDIT_UNAVAILABLE: saved, but not yet audited. Send it again.'),
      },
      async handle(request) {
        const reader = await readerOf(request);
        const { laCode } = checkParams(LaParamsSchema, request.params);
        const policy = checkBody(WarningPolicySchema, request.body);
        return { status: 200, body: await setWarningPolicy(reader, laCode, policy, deps) };
      },
    },
  ];
}

/** "Run the deadline check now": the sweep's `runOnce`, for whoever the domain allows, audited. */
function deadlineCheckRoute(context: WarningRouteContext, run: () => Promise<DeadlineCheckReport>): ApiRoute {
  return {
    method: 'post',
    path: '/api/deadline-check',
    operationId: 'runDeadlineCheck',
    summary: 'Runs the deadline check now, as the daily job does, and says what it recorded',
    description:
      'Records each warning due today once (a warning recorded before is a repeat, not sent again); the dispatcher sends them. In local mode any demo user may; otherwise an LA officer. Audited.',
    signedIn: true,
    responses: {
      200: { description: 'What the check did.', schema: SweepReportSchema },
      401: ERRORS[401],
      403: error('DEADLINE_CHECK_NOT_ALLOWED: the user is not an LA officer.'),
      503: ERRORS[503],
    },
    async handle(request) {
      const user: DirectoryUser = await context.signIn(request);
      const scope = context.mode === 'local' ? 'demo' : 'live';
      if (!mayRunDeadlineCheck(actorOf(user), scope)) {
        throw new ReviewError('DEADLINE_CHECK_NOT_ALLOWED');
      }
      const report = await run();
      const { accountKey } = context.readerOf(user);
      try {
        await context.audit.record({
          at: context.now().toISOString(),
          actor: accountKey,
          action: 'deadline-check.run',
          caseKey: DEADLINE_CHECK_AUDIT_KEY,
          detail: report.swept
            ? { day: report.day, cases: report.cases, recorded: report.recorded, repeats: report.repeats }
            : { reason: report.reason },
        });
      } catch (cause) {
        throw new ReviewError(
          'AUDIT_UNAVAILABLE',
          [],
          'The check ran, but it could not be recorded in the audit log yet.',
          { cause },
        );
      }
      return { status: 200, body: report };
    },
  };
}
