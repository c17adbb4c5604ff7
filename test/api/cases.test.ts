import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDetailSchema, LiveCasesSchema, LocalUsersSchema, MeSchema } from '../../bot/src/api/schemas.ts';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { DEMO_USERS, type DemoUserId, demoUser } from '../../bot/src/demo/demo-users.ts';
import { DEMO_SETTINGS, DISABILITY_SERVICE, STAFF } from '../../bot/src/demo/northshire.ts';
import { accountKey, type DirectoryUser } from '../../bot/src/identity/user-directory.ts';
import { caseKey } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import {
  CosmosAuditLog,
  type ListReadDocument,
  readerPartition,
} from '../../bot/src/store/cosmos-audit-log.ts';
import { storesOver } from '../../bot/src/store/open-stores.ts';
import { startTestApp, TEST_NOW, TEST_TODAY, type TestApp } from '../support/app.ts';

/** Someone the directory knows who has nothing to do with any demo case: a SENCo of another school. */
const UNRELATED: DirectoryUser = {
  id: 'senco-elsewhere',
  name: 'Pat Elsewhere',
  email: 'pat@elsewhere-school.example',
  description: 'SENCo, a school with no cases here',
  identity: {
    tenantId: '11111111-2222-3333-4444-555555555555',
    objectId: '66666666-7777-8888-9999-000000000000',
  },
  roles: [{ kind: 'senco', settingUrn: '900999', laCode: '999' }],
};

/** What each demo user should see, worked out from the demo data itself, not from the server's rules. */
function expectedCases(id: DemoUserId): string[] {
  const files = demoCaseFiles(plainDate(TEST_TODAY));
  const named = (email: string) =>
    files.filter(
      (file) =>
        file.review?.invitees.some((invitee) => invitee.person.email === email) ||
        file.review?.adviceRequests.some((request) => request.allocatedTo?.email === email) ||
        file.case.people.some((person) => person.role === 'parent' && person.email === email),
    );
  const pick = {
    'senco-harbour': () => files.filter((file) => file.case.settingUrn === DEMO_SETTINGS.harbour.urn),
    'senco-fellside': () => files.filter((file) => file.case.settingUrn === DEMO_SETTINGS.fellside.urn),
    'la-coordinator': () => files,
    'ep-lowe': () => named(STAFF.educationalPsychologist.email),
    'parent-whitfield': () => named(demoUser('parent-whitfield').email),
    // The allocator sees the cases whose invitations have gone out to the team's mailbox.
    'ds-allocator': () =>
      named(DISABILITY_SERVICE.email).filter((file) => file.review?.stage !== 'arranging'),
  }[id];
  return pick()
    .map((file) => file.case.caseId)
    .sort();
}

/** An LA officer of another LA, whose case ids are written with slashes, as some LAs write theirs. */
const OTHER_LA_OFFICER: DirectoryUser = {
  id: 'la-officer-998',
  name: 'Lee Otherford',
  email: 'lee.otherford@otherford.example',
  description: 'SEND officer, another LA',
  identity: {
    tenantId: '22222222-3333-4444-5555-666666666666',
    objectId: '77777777-8888-9999-0000-111111111111',
  },
  roles: [{ kind: 'la-officer', laCode: '998' }],
};

/** A fictional case of LA 998 with the id `caseId`, naming no one (so no demo user is linked to it). */
function otherLaCase(caseId: string): CaseFile {
  return {
    case: {
      laCode: '998',
      caseId,
      settingUrn: '900998',
      child: { name: 'Robin Slashford', dateOfBirth: plainDate('2015-06-01') },
      planIssuedOn: plainDate('2024-02-12'),
      outcomes: [],
      people: [],
      views: {},
    },
  };
}

/** The list-read documents in `actor`'s own partition of the audit log, as stored. */
async function listDocumentsOf(actor: string): Promise<ListReadDocument[]> {
  const { resources } = await t.cosmos.db.audit.items
    .query<ListReadDocument>({
      query: 'SELECT * FROM c WHERE c.caseKey = @reader',
      parameters: [{ name: '@reader', value: readerPartition(actor) }],
    })
    .fetchAll();
  return resources;
}

/** How many audit documents there are, in every partition (cases' and readers'). */
async function auditEntryCount(): Promise<number> {
  const { resources } = await t.cosmos.db.audit.items.readAll().fetchAll();
  return resources.length;
}

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ extraUsers: [UNRELATED, OTHER_LA_OFFICER] });
});
afterAll(async () => {
  await t?.teardown();
});

describe('GET /api/cases: each user sees exactly their live cases', () => {
  it.each(DEMO_USERS.map((user) => [user.id, user.description] as const))(
    '%s (%s) sees exactly the cases of their relation to them',
    async (id) => {
      const { status, body } = await t.get('/api/cases', id);
      expect(status).toBe(200);
      const parsed = LiveCasesSchema.parse(body);
      expect(parsed.today).toBe(TEST_TODAY);
      expect(parsed.cases.map((c) => c.caseId).sort()).toEqual(expectedCases(id));
    },
  );

  it('gives the demo roles the caseloads the demo promises', async () => {
    const counts = await Promise.all(
      DEMO_USERS.map(
        async (user) => LiveCasesSchema.parse((await t.get('/api/cases', user.id)).body).cases.length,
      ),
    );
    expect(Object.fromEntries(DEMO_USERS.map((user, i) => [user.id, counts[i]]))).toEqual({
      'senco-harbour': 16,
      'senco-fellside': 14,
      'la-coordinator': 30,
      'ep-lowe': 6,
      'parent-whitfield': 1,
      'ds-allocator': 18,
    });
  });

  it('lists the most urgent first: anything overdue, then by the next due date', async () => {
    const { cases } = LiveCasesSchema.parse((await t.get('/api/cases', 'la-coordinator')).body);
    const overdue = cases.map((c) => c.overdue.length > 0);
    expect(overdue.indexOf(false)).toBeGreaterThan(0);
    expect(overdue.slice(overdue.indexOf(false))).not.toContain(true);
    const dues = cases
      .filter((c) => c.overdue.length === 0 && c.nextAction.due)
      .map((c) => c.nextAction.due ?? '');
    expect(dues).toEqual([...dues].sort());
  });

  it('names each setting', async () => {
    const { cases } = LiveCasesSchema.parse((await t.get('/api/cases', 'senco-fellside')).body);
    expect(new Set(cases.map((c) => c.settingName))).toEqual(new Set(['Fellside Academy']));
  });

  it('records the list as one audit entry in the reader’s partition, naming every case in the order shown', async () => {
    const user = demoUser('parent-whitfield');
    const actor = accountKey(user.identity);
    const before = new Set((await listDocumentsOf(actor)).map((d) => d.id));
    const { cases } = LiveCasesSchema.parse((await t.get('/api/cases', user.id)).body);
    const added = (await listDocumentsOf(actor)).filter((d) => !before.has(d.id));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      actor,
      action: 'case.list',
      caseKeys: cases.map((c) => caseKey(c)),
      detail: { via: 'api', count: cases.length },
    });
    expect(JSON.stringify(added)).not.toMatch(/Whitfield|@/);
  });

  it('answers "who has listed this case" from the list entries, and writes none in the case’s own log', async () => {
    const user = demoUser('parent-whitfield');
    await t.get('/api/cases', user.id);
    const audit = new CosmosAuditLog(t.cosmos.db.audit);
    const ref = { laCode: '999', caseId: 'NS-1016' };
    const { items } = await audit.listReadsOf(ref);
    expect(items).toContainEqual({
      at: TEST_NOW.toISOString(),
      actor: accountKey(user.identity),
      via: 'api',
      count: 1,
    });
    const own = (await audit.listForCase(ref)).items;
    expect(own.filter((e) => e.action === 'case.list')).toEqual([]);
  });

  it('writes one audit document however long the list: the coordinator’s 30 cases', async () => {
    const before = await auditEntryCount();
    const { cases } = LiveCasesSchema.parse((await t.get('/api/cases', 'la-coordinator')).body);
    expect(cases).toHaveLength(30);
    expect(await auditEntryCount()).toBe(before + 1);
  });
});

describe('GET /api/cases/{laCode}/{caseId}', () => {
  it('answers a case the user may read with its summary and clock', async () => {
    const { status, body } = await t.get('/api/cases/999/NS-1016', 'parent-whitfield');
    expect(status).toBe(200);
    const detail = CaseDetailSchema.parse(body);
    expect(Object.keys(detail)).toEqual(['today', 'summary', 'clock']);
    expect(detail.summary).toMatchObject({
      caseId: 'NS-1016',
      childName: 'Leo Whitfield',
      stage: 'contributing',
    });
    expect(detail.clock.dates.review_by?.rule).toBe('REVIEW_DUE');
    expect(detail.clock.dates.advice_by?.rule).toBe('ADVICE_CIRCULATED');
  });

  it('carries the server’s today, the one its dates were counted from, as the list does', async () => {
    const detail = await t.get('/api/cases/999/NS-1016', 'parent-whitfield');
    const list = await t.get('/api/cases', 'parent-whitfield');
    expect(CaseDetailSchema.parse(detail.body).today).toBe(TEST_TODAY);
    expect(LiveCasesSchema.parse(list.body).today).toBe(TEST_TODAY);
  });

  it('answers 404, not 403, for a case the user may not read, and records no read', async () => {
    const ref = { laCode: '999', caseId: 'NS-1001' };
    const audit = new CosmosAuditLog(t.cosmos.db.audit);
    const before = (await audit.listForCase(ref)).items.filter((e) => e.action === 'case.read').length;
    const { status, body } = await t.get('/api/cases/999/NS-1001', 'parent-whitfield');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'CASE_NOT_FOUND', problems: [] } });
    const after = (await audit.listForCase(ref)).items.filter((e) => e.action === 'case.read').length;
    expect(after).toBe(before);
  });

  it('answers 404 for a case that does not exist, the same as one the user may not read', async () => {
    const missing = await t.get('/api/cases/999/NS-9999', 'senco-harbour');
    const hidden = await t.get('/api/cases/999/NS-1002', 'senco-harbour');
    expect(missing.status).toBe(404);
    expect(hidden.body).toEqual(missing.body);
  });

  it('reads a case id with a slash in it when it is URL-encoded', async () => {
    const { cases } = await storesOver(t.cosmos.db);
    await cases.create(otherLaCase('EHC/2024/017'));
    const path = `/api/cases/998/${encodeURIComponent('EHC/2024/017')}`;
    const { status, body } = await t.get(path, OTHER_LA_OFFICER.id);
    expect(status).toBe(200);
    expect(CaseDetailSchema.parse(body).summary).toMatchObject({
      laCode: '998',
      caseId: 'EHC/2024/017',
      childName: 'Robin Slashford',
    });
    const missing = await t.get(`/api/cases/998/${encodeURIComponent('EHC/2024/018')}`, OTHER_LA_OFFICER.id);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'CASE_NOT_FOUND' } });
    expect((await t.get(path, 'la-coordinator')).status).toBe(404);
  });
});

describe('a user with no relation to any case', () => {
  it('lists nothing', async () => {
    const { status, body } = await t.get('/api/cases', UNRELATED.id);
    expect(status).toBe(200);
    expect(LiveCasesSchema.parse(body).cases).toEqual([]);
  });

  it('reads nothing: 404 on a case id', async () => {
    const { status, body } = await t.get('/api/cases/999/NS-1001', UNRELATED.id);
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'CASE_NOT_FOUND' } });
  });
});

describe('who the user is', () => {
  it.each([
    ['no X-Ehc-User header', undefined],
    ['an id no demo user has', 'nobody-at-all'],
  ])('answers 401 UNKNOWN_USER to %s, naming the header', async (_, id) => {
    for (const path of ['/api/me', '/api/cases', '/api/cases/999/NS-1001']) {
      const { status, body } = await t.get(path, id);
      expect(status).toBe(401);
      expect(body).toMatchObject({
        error: { code: 'UNKNOWN_USER', problems: [{ where: 'X-Ehc-User', message: expect.any(String) }] },
      });
    }
  });

  it('GET /api/me names the user, their roles and the mode', async () => {
    const { status, body } = await t.get('/api/me', 'senco-harbour');
    expect(status).toBe(200);
    expect(MeSchema.parse(body)).toEqual({
      mode: 'local',
      user: {
        id: 'senco-harbour',
        name: 'Rosa Penhallow',
        email: 'rosa.penhallow@harbour-primary.example',
        roles: [{ kind: 'senco', settingUrn: '900001', laCode: '999' }],
      },
    });
  });

  it('GET /api/sign-in says local mode: the tab offers the picker', async () => {
    expect(await t.get('/api/sign-in')).toMatchObject({ status: 200, body: { mode: 'local' } });
  });

  it('GET /api/local/users lists the demo users without sign-in', async () => {
    const { status, body } = await t.get('/api/local/users');
    expect(status).toBe(200);
    const { users } = LocalUsersSchema.parse(body);
    expect(users.map((u) => u.id)).toEqual([
      ...DEMO_USERS.map((u) => u.id),
      UNRELATED.id,
      OTHER_LA_OFFICER.id,
    ]);
    expect(users.every((u) => u.email.endsWith('.example'))).toBe(true);
  });
});

describe('bad parameters', () => {
  it.each([
    ['laCode', '/api/cases/ABC/NS-1001'],
    ['laCode', '/api/cases/9999/NS-1001'],
    ['caseId', `/api/cases/999/${'x'.repeat(65)}`],
    ['caseId', `/api/cases/999/${encodeURIComponent('NS\u00071001')}`],
  ])('answer 400 INVALID_INPUT naming %s (%s), and change nothing', async (field, path) => {
    const before = await auditEntryCount();
    expect(before).toBeGreaterThan(0); // the demo's own case.create entries: the count sees them
    const { status, body } = await t.get(path, 'la-coordinator');
    expect(status).toBe(400);
    expect(body).toMatchObject({ error: { code: 'INVALID_INPUT', problems: [{ where: field }] } });
    expect(await auditEntryCount()).toBe(before);
  });

  it('answers an unknown API address with a JSON 404, never the tab', async () => {
    const { status, body } = await t.get('/api/nothing-here', 'la-coordinator');
    expect(status).toBe(404);
    expect(body).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });

  it('answers a wrong method with a JSON 405', async () => {
    const response = await fetch(`${t.app.url}/api/cases`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ error: { code: 'METHOD_NOT_ALLOWED' } });
  });

  it('keeps personal data out of the log', async () => {
    await t.get('/api/cases', 'parent-whitfield');
    const text = t.log.lines.join('\n');
    for (const user of DEMO_USERS) {
      expect(text).not.toContain(user.email);
      expect(text).not.toContain(user.name);
    }
    for (const file of demoCaseFiles(plainDate(TEST_TODAY))) expect(text).not.toContain(file.case.child.name);
  });

  it('says once that this is local mode with fictional data', () => {
    expect(t.log.lines.filter((line) => /LOCAL MODE: fictional demo data/.test(line))).toHaveLength(1);
  });

  it('has the demo data once, with every case key unique', async () => {
    const { cases } = LiveCasesSchema.parse((await t.get('/api/cases', 'la-coordinator')).body);
    expect(new Set(cases.map((c) => caseKey(c))).size).toBe(30);
  });
});
