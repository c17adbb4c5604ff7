import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACT_REMINDER } from '../../bot/src/review/contribute/attachment.ts';
import { NO_MORE_ADVICE } from '../../bot/src/review/contribute/decide-contribute.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { compoundFile, ooxmlFile, PNG_FILE, pdfFile } from '../attachments/factories.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { startTestBlob, type TestBlob } from '../support/blob.ts';
import { SOCIAL_WORKER } from './factories.ts';

let t: TestApp;
let blob: TestBlob;
beforeAll(async () => {
  blob = await startTestBlob();
  t = await startTestApp({
    extraUsers: [SOCIAL_WORKER],
    env: { BLOB_CONNECTION_STRING: blob.connectionString },
  });
});
afterAll(async () => {
  await t?.teardown();
  await blob?.close();
});

/** NS-1016 (Leo Whitfield): contributing, the Disability Service's request r4 open. NS-1018: at the meeting. */
const REVIEW = '/api/cases/999/NS-1016/review';
const MEETING_REVIEW = '/api/cases/999/NS-1018/review';
let n = 0;
const id = () => {
  n += 1;
  return `attach-${String(n).padStart(4, '0')}`;
};

interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploaderName?: string;
  uploadedOn: string;
}
interface Answer {
  repeated: boolean;
  contribution: { advice: { key: string; state: string; attachments: Attachment[] }[] };
  error?: { code: string; problems: { where: string; message: string }[] };
}

async function upload(
  review: string,
  body: { fileName: string; bytes: Uint8Array; requestId?: string; commandId?: string },
  user: string,
) {
  const { bytes, commandId, ...rest } = body;
  const answer = await t.post(
    `${review}/attachments`,
    { commandId: commandId ?? id(), ...rest, content: Buffer.from(bytes).toString('base64') },
    user,
  );
  return { status: answer.status, body: answer.body as Answer };
}

async function download(review: string, attachmentId: string, user: string) {
  const response = await fetch(`${t.app.url}${review}/attachments/${attachmentId}`, {
    headers: { 'X-Ehc-User': user },
  });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

const attachmentsOf = (answer: Answer, key: string) =>
  answer.contribution.advice.find((a) => a.key === key)?.attachments ?? [];

describe('supporting documents, stored in Blob storage (Azurite)', () => {
  it('the SENCo attaches a PDF to the setting’s advice and downloads the same bytes', async () => {
    const file = pdfFile(2_000);
    const answer = await upload(
      REVIEW,
      { fileName: 'Leo Whitfield - OT report.pdf', bytes: file },
      'senco-harbour',
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [attached] = attachmentsOf(answer.body, 'setting');
    expect(attached).toMatchObject({
      fileName: 'Leo Whitfield - OT report.pdf',
      contentType: 'application/pdf',
      size: file.length,
      uploaderName: 'Rosa Penhallow',
      uploadedOn: '2026-11-23',
    });
    const got = await download(REVIEW, attached?.id ?? '', 'senco-harbour');
    expect(got.response.status).toBe(200);
    expect(got.response.headers.get('content-type')).toBe('application/pdf');
    expect(got.response.headers.get('content-disposition')).toContain("filename*=UTF-8''Leo%20Whitfield");
    expect(got.bytes).toEqual(file);
    // The key is the review's id and a random id: no child's name, no file name.
    const names = await blob.names();
    expect(names).toHaveLength(1);
    for (const name of names) {
      expect(name).toMatch(/^reviews\/rv-[^/]+\/[0-9a-f-]{36}$/);
      expect(name).not.toMatch(/whitfield|leo|report/i);
    }
    const audit = await new CosmosAuditLog(t.cosmos.db.audit).listForCase({
      laCode: '999',
      caseId: 'NS-1016',
    });
    expect(
      audit.items.some((e) => e.action === 'attachment.read' && e.detail?.attachment === attached?.id),
    ).toBe(true);
  });

  it('checks the type by content: a Word, an Excel and an old Word file pass, the name does not decide', async () => {
    for (const [fileName, bytes, type] of [
      ['plan.docx', ooxmlFile('word'), 'wordprocessingml.document'],
      ['figures.xlsx', ooxmlFile('excel'), 'spreadsheetml.sheet'],
      ['old.doc', compoundFile('WordDocument'), 'application/msword'],
      ['photo.txt', PNG_FILE, 'image/png'],
    ] as const) {
      const answer = await upload(REVIEW, { fileName, bytes }, 'senco-harbour');
      expect(answer.status, fileName).toBe(200);
      expect(attachmentsOf(answer.body, 'setting').at(-1)?.contentType, fileName).toContain(type);
    }
    // Named for what it is: a PNG sent as photo.txt is photo.png.
    const last = await t.get(`${REVIEW}/contribution`, 'senco-harbour');
    const names = (last.body as Answer['contribution']).advice.flatMap((a) =>
      a.attachments.map((x) => x.fileName),
    );
    expect(names).toContain('photo.png');
  });

  it('refuses text named .pdf, a macro-enabled document and a file over 10 MB; nothing is stored', async () => {
    const before = (await blob.names()).length;
    const text = await upload(
      REVIEW,
      { fileName: 'report.pdf', bytes: new TextEncoder().encode('not a pdf') },
      'senco-harbour',
    );
    expect(text.status).toBe(400);
    expect(text.body.error?.problems).toEqual([
      { where: 'content', message: expect.stringContaining('checked by what the file contains') },
    ]);
    const macro = await upload(
      REVIEW,
      { fileName: 'a.docx', bytes: ooxmlFile('word-macro') },
      'senco-harbour',
    );
    expect(macro.status).toBe(400);
    const big = await upload(
      REVIEW,
      { fileName: 'big.pdf', bytes: pdfFile(10 * 1024 * 1024) },
      'senco-harbour',
    );
    expect(big.status).toBe(400);
    expect(big.body.error?.problems).toEqual([{ where: 'content', message: 'at most 10 MB' }]);
    const notBase64 = await t.post(
      `${REVIEW}/attachments`,
      { commandId: id(), fileName: 'x.pdf', content: '%%%' },
      'senco-harbour',
    );
    expect(notBase64.status).toBe(400);
    expect((await blob.names()).length).toBe(before);
  });

  it('the same upload sent twice stores one document', async () => {
    const commandId = id();
    const first = await upload(
      REVIEW,
      { commandId, fileName: 'once.pdf', bytes: pdfFile() },
      'senco-harbour',
    );
    const blobs = (await blob.names()).length;
    const again = await upload(
      REVIEW,
      { commandId, fileName: 'once.pdf', bytes: pdfFile() },
      'senco-harbour',
    );
    expect(again.body.repeated).toBe(true);
    expect(attachmentsOf(again.body, 'setting').filter((a) => a.fileName === 'once.pdf')).toHaveLength(1);
    expect(attachmentsOf(first.body, 'setting').length).toBe(attachmentsOf(again.body, 'setting').length);
    expect((await blob.names()).length).toBe(blobs);
  });

  it('a draft’s document is its writer’s alone; someone not asked stores nothing', async () => {
    await t.post(
      `${REVIEW}/requests/r4/allocate`,
      { commandId: id(), professional: { name: SOCIAL_WORKER.name, email: SOCIAL_WORKER.email } },
      'ds-allocator',
    );
    const answer = await upload(
      REVIEW,
      { fileName: 'visit notes.pdf', bytes: pdfFile(), requestId: 'r4' },
      SOCIAL_WORKER.id,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const [attached] = attachmentsOf(answer.body, 'r4');
    expect((await download(REVIEW, attached?.id ?? '', SOCIAL_WORKER.id)).response.status).toBe(200);
    for (const other of ['senco-harbour', 'la-coordinator', 'ds-allocator']) {
      const got = await download(REVIEW, attached?.id ?? '', other);
      expect(got.response.status, other).toBe(404);
      const page = await t.get(`${REVIEW}/contribution`, other);
      expect(JSON.stringify(page.body), other).not.toContain('visit notes');
    }
    const before = (await blob.names()).length;
    // An invitee who was not asked for this request: they see the case, and may not attach to its advice.
    const invitee = await upload(REVIEW, { fileName: 'x.pdf', bytes: pdfFile(), requestId: 'r4' }, 'ep-lowe');
    expect(invitee.status).toBe(403);
    const notAsked = await upload(
      REVIEW,
      { fileName: 'x.pdf', bytes: pdfFile(), requestId: 'r4' },
      'senco-fellside',
    );
    expect(notAsked.status).toBe(404);
    expect((await blob.names()).length).toBe(before);
  });

  it('at the meeting stage no more advice, but documents can still be attached', async () => {
    const advice = await t.post(
      `${MEETING_REVIEW}/advice/submit`,
      { commandId: id(), content: { outcomes: [], newOutcomes: [], needs: [], provision: [] } },
      'senco-harbour',
    );
    expect(advice.status).toBe(422);
    expect(JSON.stringify(advice.body)).toContain(NO_MORE_ADVICE);
    const answer = await upload(
      MEETING_REVIEW,
      { fileName: 'brought to the meeting.pdf', bytes: pdfFile() },
      'senco-harbour',
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(attachmentsOf(answer.body, 'setting').map((a) => a.fileName)).toEqual([
      'brought to the meeting.pdf',
    ]);
  });

  it('the API says to redact other children’s names', async () => {
    const doc = (await t.get('/api/openapi.json')).body as {
      paths: Record<string, { post?: { description?: string } }>;
    };
    expect(doc.paths['/api/cases/{laCode}/{caseId}/review/attachments']?.post?.description).toContain(
      REDACT_REMINDER,
    );
  });
});
