import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDetail, REFUSED_READ_ACTION, type Reader } from '../../bot/src/caseload/caseload.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { accountKey, actorOf } from '../../bot/src/identity/user-directory.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { failingAuditLog, makeDemoCaseload } from '../api/factories.ts';
import { TEST_NOW, TEST_TODAY } from '../support/app.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

const today = plainDate(TEST_TODAY);
const parent = demoUser('parent-whitfield');
const reader: Reader = { actor: actorOf(parent), accountKey: accountKey(parent.identity), via: 'api' };

let cosmos: TestCosmos;
beforeAll(async () => {
  cosmos = await startTestCosmos();
});
afterAll(async () => {
  await cosmos?.teardown();
});

describe('a read refused as CASE_NOT_FOUND is audited, and the caller sees the same answer', () => {
  it('a case that is not theirs: who asked, for which key, when, and the answer', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const ref = { laCode: '999', caseId: 'NS-1001' };
    await expect(caseDetail(reader, ref, today, caseload)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    const { items } = await caseload.realAudit.listForCase(ref);
    expect(items.filter((entry) => entry.action === REFUSED_READ_ACTION)).toEqual([
      {
        at: TEST_NOW.toISOString(),
        actor: reader.accountKey,
        action: REFUSED_READ_ACTION,
        caseKey: '999/NS-1001',
        detail: { via: 'api', answer: 'CASE_NOT_FOUND', why: 'not-permitted' },
      },
    ]);
  });

  it('a case that does not exist is recorded under the key asked for', async () => {
    const caseload = await makeDemoCaseload(cosmos.db);
    const ref = { laCode: '999', caseId: 'NS-9999' };
    await expect(caseDetail(reader, ref, today, caseload)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    const { items } = await caseload.realAudit.listForCase(ref);
    expect(items).toMatchObject([{ action: REFUSED_READ_ACTION, detail: { why: 'no-such-case' } }]);
  });

  it('when the audit log is down, still answers CASE_NOT_FOUND (not 503) and logs it for the operator', async () => {
    const log = memoryLog();
    const caseload = { ...(await makeDemoCaseload(cosmos.db, (real) => failingAuditLog(real))), log };
    const ref = { laCode: '999', caseId: 'NS-1002' };
    await expect(caseDetail(reader, ref, today, caseload)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
    expect(log.lines.filter((line) => line.includes('a refused read was not audited'))).toHaveLength(1);
    expect(log.lines.join('\n')).toContain('caseKey="999/NS-1002"');
  });
});
