import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseKey } from '../../bot/src/review/case.ts';
import { storesOver } from '../../bot/src/store/open-stores.ts';
import { makeFileAt } from '../store/factories.ts';
import { type AzureTestApp, startAzureTestApp } from '../support/app.ts';
import {
  ssoClaims,
  startTokenIssuer,
  TENANT_LA,
  TENANT_SCHOOL,
  type TokenIssuer,
} from '../support/token-issuer.ts';

const ADMIN_860 = { oid: 'a0000000-0000-4000-8000-000000000860', upn: 'admin@northshire.example' };
const ADMIN_861 = { oid: 'a0000000-0000-4000-8000-000000000861', upn: 'admin@southshire.example' };
const ANN = { oid: '5e000000-0000-4000-8000-000000000001', email: 'ann.senco@harbour.example' };
const IMPOSTOR_OID = '5e000000-0000-4000-8000-0000000000ff';

describe('the LA-run directory: the invitation walk', () => {
  let issuer: TokenIssuer;
  let t: AzureTestApp;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    t = await startAzureTestApp({
      env: {
        SSO_OPENID_METADATA_URL: issuer.metadataUrl,
        LA_ADMINS: `860:${ADMIN_860.upn},861:${ADMIN_861.upn}`,
      },
    });
    const { cases } = await storesOver(t.cosmos.db);
    // Harbour (100001) holds cases from two LAs; Fellside (100002) one of 860's.
    for (const file of [
      makeFileAt('860', 'N-1', '100001'),
      makeFileAt('860', 'N-2', '100002'),
      makeFileAt('861', 'S-1', '100001'),
    ])
      await cases.create(file);
  });
  afterAll(async () => {
    await t?.teardown();
    await issuer?.close();
  });

  const token = (tenant: string, oid: string, claims: Record<string, unknown> = {}) =>
    issuer.sign(ssoClaims(issuer, tenant, oid, claims));
  const admin860 = () => token(TENANT_LA, ADMIN_860.oid, { upn: ADMIN_860.upn });
  const admin861 = () => token(TENANT_LA, ADMIN_861.oid, { upn: ADMIN_861.upn });
  const ann = () => token(TENANT_SCHOOL, ANN.oid, { upn: ANN.email });
  const listed = async (bearer: string) => {
    const answer = await t.get('/api/cases', bearer);
    expect(answer.status).toBe(200);
    return (answer.body.cases as { laCode: string; caseId: string }[]).map(caseKey);
  };
  const addAnn = (bearer: string, laCode: string) =>
    t.send('PUT', `/api/directory/${laCode}/members`, bearer, {
      email: 'Ann.Senco@Harbour.example',
      name: 'Ann Senco',
      roles: [{ kind: 'senco', settingUrn: '100001' }],
    });

  it('walks: added by email, bound at first sign-in, the same email on another account gets nothing, removal ends access', async () => {
    // The first admin, named at deploy time, binds at their first sign-in.
    const me = await t.get('/api/me', await admin860());
    expect(me.body).toMatchObject({ user: { roles: [{ kind: 'la-admin', laCode: '860' }] } });

    // Not yet added: Ann's valid token gets nothing.
    expect((await t.get('/api/me', await ann())).status).toBe(401);
    const added = await addAnn(await admin860(), '860');
    expect(added).toMatchObject({ status: 200, body: { member: { email: ANN.email, signedIn: false } } });

    // An email that is not a verified claim does not redeem the invitation.
    const unverified = await token(TENANT_SCHOOL, IMPOSTOR_OID, {
      preferred_username: ANN.email,
      email: ANN.email,
    });
    expect((await t.get('/api/me', unverified)).status).toBe(401);

    // First sign-in with the verified address binds Ann's account.
    expect((await t.get('/api/me', await ann())).body).toMatchObject({
      user: { email: ANN.email, roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }] },
    });
    expect(await listed(await ann())).toEqual(['860/N-1']);
    const page = await t.get('/api/directory/860', await admin860());
    expect(page.body.members).toContainEqual(expect.objectContaining({ email: ANN.email, signedIn: true }));

    // Redeemed once: another account with the same verified address gets nothing, and keeps nothing.
    const sameEmail = await token(TENANT_LA, IMPOSTOR_OID, { email: ANN.email, xms_edov: true });
    expect((await t.get('/api/me', sameEmail)).status).toBe(401);
    // Ann keeps access even with a token that carries no address: the account decides now.
    expect((await t.get('/api/me', await token(TENANT_SCHOOL, ANN.oid))).status).toBe(200);

    // Removed: the next request is refused.
    const memberId = (page.body.members as { email: string; memberId: string }[]).find(
      (m) => m.email === ANN.email,
    )?.memberId;
    expect((await t.send('DELETE', `/api/directory/860/members/${memberId}`, await admin860())).status).toBe(
      204,
    );
    expect((await t.get('/api/me', await ann())).status).toBe(401);
    expect((await t.get('/api/cases/860/N-1', await ann())).status).toBe(401);

    // Every change is in the LA's audit partition, naming the member by id, never the address.
    const { resources } = await t.cosmos.db.audit.items
      .query({ query: "SELECT * FROM c WHERE c.caseKey = 'directory:860'" })
      .fetchAll();
    const actions = resources.map((entry: { action: string }) => entry.action);
    expect(actions).toEqual(
      expect.arrayContaining(['directory.add', 'directory.bind', 'directory.read', 'directory.remove']),
    );
    expect(JSON.stringify(resources)).not.toContain(ANN.email);
  });

  it('a SENCo added by two LAs sees both LAs’ cases in one list; each LA manages only its own', async () => {
    expect((await addAnn(await admin860(), '860')).status).toBe(200);
    // Ann was removed and added again: the new invitation binds at her next sign-in.
    expect(await listed(await ann())).toEqual(['860/N-1']);
    expect((await addAnn(await admin861(), '861')).status).toBe(200);
    expect((await listed(await ann())).sort()).toEqual(['860/N-1', '861/S-1']);
    // Another setting's case by id: not found, like one that does not exist.
    expect((await t.get('/api/cases/860/N-2', await ann())).status).toBe(404);

    const page861 = await t.get('/api/directory/861', await admin861());
    const ann861 = (page861.body.members as { email: string; memberId: string; roles: unknown }[]).find(
      (m) => m.email === ANN.email,
    );
    expect(ann861?.roles).toEqual([{ kind: 'senco', settingUrn: '100001' }]);
    // 860's admin may neither read 861's directory nor remove 861's membership.
    expect((await t.get('/api/directory/861', await admin860())).status).toBe(403);
    expect(
      (await t.send('DELETE', `/api/directory/861/members/${ann861?.memberId}`, await admin860())).status,
    ).toBe(403);
    // Removed by 860, Ann keeps 861's cases.
    expect(
      (await t.send('DELETE', `/api/directory/860/members/${ann861?.memberId}`, await admin860())).status,
    ).toBe(204);
    expect(await listed(await ann())).toEqual(['861/S-1']);
    expect(
      (await t.send('DELETE', `/api/directory/860/members/${ann861?.memberId}`, await admin860())).body,
    ).toMatchObject({
      error: { code: 'MEMBER_NOT_FOUND' },
    });
  });

  it('refuses a bad change naming the field, and never leaves an LA without an admin', async () => {
    const bad = await t.send('PUT', '/api/directory/860/members', await admin860(), {
      email: 'not-an-address',
      name: '',
      roles: [{ kind: 'senco', settingUrn: '12' }, { kind: 'wizard' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.problems.map((p) => p.where)).toEqual([
      'body.email',
      'body.name',
      'body.roles.0.settingUrn',
      'body.roles.1.kind',
    ]);
    const allocator = await t.send('PUT', '/api/directory/860/members', await admin860(), {
      email: 'al@ep.example',
      name: 'Al',
      roles: [{ kind: 'allocator', teamEmail: 'ep-team@northshire.example' }],
    });
    expect(allocator.body.error).toMatchObject({
      code: 'INVALID_INPUT',
      problems: [{ where: 'roles[0].teamEmail' }],
    });
    const demote = await t.send('PUT', '/api/directory/860/members', await admin860(), {
      email: ADMIN_860.upn,
      name: 'Admin',
      roles: [{ kind: 'la-officer' }],
    });
    expect(demote.body.error).toMatchObject({ code: 'INVALID_INPUT', problems: [{ where: 'roles' }] });
    expect((await t.get('/api/me', await admin860())).body).toMatchObject({
      user: { roles: [{ kind: 'la-admin' }] },
    });
  });
});
