import type * as z from 'zod';
import type { CaseloadDeps } from '../caseload/caseload.ts';
import { readCase } from '../caseload/read-case.ts';
import { runCommand } from '../caseload/run-command.ts';
import type { SaveMeeting } from '../review/arrange/arrange-commands.ts';
import type { BankHolidayOf } from '../review/arrange/arrange-warnings.ts';
import { arrangementOf } from '../review/arrange/arrangement.ts';
import type { CaseFile } from '../review/case-file.ts';
import { ReviewError } from '../review/errors.ts';
import { londonDate } from '../review/plain-date.ts';
import {
  AbandonReviewBodySchema,
  AddInviteeBodySchema,
  ArrangementSchema,
  CommandAnswerSchema,
  InvitationParamsSchema,
  InvitationsSchema,
  InviteeParamsSchema,
  RemoveInviteeBodySchema,
  RequestInformationBodySchema,
  SaveMeetingBodySchema,
  SendInvitationsBodySchema,
  StartReviewBodySchema,
} from './arrange-schemas.ts';
import type { Mode } from './authenticate.ts';
import {
  COMMAND_ERRORS,
  type CommandRouteSpec,
  commandRoute,
  pick,
  REVIEW_PATH,
  type SignedIn,
  withoutUndefined,
} from './command-route.ts';
import type { ApiRequest, ApiResponse, ApiRoute } from './routes.ts';
import { checkParams } from './routes.ts';
import { CaseParamsSchema } from './schemas.ts';

export interface ArrangeDeps {
  readonly caseload: CaseloadDeps;
  readonly bankHolidayOf: BankHolidayOf;
  /** Told when a command queued effects: the dispatcher sends them soon. */
  readonly effectsQueued?: () => void;
  /** Local mode: the .ics file the local calendar wrote for an invitation, if any. */
  readonly invitationFile?: (
    file: CaseFile,
    invitationId: string,
  ) => Promise<{ readonly name: string; readonly text: string } | undefined>;
}

interface ArrangeRouteContext extends SignedIn {
  readonly mode: Mode;
  readonly deps: ArrangeDeps;
}

/**
 * The arrange stage's routes (seed: "Arrange the Annual Review"): one POST per command, each taking the
 * client's command id, and the reads of the arrangement and the invitations sent.
 *
 * @remarks Every command answers with the arrangement as it now is, so the client shows the server's
 * warnings and gate without a second request. The pattern for the later stages: a body schema, a
 * function from body to command, `runCommand`.
 */
export function arrangeRoutes(context: ArrangeRouteContext): ApiRoute[] {
  const { deps } = context;
  const policyFor = deps.caseload.policyFor;
  const today = () => londonDate(deps.caseload.now());
  const view = (file: CaseFile) => ({
    today: today(),
    ...arrangementOf(file, today(), policyFor(file.case.laCode), deps.bankHolidayOf),
  });

  const command = <S extends z.ZodType, P extends z.ZodObject>(spec: CommandRouteSpec<S, P>) =>
    commandRoute(
      {
        signIn: context.signIn,
        readerOf: context.readerOf,
        answer: CommandAnswerSchema,
        async run(reader, ref, reviewCommand) {
          const answer = await runCommand(reader, ref, reviewCommand, {
            ...deps.caseload,
            ...(deps.effectsQueued ? { effectsQueued: deps.effectsQueued } : {}),
          });
          return { result: answer.result, repeated: answer.repeated, arrangement: view(answer.file) };
        },
      },
      spec,
    );

  /** The case file, if the user may read it, its read audited; CASE_NOT_FOUND otherwise. */
  async function readFile(request: ApiRequest, params: z.ZodObject, what: string) {
    const user = await context.signIn(request);
    const checked = checkParams(params, request.params) as { laCode: string; caseId: string } & Record<
      string,
      string
    >;
    const file = await readCase(context.readerOf(user), checked, what, deps.caseload);
    return { file, params: checked };
  }

  const downloadOf = (path: string, id: string) =>
    context.mode === 'local' && deps.invitationFile
      ? `${path}/invitations/${encodeURIComponent(id)}/ics`
      : undefined;

  return [
    {
      method: 'get',
      path: REVIEW_PATH,
      operationId: 'getArrangement',
      summary:
        'The review’s arrangements: meeting, invitees, warnings, what blocks sending, the clock’s dates',
      signedIn: true,
      params: CaseParamsSchema,
      responses: {
        200: { description: 'The arrangement.', schema: ArrangementSchema },
        ...pick(COMMAND_ERRORS, 401, 404, 503),
      },
      async handle(request) {
        const { file } = await readFile(request, CaseParamsSchema, 'arrangement');
        return { status: 200, body: view(file) };
      },
    },
    command({
      path: `${REVIEW_PATH}/start`,
      operationId: 'startReview',
      summary: 'Start the review of a pending case',
      description:
        'Invitees are pre-filled from the previous review and the teams the LA always invites (seed: "check these remain relevant").',
      params: CaseParamsSchema,
      body: StartReviewBodySchema,
      toCommand: (body) => ({ id: body.commandId, type: 'startReview' }),
    }),
    command({
      path: `${REVIEW_PATH}/meeting`,
      operationId: 'saveMeeting',
      summary: 'Save the meeting’s date, times, venue and Teams option (a draft, or an edit after sending)',
      description:
        'After the invitations went out, everyone invited is sent an update. Warnings (a late date, a weekend, a bank holiday) never block.',
      params: CaseParamsSchema,
      body: SaveMeetingBodySchema,
      toCommand: (body) => ({
        id: body.commandId,
        type: 'saveMeeting',
        meeting: withoutUndefined(body.meeting) as SaveMeeting['meeting'],
        ...(body.seen ? { seen: withoutUndefined(body.seen) as SaveMeeting['meeting'] } : {}),
      }),
    }),
    command({
      path: `${REVIEW_PATH}/invitees`,
      operationId: 'addInvitee',
      summary:
        'Invite a parent, carer or guardian, a professional (a person or a team’s mailbox), or named staff',
      description:
        'The invitee gets an id that is never reused. After sending, an update adds them to the event.',
      params: CaseParamsSchema,
      body: AddInviteeBodySchema,
      toCommand: (body) => ({
        id: body.commandId,
        type: 'addInvitee',
        person: withoutUndefined(body.person),
        ...(body.requestInformation !== undefined ? { requestInformation: body.requestInformation } : {}),
      }),
    }),
    command({
      path: `${REVIEW_PATH}/invitees/{inviteeId}/remove`,
      operationId: 'removeInvitee',
      summary: 'Remove an invitee; a team the LA always invites needs a reason',
      description: 'After sending, an update removes them from the event.',
      params: InviteeParamsSchema,
      body: RemoveInviteeBodySchema,
      toCommand: (body, params) => ({
        id: body.commandId,
        type: 'removeInvitee',
        inviteeId: params.inviteeId,
        ...(body.reason !== undefined ? { reason: body.reason } : {}),
      }),
    }),
    command({
      path: `${REVIEW_PATH}/invitees/{inviteeId}/request-information`,
      operationId: 'markRequestInformation',
      summary: 'Whether advice is requested from an invitee',
      description: 'Without it a team cannot accept, decline or allocate the request (seed).',
      params: InviteeParamsSchema,
      body: RequestInformationBodySchema,
      toCommand: (body, params) => ({
        id: body.commandId,
        type: 'markRequestInformation',
        inviteeId: params.inviteeId,
        requestInformation: body.requestInformation,
      }),
    }),
    command({
      path: `${REVIEW_PATH}/invitations`,
      operationId: 'sendInvitations',
      summary: 'Confirm and send the invitations: the arrange stage’s gate',
      description:
        'Checks the gate (INVITE_NOTICE, INVITEES, the LA’s always-invited teams) and queues one calendar event with every invitee; it is sent by the outbox dispatcher.',
      params: CaseParamsSchema,
      body: SendInvitationsBodySchema,
      toCommand: (body) => ({ id: body.commandId, type: 'sendInvitations' }),
    }),
    command({
      path: `${REVIEW_PATH}/abandon`,
      operationId: 'abandonReview',
      summary: 'Abandon the review: everything of it is deleted, the event cancelled',
      description:
        'The case returns to its previous due date. A content-free tombstone (who, when, the reason’s category, the event) stays until the cancel is sent.',
      params: CaseParamsSchema,
      body: AbandonReviewBodySchema,
      toCommand: (body) => ({ id: body.commandId, type: 'abandonReview', reason: body.reason }),
    }),
    {
      method: 'get',
      path: `${REVIEW_PATH}/invitations`,
      operationId: 'listInvitations',
      summary:
        'The invitations of the current review: invite, updates, their state; in local mode the .ics files',
      signedIn: true,
      params: CaseParamsSchema,
      responses: {
        200: { description: 'The invitations.', schema: InvitationsSchema },
        ...pick(COMMAND_ERRORS, 401, 404, 503),
      },
      async handle(request) {
        const { file, params } = await readFile(request, CaseParamsSchema, 'invitations');
        const path = `/api/cases/${encodeURIComponent(params.laCode)}/${encodeURIComponent(params.caseId)}/review`;
        const invitations = view(file).invitations.map((record) => {
          const download = record.state === 'done' ? downloadOf(path, record.id) : undefined;
          return download ? { ...record, download } : record;
        });
        return { status: 200, body: { invitations } };
      },
    },
    {
      method: 'get',
      path: `${REVIEW_PATH}/invitations/{invitationId}/ics`,
      operationId: 'getInvitationFile',
      summary: 'Local mode: the iCalendar file written for an invitation',
      description: 'Answers text/calendar. 404 in azure mode, where invitations go through Microsoft Graph.',
      signedIn: true,
      params: InvitationParamsSchema,
      responses: {
        200: { description: 'The .ics file (text/calendar).' },
        ...pick(COMMAND_ERRORS, 401, 404, 503),
      },
      async handle(request): Promise<ApiResponse> {
        const { file, params } = await readFile(request, InvitationParamsSchema, 'invitation-file');
        const found = deps.invitationFile
          ? await deps.invitationFile(file, params.invitationId ?? '')
          : undefined;
        if (!found)
          throw new ReviewError('CASE_NOT_FOUND', [{ where: 'invitationId', message: 'no such file' }]);
        return {
          status: 200,
          body: found.text,
          file: { contentType: 'text/calendar; charset=utf-8', name: found.name },
        };
      },
    },
  ];
}
