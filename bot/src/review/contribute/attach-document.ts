import type { CaseFile } from '../case-file.ts';
import type { Review } from '../review.ts';
import { type AdviceDocument, adviceKey, EMPTY_ADVICE } from './advice.ts';
import { authorOf, indexed } from './advice-author.ts';
import { attachmentProblems, DOCUMENT_TYPES, displayName } from './attachment.ts';
import type { AttachDocument } from './contribute-commands.ts';
import type { ContributeContext, ContributeStep } from './decide-contribute.ts';

/** The stages at which documents may be attached (DESIGN.md section 2: still at the meeting). */
const ATTACHING_STAGES: readonly string[] = ['contributing', 'meeting'];

/**
 * Attaches a document's metadata to the advice it supports: beside the advice in its own document,
 * so a draft's attachments are as private as the draft (permissions.ts `mayReadAdvice` reads both).
 *
 * @remarks Whoever may write the advice may attach to it, and only the one writing it (a second
 * person recording on the author's behalf would otherwise add to someone else's draft). A submitted
 * advice's content is fixed; its attachments may still grow, at the meeting stage too.
 */
export function attachDocument(
  file: CaseFile,
  review: Review,
  command: AttachDocument,
  ctx: ContributeContext,
): ContributeStep {
  const current = ctx.advice;
  // Written by this very command before a crash (or the same attachment again): only the index is left.
  if (
    current &&
    (current.lastCommandId === command.id || current.attachments.some((a) => a.id === command.attachmentId))
  ) {
    return { ok: true, file: indexed(file, review, current), advice: current };
  }
  if (!ATTACHING_STAGES.includes(review.stage)) {
    return refuse('WRONG_STAGE', 'stage', `documents cannot be attached at the ${review.stage} stage`);
  }
  const who = authorOf(file, review, command.requestId, ctx);
  if (!who.ok) return who;
  if (current && current.writtenBy !== ctx.by) {
    return refuse(
      'EDIT_CONFLICT',
      'advice',
      'someone else is writing this advice on the author’s behalf: ask them to attach it',
    );
  }
  const problems = attachmentProblems(command.fileName, command.size, command.documentType);
  if (problems.length > 0) return { ok: false, code: 'INVALID_INPUT', problems };
  const attachment = {
    id: command.attachmentId,
    fileName: displayName(command.fileName, command.documentType),
    contentType: DOCUMENT_TYPES[command.documentType].contentType,
    size: command.size,
    uploadedBy: ctx.by,
    ...(ctx.actor.name ? { uploaderName: ctx.actor.name } : {}),
    uploadedOn: ctx.today,
  };
  const document: AdviceDocument = current
    ? { ...current, attachments: [...current.attachments, attachment], lastCommandId: command.id }
    : {
        key: adviceKey(command.requestId),
        laCode: file.case.laCode,
        caseId: file.case.caseId,
        reviewId: review.id,
        ...(command.requestId ? { requestId: command.requestId } : {}),
        author: who.author,
        ...(who.recordedBy ? { recordedBy: who.recordedBy } : {}),
        writtenBy: ctx.by,
        state: 'draft',
        content: EMPTY_ADVICE,
        attachments: [attachment],
        savedOn: ctx.today,
        lastCommandId: command.id,
      };
  return { ok: true, file: indexed(file, review, document), advice: document };
}

function refuse(code: 'WRONG_STAGE' | 'EDIT_CONFLICT', where: string, message: string): ContributeStep {
  return { ok: false, code, problems: [{ where, message }] };
}
