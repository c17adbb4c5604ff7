import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { laConfigAuditKey } from '../../bot/src/caseload/warning-policy.ts';
import { DEMO_LA } from '../../bot/src/demo/northshire.ts';
import type { DirectoryUser } from '../../bot/src/identity/user-directory.ts';
import type { AuditEntry } from '../../bot/src/store/audit-log.ts';
import { startTestApp, TEST_NOW, type TestApp } from '../support/app.ts';

const LA_ADMIN: DirectoryUser & { id: string } = {
  id: 'la-admin',
  name: 'Sam Okafor',
  email: 'sam.okafor@northshire.example',
  description: 'LA admin, Northshire',
  identity: {
    tenantId: '00000000-0000-4000-8000-000000000999',
    objectId: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  },
  roles: [{ kind: 'la-admin', laCode: DEMO_LA.code }],
};

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ extraUsers: [LA_ADMIN] });
});
afterAll(async () => {
  await t?.teardown();
});

const PATH = `/api/las/${DEMO_LA.code}/warning-policy`;

async function call(method: 'GET' | 'PUT', path: string, userId: string, body?: unknown) {
  const response = await fetch(`${t.app.url}${path}`, {
    method,
    headers: { 'X-Ehc-User': userId, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function auditOf(laCode: string): Promise<AuditEntry[]> {
  const { resources } = await t.cosmos.db.audit.items
    .query<AuditEntry>({
      query: 'SELECT * FROM c WHERE c.caseKey = @key',
      parameters: [{ name: '@key', value: laConfigAuditKey(laCode) }],
    })
    .fetchAll();
  return resources;
}

describe('when an LA warns of its dates (GET and PUT /api/las/{laCode}/warning-policy)', () => {
  it('until the LA chooses, its officers see the defaults', async () => {
    expect(await call('GET', PATH, 'la-coordinator')).toEqual({
      status: 200,
      body: {
        laCode: DEMO_LA.code,
        policy: { daysBefore: [28, 7, 0], overdueEveryDays: 7 },
        chosen: false,
        words: '4 weeks before, 1 week before and on the day, then every 7 days while overdue',
      },
    });
  });

  it('an officer sets it, in any order; it is kept longest lead first, shown to the LA’s admin, and audited', async () => {
    const set = await call('PUT', PATH, 'la-coordinator', { daysBefore: [0, 42, 14], overdueEveryDays: 3 });
    const view = {
      laCode: DEMO_LA.code,
      policy: { daysBefore: [42, 14, 0], overdueEveryDays: 3 },
      chosen: true,
      setAt: TEST_NOW.toISOString(),
      words: '6 weeks before, 2 weeks before and on the day, then every 3 days while overdue',
    };
    expect(set).toEqual({ status: 200, body: view });
    expect(await call('GET', PATH, 'la-admin')).toEqual({ status: 200, body: view });
    const entries = await auditOf(DEMO_LA.code);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'warnings.policy.set',
      detail: { via: 'api', daysBefore: '42,14,0', overdueEveryDays: '3' },
    });
    // The entry names the officer by account, never by name or address.
    expect(JSON.stringify(entries[0])).not.toMatch(/@|Coordinator/i);
  });

  it.each([
    [{ daysBefore: [], overdueEveryDays: 7 }, 'daysBefore', 'choose at least one warning'],
    [{ daysBefore: [7, 7], overdueEveryDays: 7 }, 'daysBefore.1', '7 days before is listed twice'],
    [{ daysBefore: [85], overdueEveryDays: 7 }, 'daysBefore.0', 'from 0 (the day itself) to 84'],
    [{ daysBefore: [7.5], overdueEveryDays: 7 }, 'daysBefore.0', 'whole number'],
    [{ daysBefore: [42, 35, 28, 21, 14, 7, 0], overdueEveryDays: 7 }, 'daysBefore', 'at most 6 warnings'],
    [{ daysBefore: [7], overdueEveryDays: 0 }, 'overdueEveryDays', 'from 1 to 28'],
    [{ daysBefore: [7] }, 'overdueEveryDays', 'required'],
    [{ daysBefore: '28,7', overdueEveryDays: 7 }, 'daysBefore', 'a list of days'],
    [{ daysBefore: [7], overdueEveryDays: 7, quietHours: true }, '', 'quietHours'],
  ])('refuses %j with 400 INVALID_INPUT naming %s, and changes nothing', async (body, where, words) => {
    const before = await call('GET', PATH, 'la-coordinator');
    const answer = await call('PUT', PATH, 'la-coordinator', body);
    expect(answer.status).toBe(400);
    const error = answer.body.error as { code: string; problems: { where: string; message: string }[] };
    expect(error.code).toBe('INVALID_INPUT');
    expect(
      error.problems.some((p) => p.where === (where || 'body') && `${p.where} ${p.message}`.includes(words)),
    ).toBe(true);
    expect(await call('GET', PATH, 'la-coordinator')).toEqual(before);
  });

  it('refuses a SENCo and an allocator with 403 WARNINGS_CONFIG_NOT_ALLOWED, reading and setting', async () => {
    const before = await call('GET', PATH, 'la-coordinator');
    for (const user of ['senco-harbour', 'ds-allocator', 'ep-lowe']) {
      for (const answer of [
        await call('GET', PATH, user),
        await call('PUT', PATH, user, { daysBefore: [1], overdueEveryDays: 1 }),
      ]) {
        expect(answer.status).toBe(403);
        expect(answer.body).toMatchObject({ error: { code: 'WARNINGS_CONFIG_NOT_ALLOWED' } });
      }
    }
    expect(await call('GET', PATH, 'la-coordinator')).toEqual(before);
  });

  it('keeps each LA to its own: the demo LA’s officer may not see or set another LA’s', async () => {
    const other = '/api/las/860/warning-policy';
    expect((await call('GET', other, 'la-coordinator')).status).toBe(403);
    expect(
      (await call('PUT', other, 'la-coordinator', { daysBefore: [7], overdueEveryDays: 7 })).status,
    ).toBe(403);
    expect(await auditOf('860')).toEqual([]);
  });

  it('answers 400 for an LA code that is not one', async () => {
    const answer = await call('GET', '/api/las/not-an-la/warning-policy', 'la-coordinator');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: { code: 'INVALID_INPUT', problems: [{ where: 'laCode' }] } });
  });
});
