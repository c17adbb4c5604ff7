import { randomUUID } from 'node:crypto';
import { type AttachmentStore, attachmentKey } from '../attachments/attachment-store.ts';
import { documentTypeOf } from '../attachments/document-type.ts';
import { type CaseRef, caseKey } from '../review/case.ts';
import { adviceKey } from '../review/contribute/advice.ts';
import { attachmentProblems } from '../review/contribute/attachment.ts';
import type { AttachDocument } from '../review/contribute/contribute-commands.ts';
import { decide } from '../review/decide.ts';
import { ReviewError } from '../review/errors.ts';
import { can, mayReadAdvice } from '../review/permissions.ts';
import { londonDate } from '../review/plain-date.ts';
import type { AdviceStore } from '../store/advice-store.ts';
import { type CaseloadDeps, type Reader, recorded, recordRefusal } from './caseload.ts';
import { type AdviceCommandDeps, runAdviceCommand } from './run-advice-command.ts';
import type { CommandAnswer } from './run-command.ts';

export interface Upload {
  readonly commandId: string;
  readonly requestId?: string;
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface UploadDeps extends AdviceCommandDeps {
  readonly store: AdviceCommandDeps['store'];
  readonly attachments: AttachmentStore;
  /** The attachment's random id (tests may fix it). */
  readonly newId?: () => string;
}

/**
 * Attaches an uploaded document to a piece of advice: its type read from its content, the command
 * decided before any byte is stored, the bytes stored under a random key, then the metadata written
 * beside the advice (run-advice-command.ts).
 *
 * @remarks Nothing is stored for someone the rules refuse, or for a file we do not accept. A repeat of
 * the same command id stores nothing again; bytes whose metadata was not written (a refusal on the
 * second decision, a repeat that raced this one) are removed, so no blob is left that nothing names.
 */
export async function uploadAttachment(
  writer: Reader,
  ref: CaseRef,
  upload: Upload,
  deps: UploadDeps,
): Promise<CommandAnswer> {
  const documentType = documentTypeOf(upload.bytes);
  const problems = attachmentProblems(upload.fileName, upload.bytes.length, documentType);
  if (problems.length > 0 || !documentType) throw new ReviewError('INVALID_INPUT', problems);
  const attachmentId = (deps.newId ?? randomUUID)();
  const command: AttachDocument = {
    id: upload.commandId,
    type: 'attachDocument',
    ...(upload.requestId ? { requestId: upload.requestId } : {}),
    attachmentId,
    fileName: upload.fileName,
    documentType,
    size: upload.bytes.length,
  };
  const stored = await deps.store.get(ref);
  if (!stored) throw new ReviewError('CASE_NOT_FOUND');
  const review = stored.file.review;
  const current = review ? await deps.advice.get(ref, review.id, adviceKey(upload.requestId)) : undefined;
  const today = londonDate(deps.now());
  const first = decide(
    stored.file,
    command,
    writer.actor,
    today,
    deps.policyFor(ref.laCode),
    current?.advice,
  );
  if (!first.ok) throw new ReviewError(first.code, first.problems);
  if (first.repeated || !review) return runAdviceCommand(writer, ref, command, deps);
  const key = attachmentKey(review.id, attachmentId);
  await deps.attachments.put(key, upload.bytes, DOCUMENT_CONTENT_TYPE);
  try {
    const answer = await runAdviceCommand(writer, ref, command, deps);
    if (!answer.advice?.attachments.some((a) => a.id === attachmentId)) await deps.attachments.remove(key);
    return answer;
  } catch (error) {
    await deps.attachments.remove(key).catch(() => undefined);
    throw error;
  }
}

/**
 * Blobs are stored as opaque bytes: the type a reader gets is the one the metadata records, which
 * came from the content (attachments/document-type.ts), so the store never serves a type it was told.
 */
const DOCUMENT_CONTENT_TYPE = 'application/octet-stream';

export interface Download {
  readonly bytes: Uint8Array;
  readonly fileName: string;
  readonly contentType: string;
}

/**
 * A document for someone who may read the advice it supports (permissions.ts `mayReadAdvice`: a
 * draft's documents are its writer's alone), audited by the attachment's id; otherwise
 * ATTACHMENT_NOT_FOUND, whether it does not exist or may not be read.
 */
export async function readAttachment(
  reader: Reader,
  ref: CaseRef,
  attachmentId: string,
  deps: CaseloadDeps & { readonly advice: AdviceStore; readonly attachments: AttachmentStore },
): Promise<Download> {
  const stored = await deps.store.get(ref);
  if (!stored || !can(reader.actor, 'case.read', stored.file)) {
    await recordRefusal(reader, ref, stored ? 'not-permitted' : 'no-such-case', deps);
    throw new ReviewError('CASE_NOT_FOUND');
  }
  const review = stored.file.review;
  const documents = review ? await deps.advice.listOfReview(ref, review.id) : [];
  const holder = documents.find((advice) => advice.attachments.some((a) => a.id === attachmentId));
  const attachment = holder?.attachments.find((a) => a.id === attachmentId);
  if (!review || !holder || !attachment || !mayReadAdvice(reader.actor, holder, stored.file)) {
    throw new ReviewError('ATTACHMENT_NOT_FOUND');
  }
  const bytes = await deps.attachments.get(attachmentKey(review.id, attachmentId));
  if (!bytes) throw new ReviewError('ATTACHMENT_NOT_FOUND');
  await recorded(() =>
    deps.audit.record({
      at: deps.now().toISOString(),
      actor: reader.accountKey,
      action: 'attachment.read',
      caseKey: caseKey(ref),
      detail: { via: reader.via, attachment: attachmentId, advice: holder.key },
    }),
  );
  return { bytes, fileName: attachment.fileName, contentType: attachment.contentType };
}
