import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../bot/src/api/routes.ts';
import { caseDetail, liveCases, type Reader } from '../../bot/src/caseload/caseload.ts';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { DEMO_USERS, demoUser } from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import { accountKey, actorOf } from '../../bot/src/identity/user-directory.ts';
import { caseKey } from '../../bot/src/review/case.ts';
import { ERROR_CATALOGUE, ReviewError } from '../../bot/src/review/errors.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import type { CaseSummary } from '../../bot/src/review/summary.ts';
import { DEFAULT_HTTP_LIMITS } from '../../bot/src/server/http-limits.ts';
import { createHttpServer } from '../../bot/src/server/http-server.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { type ListReadDocument, readerPartition } from '../../bot/src/store/cosmos-audit-log.ts';
import { failingAuditLog, makeDemoCaseload } from '../api/factories.ts';
import { TEST_NOW, TEST_TODAY } from '../support/app.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

const today = plainDate(TEST_TODAY);
const coordinator = demoUser('la-coordinator');
const reader: Reader = {
  actor: actorOf(coordinator),
  accountKey: accountKey(coordinator.identity),
  via: 'api',
};

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => {
  await cosmos?.teardown();
});

/** The list-read documents in the reader's own partition of the audit log, as stored. */
async function listDocumentsOf(actor: string): Promise<ListReadDocument[]> {
  const { resources } = await cosmos.db.audit.items
    .query<ListReadDocument>({
      query: 'SELECT * FROM c WHERE c.caseKey = @reader',
      parameters: [{ name: '@reader', value: readerPartition(actor) }],
    })
    .fetchAll();
  return resources;
}

/** The demo caseload with an audit log that counts its writes (and lets every one through). */
async function countingCaseload() {
  let writes: readonly unknown[] = [];
  const caseload = await makeDemoCaseload(cosmos.db, (real) => {
    const counting = failingAuditLog(real, Number.POSITIVE_INFINITY);
    writes = counting.attempts;
    return counting;
  });
  return { caseload, writes };
}

/** The documents `write` adds to the reader's partition. */
async function addedBy(actor: string, write: () => Promise<unknown>): Promise<ListReadDocument[]> {
  const before = new Set((await listDocumentsOf(actor)).map((d) => d.id));
  await write();
  return (await listDocumentsOf(actor)).filter((d) => !before.has(d.id));
}

describe('a list of cases is audited as one entry naming every case on it', () => {
  it('the coordinator’s 30 cases are one write: one document in the reader’s partition, the cases in the order shown', async () => {
    const { caseload, writes } = await countingCaseload();
    let listed: CaseSummary[] = [];
    const added = await addedBy(reader.accountKey, async () => {
      listed = await liveCases(reader, today, caseload);
    });
    expect(listed).toHaveLength(30);
    expect(writes).toHaveLength(1);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      at: TEST_NOW.toISOString(),
      actor: reader.accountKey,
      action: 'case.list',
      caseKey: `reader:${reader.accountKey}`,
      caseKeys: listed.map((c) => caseKey(c)),
      part: 1,
      parts: 1,
      detail: { via: 'api', count: 30 },
    });
  });

  it('writes no entry in any listed case’s own partition', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const listed = await liveCases(reader, today, caseload);
    for (const summary of listed) {
      const { items } = await caseload.realAudit.listForCase(summary);
      expect(items.filter((e) => e.action === 'case.list')).toEqual([]);
    }
  });

  it('answers "which lists showed this case" with who, when and through what', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    await liveCases(reader, today, caseload);
    const { items } = await caseload.realAudit.listReadsOf({ laCode: '999', caseId: 'NS-1016' });
    expect(items).toContainEqual({
      at: TEST_NOW.toISOString(),
      actor: reader.accountKey,
      via: 'api',
      count: 30,
    });
  });

  it('records nothing for a list with no case on it: no one’s record was shown', async () => {
    const { caseload, writes } = await countingCaseload();
    const nobody: Reader = {
      actor: { roles: [{ kind: 'senco', settingUrn: '900999', laCode: '999' }] },
      accountKey: 'tenant-x/no-cases-here',
      via: 'bot',
    };
    expect(await liveCases(nobody, today, caseload)).toEqual([]);
    expect(writes).toEqual([]);
  });

  it('one case opened is still a case.read in that case’s own partition, and no list read', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const ref = { laCode: '999', caseId: 'NS-1016' };
    const reads = async () =>
      (await caseload.realAudit.listForCase(ref)).items.filter(
        (e) => e.action === 'case.read' && e.actor === reader.accountKey,
      ).length;
    const before = await reads();
    const added = await addedBy(reader.accountKey, () => caseDetail(reader, ref, today, caseload));
    expect(await reads()).toBe(before + 1);
    expect(added).toEqual([]);
  });
});

describe('when the audit log cannot record a read (every read of a child’s record is audited)', () => {
  it('the live list fails closed with AUDIT_UNAVAILABLE when its list entry cannot be written', async () => {
    const caseload = await makeDemoCaseload(cosmos.db, (real) => failingAuditLog(real));
    const error = await liveCases(reader, today, caseload).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReviewError);
    expect(error).toMatchObject({
      code: 'AUDIT_UNAVAILABLE',
      message: ERROR_CATALOGUE.AUDIT_UNAVAILABLE.message,
    });
    expect((error as ReviewError).cause).toEqual(new Error('the audit store is unavailable (503)'));
  });

  it('one case’s detail fails closed the same way', async () => {
    const caseload = await makeDemoCaseload(cosmos.db, (real) => failingAuditLog(real));
    await expect(
      caseDetail(reader, { laCode: '999', caseId: 'NS-1016' }, today, caseload),
    ).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
  });
});

describe('the API, when the audit log cannot record a read', () => {
  let server: Server;
  let url: string;
  const log = memoryLog();
  beforeAll(async () => {
    const caseload = await makeDemoCaseload(cosmos.db, (real) => failingAuditLog(real));
    server = createHttpServer({
      mode: 'local',
      routes: apiRoutes({
        mode: 'local',
        directory: staticDirectory(DEMO_USERS),
        caseload,
        signInSettings: { mode: 'local' },
        commands: { caseload, bankHolidayOf: () => undefined },
      }),
      bot: async () => ({ status: 200 }),
      tabDir: '/nonexistent-tab',
      log,
      limits: DEFAULT_HTTP_LIMITS,
    }).node;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.closeAllConnections();
    });
  });

  it.each(['/api/cases', '/api/cases/999/NS-1016'])(
    'GET %s answers 503 AUDIT_UNAVAILABLE, saying nothing was shown, with no case data',
    async (path) => {
      const response = await fetch(`${url}${path}`, { headers: { 'X-Ehc-User': 'la-coordinator' } });
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        error: {
          code: 'AUDIT_UNAVAILABLE',
          message: 'Could not record this read in the audit log; nothing was shown. Try again.',
          problems: [],
        },
      });
      for (const file of demoCaseFiles(today)) expect(text).not.toContain(file.case.child.name);
    },
  );

  it('logs the code and the cause for the operator, and no personal data', () => {
    const lines = log.lines.filter((line) => line.includes('AUDIT_UNAVAILABLE'));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).toContain('the audit store is unavailable (503)');
    for (const file of demoCaseFiles(today)) expect(lines.join('\n')).not.toContain(file.case.child.name);
  });
});
