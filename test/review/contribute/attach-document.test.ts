import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import { EMPTY_ADVICE } from '../../../bot/src/review/contribute/advice.ts';
import { MAX_ATTACHMENT_BYTES } from '../../../bot/src/review/contribute/attachment.ts';
import { type Actor, actorKey } from '../../../bot/src/review/permissions.ts';
import { d } from '../factories.ts';
import {
  accept,
  contributing,
  fullAdvice,
  health,
  parentActor,
  pendingFile,
  people,
  psychologistTeam,
  requestTo,
  run,
  senco,
  TODAY,
} from './factories.ts';

/** Health's own account, named (the team's mailbox in the factories has no name). */
const namedHealth: Actor = { ...health, name: 'Hana Health' };

function attach(requestId: string | undefined, overrides: Record<string, unknown> = {}) {
  return {
    type: 'attachDocument' as const,
    ...(requestId ? { requestId } : {}),
    attachmentId: 'att-1',
    fileName: 'Therapy report.pdf',
    documentType: 'pdf',
    size: 2048,
    ...overrides,
  };
}

function healthRequest(file: CaseFile = contributing()) {
  return requestTo(file, people.health.email).id;
}

/** Every request but health's closed, health's advice submitted, and the review moved to the meeting. */
function atMeeting() {
  const file = contributing();
  const id = healthRequest(file);
  const submitted = accept(file, { type: 'submitAdvice', requestId: id, content: fullAdvice() }, health);
  let next = submitted.file;
  for (const other of next.review?.adviceRequests ?? []) {
    if (other.id !== id)
      next = accept(next, { type: 'closeRequest', requestId: other.id, reason: 'n/a' }).file;
  }
  return { file: accept(next, { type: 'progressToMeeting' }).file, advice: submitted.advice, id };
}

describe('attaching a document to advice', () => {
  it('a contributor’s first document starts their draft, holding the document’s metadata', () => {
    const file = contributing();
    const id = healthRequest(file);
    const attached = accept(file, attach(id, { id: 'c1' }), namedHealth);
    expect(attached.advice).toEqual({
      key: id,
      laCode: file.case.laCode,
      caseId: file.case.caseId,
      reviewId: file.review?.id,
      requestId: id,
      author: people.health,
      writtenBy: actorKey(health),
      state: 'draft',
      content: EMPTY_ADVICE,
      attachments: [
        {
          id: 'att-1',
          fileName: 'Therapy report.pdf',
          contentType: 'application/pdf',
          size: 2048,
          uploadedBy: actorKey(health),
          uploaderName: 'Hana Health',
          uploadedOn: TODAY,
        },
      ],
      savedOn: TODAY,
      lastCommandId: 'c1',
    });
    expect(attached.file.review?.advice).toEqual([
      { id, requestId: id, author: people.health, state: 'draft' },
    ]);
    expect(attached.result).toMatchObject({ command: 'attachDocument', reviewId: file.review?.id });
  });

  it('the document is named and typed by what it really is, and an unnamed uploader is not named', () => {
    const file = contributing();
    const attached = accept(
      file,
      attach(healthRequest(file), { fileName: 'C:\\scans\\letter.png', documentType: 'docx' }),
      health,
    );
    const [doc] = attached.advice?.attachments ?? [];
    expect(doc).toMatchObject({
      fileName: 'letter.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(doc && 'uploaderName' in doc).toBe(false);
  });

  it('the SENCo attaches to the setting’s own advice, which names no request', () => {
    const file = contributing();
    const attached = accept(file, attach(undefined), senco);
    expect(attached.advice).toMatchObject({ key: 'setting', author: { email: senco.email, role: 'senco' } });
    expect(attached.advice && 'requestId' in attached.advice).toBe(false);
    expect(attached.advice && 'recordedBy' in attached.advice).toBe(false);
    expect(attached.file.review?.advice).toEqual([
      { id: 'setting', author: attached.advice?.author, state: 'draft' },
    ]);
  });

  it('the SENCo attaching on a contributor’s behalf is kept as who recorded it', () => {
    const file = contributing();
    const attached = accept(file, attach(healthRequest(file)), senco);
    expect(attached.advice).toMatchObject({
      author: people.health,
      recordedBy: { email: senco.email, role: 'senco' },
      writtenBy: actorKey(senco),
    });
  });

  it('a later document joins the earlier ones, and the draft’s content is kept', () => {
    const file = contributing();
    const id = healthRequest(file);
    const saved = accept(file, { type: 'saveAdvice', requestId: id, content: fullAdvice() }, health);
    const second = accept(saved.file, attach(id, { id: 'c2' }), health, saved.advice, d('2025-01-22'));
    const third = accept(
      second.file,
      attach(id, { id: 'c3', attachmentId: 'att-2', fileName: 'Plan.docx', documentType: 'docx' }),
      health,
      second.advice,
    );
    expect(third.advice?.attachments.map((a) => [a.id, a.fileName, a.uploadedOn])).toEqual([
      ['att-1', 'Therapy report.pdf', d('2025-01-22')],
      ['att-2', 'Plan.docx', TODAY],
    ]);
    expect(third.advice).toMatchObject({ content: fullAdvice(), state: 'draft', lastCommandId: 'c3' });
    expect(third.file.review?.advice).toHaveLength(1);
  });

  it('submitted advice may still gain documents, at the meeting stage too; its content stays', () => {
    const { file, advice, id } = atMeeting();
    expect(file.review?.stage).toBe('meeting');
    const attached = accept(file, attach(id), health, advice);
    expect(attached.advice).toMatchObject({ state: 'submitted', content: fullAdvice() });
    expect(attached.advice?.attachments.map((a) => a.id)).toEqual(['att-1']);
    expect(attached.file.review?.advice).toMatchObject([{ id, state: 'submitted' }]);
  });

  it('cannot be attached before the invitations go out', () => {
    const started = accept(pendingFile(), { type: 'startReview' }).file;
    const decided = run(started, attach(undefined));
    expect(decided).toMatchObject({ ok: false, code: 'WRONG_STAGE', problems: [{ where: 'stage' }] });
  });

  it('only someone who may write the advice attaches to it', () => {
    const file = contributing();
    expect(run(file, attach(healthRequest(file)), psychologistTeam)).toMatchObject({
      ok: false,
      code: 'NOT_ALLOWED',
    });
    const closed = accept(file, {
      type: 'closeRequest',
      requestId: healthRequest(file),
      reason: 'Not needed',
    });
    expect(run(closed.file, attach(healthRequest(file)), health)).toMatchObject({
      ok: false,
      code: 'WRONG_STAGE',
    });
    expect(run(file, attach(undefined), parentActor)).toMatchObject({ ok: false });
  });

  it('a draft someone else is writing on the author’s behalf gains no document from the author', () => {
    const file = contributing();
    const id = healthRequest(file);
    const bySenco = accept(file, { type: 'saveAdvice', requestId: id, content: fullAdvice() }, senco);
    const decided = run(bySenco.file, attach(id), health, bySenco.advice);
    expect(decided).toMatchObject({ ok: false, code: 'EDIT_CONFLICT', problems: [{ where: 'advice' }] });
    expect(accept(bySenco.file, attach(id), senco, bySenco.advice).advice?.attachments).toHaveLength(1);
  });

  it('a document with problems is refused with each problem, and nothing is stored', () => {
    const file = contributing();
    const decided = run(
      file,
      attach(healthRequest(file), { fileName: ' ', size: MAX_ATTACHMENT_BYTES + 1 }),
      health,
    );
    expect(decided).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
    expect(!decided.ok && decided.problems.map((p) => p.where)).toEqual(['fileName', 'content']);
  });

  it('written before a crash: the same command again only re-indexes, adding no second copy', () => {
    const file = contributing();
    const id = healthRequest(file);
    const first = accept(file, attach(id, { id: 'c1' }), health);
    // The advice document was written, the case file was not: the command comes again on the old file.
    const again = accept(file, attach(id, { id: 'c1' }), health, first.advice);
    expect(again.advice).toBe(first.advice);
    expect(again.file.review?.advice).toEqual(first.file.review?.advice);
  });

  it('an upload sent again stores its bytes under a new attachment id, yet its command adds no second copy', () => {
    const file = contributing();
    const id = healthRequest(file);
    const first = accept(file, attach(id, { id: 'c1', attachmentId: 'att-1' }), health);
    const again = accept(file, attach(id, { id: 'c1', attachmentId: 'att-2' }), health, first.advice);
    expect(again.advice).toBe(first.advice);
    expect(again.advice?.attachments.map((a) => a.id)).toEqual(['att-1']);
  });

  it('the same attachment sent again under a new command is not added twice', () => {
    const file = contributing();
    const id = healthRequest(file);
    const first = accept(file, attach(id, { id: 'c1' }), health);
    const again = accept(first.file, attach(id, { id: 'c2' }), health, first.advice);
    expect(again.advice).toBe(first.advice);
    expect(again.advice?.attachments).toHaveLength(1);
  });

  it('a repeat is recognised even at a stage where attaching is no longer allowed', () => {
    const { file, advice, id } = atMeeting();
    const attached = accept(file, attach(id, { id: 'c9' }), health, advice);
    const done = {
      ...attached.file,
      review: attached.file.review && { ...attached.file.review, stage: 'decided' as const },
    };
    const again = accept(done, attach(id, { id: 'c10' }), health, attached.advice);
    expect(again.advice).toBe(attached.advice);
  });
});
