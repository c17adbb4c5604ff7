import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEADLINE_CHECK_AUDIT_KEY } from '../../bot/src/api/warning-routes.ts';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import { MUTE_LEAVES_ON } from '../../bot/src/review/mutes.ts';
import type { CaseSummary } from '../../bot/src/review/summary.ts';
import type { AuditEntry } from '../../bot/src/store/audit-log.ts';
import {
  type AzureTestApp,
  startAzureTestApp,
  startTestApp,
  TEST_TODAY,
  type TestApp,
} from '../support/app.ts';
import {
  ssoClaims,
  startTokenIssuer,
  TENANT_LA,
  TENANT_SCHOOL,
  type TokenIssuer,
} from '../support/token-issuer.ts';

let t: TestApp;
let harbourCase: CaseSummary;
beforeAll(async () => {
  t = await startTestApp();
  const { body } = await t.get('/api/cases', 'senco-harbour');
  const [first] = (body as { cases: CaseSummary[] }).cases;
  if (!first) throw new Error('the demo SENCo of Harbour Primary has no live case');
  harbourCase = first;
});
afterAll(async () => {
  await t?.teardown();
});

async function call(method: 'GET' | 'PUT' | 'DELETE' | 'POST', path: string, userId: string) {
  const response = await fetch(`${t.app.url}${path}`, { method, headers: { 'X-Ehc-User': userId } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const mutePath = (c: Pick<CaseSummary, 'laCode' | 'caseId'>) =>
  `/api/cases/${c.laCode}/${encodeURIComponent(c.caseId)}/warnings/mute`;

async function auditEntries(caseKey: string): Promise<AuditEntry[]> {
  const { resources } = await t.cosmos.db.audit.items
    .query<AuditEntry>({
      query: 'SELECT * FROM c WHERE c.caseKey = @key ORDER BY c.id',
      parameters: [{ name: '@key', value: caseKey }],
    })
    .fetchAll();
  return resources;
}

describe('muting a case’s warnings for oneself', () => {
  it('the SENCo mutes and unmutes a case of her setting; each is audited on the case; a repeat changes nothing', async () => {
    const path = mutePath(harbourCase);
    expect(await call('GET', path, 'senco-harbour')).toEqual({
      status: 200,
      body: { muted: false, stillSent: MUTE_LEAVES_ON },
    });
    expect((await call('PUT', path, 'senco-harbour')).body).toMatchObject({ muted: true });
    expect((await call('PUT', path, 'senco-harbour')).body).toMatchObject({ muted: true });
    expect((await call('GET', path, 'senco-harbour')).body).toMatchObject({ muted: true });
    // Her mute is hers: the LA's officer, who reads the case too, has not muted it.
    expect((await call('GET', path, 'la-coordinator')).body).toMatchObject({ muted: false });
    expect((await call('DELETE', path, 'senco-harbour')).body).toMatchObject({ muted: false });
    expect((await call('GET', path, 'senco-harbour')).body).toMatchObject({ muted: false });
    const actions = (await auditEntries(`${harbourCase.laCode}/${harbourCase.caseId}`))
      .map((e) => e.action)
      .filter((action) => action.startsWith('warnings.'));
    // The test's clock stands still, so the entries share one instant: compared as a set of counts.
    expect(actions.sort()).toEqual(['warnings.mute', 'warnings.mute', 'warnings.unmute']);
  });

  it('answers 404 CASE_NOT_FOUND for a case one may not read, as for one that does not exist, muting nothing', async () => {
    for (const path of [mutePath(harbourCase), mutePath({ laCode: '999', caseId: 'NO-SUCH' })]) {
      const answer = await call('PUT', path, 'senco-fellside');
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ error: { code: 'CASE_NOT_FOUND' } });
    }
    expect((await call('GET', mutePath(harbourCase), 'senco-fellside')).status).toBe(404);
  });
});

describe('running the deadline check now in local mode', () => {
  it('any demo user runs it: the first run records the warnings due, the second only repeats; both audited', async () => {
    const first = await call('POST', '/api/deadline-check', 'senco-harbour');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ swept: true, day: TEST_TODAY });
    const { cases, recorded } = first.body as { cases: number; recorded: number };
    expect(cases).toBeGreaterThan(0);
    expect(recorded).toBeGreaterThan(0);
    const second = await call('POST', '/api/deadline-check', 'ep-lowe');
    expect(second.body).toMatchObject({ swept: true, cases, recorded: 0, repeats: recorded });
    const runs = await auditEntries(DEADLINE_CHECK_AUDIT_KEY);
    expect(runs.map((e) => [e.action, e.detail?.recorded]).sort()).toEqual(
      [
        ['deadline-check.run', recorded],
        ['deadline-check.run', 0],
      ].sort(),
    );
  });
});

describe('running the deadline check now with real cases (azure mode)', () => {
  const SENCO_OID = '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';
  const OFFICER_OID = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
  let issuer: TokenIssuer;
  let azure: AzureTestApp;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    azure = await startAzureTestApp({
      env: { SSO_OPENID_METADATA_URL: issuer.metadataUrl },
      directory: staticDirectory([
        {
          id: 'senco',
          name: 'Ann Senco',
          email: 'ann.senco@school.example',
          description: 'SENCo',
          identity: { tenantId: TENANT_SCHOOL, objectId: SENCO_OID },
          roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }],
        },
        {
          id: 'officer',
          name: 'Olu Officer',
          email: 'olu.officer@la.example',
          description: 'LA officer',
          identity: { tenantId: TENANT_LA, objectId: OFFICER_OID },
          roles: [{ kind: 'la-officer', laCode: '860' }],
        },
      ]),
    });
  });
  afterAll(async () => {
    await azure?.teardown();
    await issuer?.close();
  });

  const run = async (tenantId: string, objectId: string) => {
    const token = await issuer.sign(ssoClaims(issuer, tenantId, objectId));
    const response = await fetch(`${azure.app.url}/api/deadline-check`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('an LA officer runs it; a SENCo is refused with 403 DEADLINE_CHECK_NOT_ALLOWED', async () => {
    expect(await run(TENANT_LA, OFFICER_OID)).toMatchObject({ status: 200, body: { swept: true } });
    expect(await run(TENANT_SCHOOL, SENCO_OID)).toMatchObject({
      status: 403,
      body: { error: { code: 'DEADLINE_CHECK_NOT_ALLOWED' } },
    });
  });
});
