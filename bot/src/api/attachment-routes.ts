import type { AttachmentStore } from '../attachments/attachment-store.ts';
import { readAttachment, uploadAttachment } from '../caseload/attachments.ts';
import { readContribution } from '../caseload/contribution-read.ts';
import type { CaseRef } from '../review/case.ts';
import { REDACT_REMINDER } from '../review/contribute/attachment.ts';
import { COMMAND_ERRORS, checkBody, pick, REVIEW_PATH, type SignedIn } from './command-route.ts';
import type { ContributeDeps } from './contribute-routes.ts';
import { publicView } from './contribute-routes.ts';
import { AttachmentParamsSchema, ContributeAnswerSchema, UploadBodySchema } from './contribute-schemas.ts';
import type { ApiRoute } from './routes.ts';
import { checkParams } from './routes.ts';
import { CaseParamsSchema } from './schemas.ts';

interface AttachmentRouteContext extends SignedIn {
  readonly deps: ContributeDeps;
  readonly attachments: AttachmentStore;
}

/** The upload path, whose JSON body may be larger than any other (server/body-reader.ts). */
export const UPLOAD_PATH = `${REVIEW_PATH}/attachments`;

/**
 * Supporting documents: the upload, as JSON with the file base64-encoded, and the download.
 *
 * @remarks JSON rather than multipart: every state-changing request to this server is
 * `application/json`, which a plain HTML form on another site cannot send (body-reader.ts), and the
 * route's command id makes a retried upload store one document.
 */
export function attachmentRoutes(context: AttachmentRouteContext): ApiRoute[] {
  const { deps, attachments } = context;
  const readDeps = { ...deps.caseload, advice: deps.advice };
  return [
    {
      method: 'post',
      path: UPLOAD_PATH,
      operationId: 'uploadAttachment',
      summary: 'Attach a supporting document to a piece of advice (PDF, Word, Excel, an image)',
      description: `The type is checked by what the file contains, not its name. At most 10 MB. Allowed at the contribute and meeting stages; a draft's documents are its writer's alone until it is submitted. ${REDACT_REMINDER}`,
      signedIn: true,
      params: CaseParamsSchema,
      body: {
        description: 'The file, base64-encoded, with the client’s command id.',
        schema: UploadBodySchema,
      },
      responses: {
        200: { description: 'Attached (or a repeat of it).', schema: ContributeAnswerSchema },
        ...COMMAND_ERRORS,
      },
      async handle(request) {
        const user = await context.signIn(request);
        const ref = checkParams(CaseParamsSchema, request.params) as CaseRef;
        const body = checkBody(UploadBodySchema, request.body);
        const reader = context.readerOf(user);
        const answer = await uploadAttachment(
          reader,
          ref,
          {
            commandId: body.commandId,
            ...(body.requestId ? { requestId: body.requestId } : {}),
            fileName: body.fileName,
            bytes: Buffer.from(body.content, 'base64'),
          },
          { ...deps.caseload, advice: deps.advice, attachments },
        );
        const contribution = await readContribution(reader, ref, readDeps);
        return {
          status: 200,
          body: { result: answer.result, repeated: answer.repeated, contribution: publicView(contribution) },
        };
      },
    },
    {
      method: 'get',
      path: `${UPLOAD_PATH}/{attachmentId}`,
      operationId: 'downloadAttachment',
      summary: 'Download a supporting document',
      description:
        'For whoever may read the advice it supports: a draft’s documents are its writer’s alone. The read is audited.',
      signedIn: true,
      params: AttachmentParamsSchema,
      responses: {
        200: { description: 'The file, with the type its content was found to be.' },
        ...pick(COMMAND_ERRORS, 401, 503),
        404: { ...COMMAND_ERRORS[404], description: 'CASE_NOT_FOUND or ATTACHMENT_NOT_FOUND.' },
      },
      async handle(request) {
        const user = await context.signIn(request);
        const params = checkParams(AttachmentParamsSchema, request.params);
        const ref: CaseRef = { laCode: params.laCode, caseId: params.caseId };
        const file = await readAttachment(context.readerOf(user), ref, params.attachmentId, {
          ...readDeps,
          attachments,
        });
        return {
          status: 200,
          body: file.bytes,
          file: { contentType: file.contentType, name: file.fileName },
        };
      },
    },
  ];
}
