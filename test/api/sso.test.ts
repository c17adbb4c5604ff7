import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticDirectory } from '../../bot/src/identity/static-directory.ts';
import { type AzureTestApp, startAzureTestApp } from '../support/app.ts';
import {
  SSO_APP_ID_URI,
  SSO_CLIENT_ID,
  ssoClaims,
  startTokenIssuer,
  TENANT_LA,
  TENANT_OTHER,
  TENANT_SCHOOL,
  type TokenIssuer,
} from '../support/token-issuer.ts';

const SENCO_OID = '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';
const SENCO = {
  id: 'senco',
  name: 'Ann Senco',
  email: 'ann.senco@school.example',
  description: 'SENCo',
  identity: { tenantId: TENANT_SCHOOL, objectId: SENCO_OID },
  roles: [{ kind: 'senco' as const, settingUrn: '100001', laCode: '860' }],
};

describe('the API in azure mode: Teams SSO tokens', () => {
  let issuer: TokenIssuer;
  let t: AzureTestApp;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    t = await startAzureTestApp({
      env: { SSO_OPENID_METADATA_URL: issuer.metadataUrl },
      directory: staticDirectory([SENCO]),
    });
  });
  afterAll(async () => {
    await t?.teardown();
    await issuer?.close();
  });

  const sign = (extra = {}, options = {}) =>
    issuer.sign(ssoClaims(issuer, TENANT_SCHOOL, SENCO_OID, extra), options);

  it('signs in the user a valid token names, with the client id or the App ID URI as audience', async () => {
    for (const token of [await sign(), await sign({ aud: SSO_APP_ID_URI })]) {
      const me = await t.get('/api/me', token);
      expect(me).toMatchObject({
        status: 200,
        body: { mode: 'azure', user: { id: 'senco', name: 'Ann Senco' } },
      });
    }
    expect((await t.get('/api/cases', await sign())).status).toBe(200);
  });

  it.each([
    ['forged', () => sign({}, { forged: true }), 'signature'],
    ['expired', () => sign({}, { expiresIn: -600, issuedAt: 0 }), 'expired'],
    ['wrong audience', () => sign({ aud: 'api://elsewhere/another-app' }), 'aud'],
    ['wrong issuer', () => sign({ iss: issuer.issuerFor(TENANT_LA) }), 'iss'],
    ['wrong tenant', () => issuer.sign(ssoClaims(issuer, TENANT_OTHER, SENCO_OID)), 'organisation'],
  ])('refuses a %s token with 401 UNKNOWN_USER on every signed-in route', async (_, token, why) => {
    for (const path of ['/api/me', '/api/cases', '/api/cases/860/C-1']) {
      const answer = await t.get(path, await token());
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({
        code: 'UNKNOWN_USER',
        problems: [{ where: 'Authorization', message: expect.stringContaining(why) }],
      });
    }
  });

  it('tells the tab, without sign-in, which app registration and scope to sign in to', async () => {
    expect(await t.get('/api/sign-in')).toEqual({
      status: 200,
      body: {
        mode: 'azure',
        clientId: SSO_CLIENT_ID,
        scope: `${SSO_APP_ID_URI}/access_as_user`,
        authority: 'https://login.microsoftonline.com/organizations',
      },
    });
  });

  it('ignores the local sign-in header, and refuses a valid token of someone not in the directory', async () => {
    expect((await t.get('/api/me', undefined, { 'x-ehc-user': 'senco' })).status).toBe(401);
    const stranger = await issuer.sign(
      ssoClaims(issuer, TENANT_SCHOOL, '99999999-9999-4999-8999-999999999999'),
    );
    const answer = await t.get('/api/me', stranger);
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'UNKNOWN_USER' } } });
    expect(answer.body.error?.problems[0]?.message).toContain('not been given access');
  });
});

describe('the API in azure mode when Entra ID cannot be reached', () => {
  let issuer: TokenIssuer;
  let t: AzureTestApp;
  beforeAll(async () => {
    issuer = await startTokenIssuer();
    issuer.blackHole();
    t = await startAzureTestApp({
      env: { SSO_OPENID_METADATA_URL: issuer.metadataUrl, IDENTITY_FETCH_TIMEOUT_MS: '300' },
      directory: staticDirectory([SENCO]),
    });
  });
  afterAll(async () => {
    await t?.teardown();
    await issuer?.close();
  });

  it('answers 503 SIGN_IN_UNAVAILABLE within its bound, never hanging', async () => {
    const token = await issuer.sign(ssoClaims(issuer, TENANT_SCHOOL, SENCO_OID));
    const started = performance.now();
    const answer = await t.get('/api/me', token);
    // A bound, not a speed target: a black-holed endpoint would otherwise hold the request for ever.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(answer).toMatchObject({ status: 503, body: { error: { code: 'SIGN_IN_UNAVAILABLE' } } });
    expect(t.log.lines.join('\n')).not.toContain(token);
  });
});
