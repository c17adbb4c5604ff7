import type * as z from 'zod';
import type { AttachmentStore } from '../attachments/attachment-store.ts';
import type { CaseloadDeps } from '../caseload/caseload.ts';
import { readContribution } from '../caseload/contribution-read.ts';
import { runAdviceCommand } from '../caseload/run-advice-command.ts';
import { runCommand } from '../caseload/run-command.ts';
import type { CaseRef } from '../review/case.ts';
import type { AdviceContent, AdviceDocument } from '../review/contribute/advice.ts';
import type { Contribution } from '../review/contribute/contribution.ts';
import { isAdviceCommand } from '../review/decide.ts';
import type { AdviceStore } from '../store/advice-store.ts';
import { InviteeParamsSchema } from './arrange-schemas.ts';
import { attachmentRoutes } from './attachment-routes.ts';
import {
  COMMAND_ERRORS,
  type CommandRouteSpec,
  commandRoute,
  pick,
  REVIEW_PATH,
  type SignedIn,
  withoutUndefined,
} from './command-route.ts';
import {
  AdviceBodySchema,
  AllocateBodySchema,
  CommandOnlyBodySchema,
  ContributeAnswerSchema,
  ContributionSchema,
  ReasonBodySchema,
  RecordViewsBodySchema,
  RequestParamsSchema,
} from './contribute-schemas.ts';
import type { ApiRoute } from './routes.ts';
import { checkParams } from './routes.ts';
import { CaseParamsSchema } from './schemas.ts';

export interface ContributeDeps {
  readonly caseload: CaseloadDeps;
  readonly advice: AdviceStore;
  /** Where documents' bytes are (attachment-routes.ts); without it, no document routes. */
  readonly attachments?: AttachmentStore;
  readonly effectsQueued?: () => void;
}

interface ContributeRouteContext extends SignedIn {
  readonly deps: ContributeDeps;
}

/**
 * The contribute stage's routes (seeds: "Contribute Views"): the page's read and one POST per command,
 * each answering with the page as the caller now sees it.
 */
export function contributeRoutes(context: ContributeRouteContext): ApiRoute[] {
  const { deps } = context;
  const readDeps = { ...deps.caseload, advice: deps.advice };

  const command = <S extends z.ZodType, P extends z.ZodObject>(spec: CommandRouteSpec<S, P>) =>
    commandRoute(
      {
        signIn: context.signIn,
        readerOf: context.readerOf,
        answer: ContributeAnswerSchema,
        async run(reader, ref, reviewCommand) {
          const commandDeps = {
            ...deps.caseload,
            advice: deps.advice,
            ...(deps.effectsQueued ? { effectsQueued: deps.effectsQueued } : {}),
          };
          const answer = isAdviceCommand(reviewCommand)
            ? await runAdviceCommand(reader, ref, reviewCommand, commandDeps)
            : await runCommand(reader, ref, reviewCommand, commandDeps);
          const contribution = await readContribution(reader, ref, readDeps);
          return { result: answer.result, repeated: answer.repeated, contribution: publicView(contribution) };
        },
      },
      spec,
    );

  const adviceCommand =
    (type: 'saveAdvice' | 'submitAdvice') => (body: z.output<typeof AdviceBodySchema>) => ({
      id: body.commandId,
      type,
      ...(body.requestId ? { requestId: body.requestId } : {}),
      content: contentOf(body.content),
    });

  return [
    {
      method: 'get',
      path: `${REVIEW_PATH}/contribution`,
      operationId: 'getContribution',
      summary: 'The contribute stage: requests, the advice the reader may read, views, the gate',
      description:
        'A draft is shown to its writer alone. "Progress to meeting" is enabled only when every request is answered or closed and some advice is submitted (ADVICE_CIRCULATED).',
      signedIn: true,
      params: CaseParamsSchema,
      responses: {
        200: { description: 'The contribute page.', schema: ContributionSchema },
        ...pick(COMMAND_ERRORS, 401, 404, 503),
      },
      async handle(request) {
        const user = await context.signIn(request);
        const params = checkParams(CaseParamsSchema, request.params) as CaseRef;
        const contribution = await readContribution(context.readerOf(user), params, readDeps);
        return { status: 200, body: publicView(contribution) };
      },
    },
    command({
      path: `${REVIEW_PATH}/invitees/{inviteeId}/request-advice`,
      operationId: 'requestAdvice',
      summary: 'Request information from an invitee, or send an open, declined or closed request again',
      description:
        'Only invitees can be asked: to ask another team, go back to arrange and invite them (seed).',
      params: InviteeParamsSchema,
      body: CommandOnlyBodySchema,
      toCommand: (body, params) => ({
        id: body.commandId,
        type: 'requestAdvice',
        inviteeId: params.inviteeId,
      }),
    }),
    command({
      path: `${REVIEW_PATH}/requests/{requestId}/close`,
      operationId: 'closeRequest',
      summary: 'The SENCo closes a request that will not be answered, with a reason',
      description: 'A closed request no longer holds back "Progress to meeting".',
      params: RequestParamsSchema,
      body: ReasonBodySchema,
      toCommand: (body, params) => ({
        id: body.commandId,
        type: 'closeRequest',
        requestId: params.requestId,
        reason: body.reason,
      }),
    }),
    command({
      path: `${REVIEW_PATH}/requests/{requestId}/accept`,
      operationId: 'acceptRequest',
      summary: 'The professional asked, or the team’s allocator, accepts the request',
      description: 'Accepting does not answer it: the advice does.',
      params: RequestParamsSchema,
      body: CommandOnlyBodySchema,
      toCommand: (body, params) => ({
        id: body.commandId,
        type: 'acceptRequest',
        requestId: params.requestId,
      }),
    }),
    command({
      path: `${REVIEW_PATH}/requests/{requestId}/decline`,
      operationId: 'declineRequest',
      summary: 'The professional asked, or the team’s allocator, declines with a reason',
      description:
        'A declined request no longer holds back "Progress to meeting"; the SENCo may send it again.',
      params: RequestParamsSchema,
      body: ReasonBodySchema,
      toCommand: (body, params) => ({
        id: body.commandId,
        type: 'declineRequest',
        requestId: params.requestId,
        reason: body.reason,
      }),
    }),
    command({
      path: `${REVIEW_PATH}/requests/{requestId}/allocate`,
      operationId: 'allocateRequest',
      summary: 'A team’s allocator names the professional who will give the advice',
      description: 'Their name shows on the review, and they may then answer the request (seed).',
      params: RequestParamsSchema,
      body: AllocateBodySchema,
      toCommand: (body, params) => ({
        id: body.commandId,
        type: 'allocateRequest',
        requestId: params.requestId,
        professional: body.professional,
      }),
    }),
    command({
      path: `${REVIEW_PATH}/advice/draft`,
      operationId: 'saveAdvice',
      summary: 'Save the advice as a draft, which only its writer can see',
      description:
        'The whole form each time. Recorded on someone’s behalf (the SENCo, a team’s allocator), both people are kept.',
      params: CaseParamsSchema,
      body: AdviceBodySchema,
      toCommand: adviceCommand('saveAdvice'),
    }),
    command({
      path: `${REVIEW_PATH}/advice/submit`,
      operationId: 'submitAdvice',
      summary: 'Submit the advice: every outcome judged, each with commentary',
      description:
        '"Not able to comment" needs its reason. The same command id twice stores one submission. No advice once the review is at the meeting stage.',
      params: CaseParamsSchema,
      body: AdviceBodySchema,
      toCommand: adviceCommand('submitAdvice'),
    }),
    command({
      path: `${REVIEW_PATH}/views`,
      operationId: 'recordViews',
      summary: 'Record the child’s or the parent’s views, by them or on their behalf',
      description: 'Someone recording another person’s views says whose they are (`onBehalfOf`).',
      params: CaseParamsSchema,
      body: RecordViewsBodySchema,
      toCommand: (body) => ({
        id: body.commandId,
        type: 'recordViews',
        whose: body.whose,
        text: body.text,
        ...(body.onBehalfOf !== undefined ? { onBehalfOf: body.onBehalfOf } : {}),
      }),
    }),
    command({
      path: `${REVIEW_PATH}/progress-to-meeting`,
      operationId: 'progressToMeeting',
      summary: 'Progress to the meeting: the contribute stage’s gate; advice is circulated',
      description:
        'Refused (422 STAGE_GATE) while a request is neither answered nor closed, or no advice is submitted.',
      params: CaseParamsSchema,
      body: CommandOnlyBodySchema,
      toCommand: (body) => ({ id: body.commandId, type: 'progressToMeeting' }),
    }),
    ...(deps.attachments ? attachmentRoutes({ ...context, attachments: deps.attachments }) : []),
  ];
}

/** zod's optional fields as the domain's types leave them out. */
function contentOf(content: z.output<typeof AdviceBodySchema>['content']): AdviceContent {
  return {
    outcomes: content.outcomes.map((o) => withoutUndefined(o)),
    newOutcomes: content.newOutcomes,
    needs: content.needs,
    provision: content.provision,
  };
}

/** The page without the store's bookkeeping (and who uploaded each document, by account) (who wrote a draft, by account; the last command's id). */
export function publicView(contribution: Contribution) {
  return { ...contribution, advice: contribution.advice.map(publicAdvice) };
}

function publicAdvice(advice: AdviceDocument) {
  const { writtenBy: _w, lastCommandId: _l, laCode: _la, caseId: _c, reviewId: _r, ...rest } = advice;
  return { ...rest, attachments: rest.attachments.map(({ uploadedBy: _u, ...attachment }) => attachment) };
}
