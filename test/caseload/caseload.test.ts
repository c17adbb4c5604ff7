import type { AddressInfo } from 'node:net';
import type restify from 'restify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '../../bot/src/api/routes.ts';
import { caseDetail, liveCases, type Reader } from '../../bot/src/caseload/caseload.ts';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { DEMO_USERS, demoUser } from '../../bot/src/demo/demo-users.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import { accountKey, actorOf } from '../../bot/src/identity/user-directory.ts';
import { ERROR_CATALOGUE, ReviewError } from '../../bot/src/review/errors.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { createHttpServer } from '../../bot/src/server/http-server.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { failingAuditLog, makeDemoCaseload } from '../api/factories.ts';
import { TEST_TODAY } from '../support/app.ts';
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

describe('when the audit log cannot record a read (every read of a child’s record is audited)', () => {
  it('the live list fails closed with AUDIT_UNAVAILABLE when one of its 30 entries cannot be written', async () => {
    const caseload = await makeDemoCaseload(cosmos.db, (real) => failingAuditLog(real, 7));
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
  let server: restify.Server;
  let url: string;
  const log = memoryLog();
  beforeAll(async () => {
    const caseload = await makeDemoCaseload(cosmos.db, (real) => failingAuditLog(real, 3));
    server = createHttpServer({
      mode: 'local',
      routes: apiRoutes({ mode: 'local', directory: staticDirectory(DEMO_USERS), caseload }),
      bot: async () => {},
      tabDir: '/nonexistent-tab',
      log,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server?.close(() => resolve());
      server?.server.closeAllConnections();
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
