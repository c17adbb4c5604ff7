import { SignJWT } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openIdKeys } from '../../bot/src/identity/openid-keys.ts';
import { type SsoRules, verifySsoToken } from '../../bot/src/identity/sso-token.ts';
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

const OID = '11111111-2222-4333-8444-555555555555';
const RULES: SsoRules = {
  audiences: [SSO_CLIENT_ID, SSO_APP_ID_URI],
  allowedTenants: new Set([TENANT_LA, TENANT_SCHOOL]),
  scope: 'access_as_user',
  clockSkewSeconds: 60,
};

let issuer: TokenIssuer;
beforeEach(async () => {
  issuer = await startTokenIssuer();
});
afterEach(async () => {
  await issuer.close();
});

const keys = () => openIdKeys({ metadataUrl: issuer.metadataUrl, timeoutMs: 500 });
const check = async (token: string, keySource = keys()) =>
  verifySsoToken(`Bearer ${token}`, keySource, RULES);
const refusal = (message: RegExp | string) => ({
  code: 'UNKNOWN_USER',
  problems: [{ where: 'Authorization', message: expect.stringMatching(message) }],
});

describe('verifySsoToken', () => {
  it('accepts a valid token of an allowed tenant and names the account', async () => {
    const token = await issuer.sign(
      ssoClaims(issuer, TENANT_SCHOOL, OID, { upn: 'Ann.Senco@School.example', name: 'Ann' }),
    );
    expect(await check(token)).toEqual({
      identity: { tenantId: TENANT_SCHOOL, objectId: OID },
      verifiedEmail: 'ann.senco@school.example',
      name: 'Ann',
    });
  });

  it('accepts the App ID URI as the audience', async () => {
    const token = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID, { aud: SSO_APP_ID_URI }));
    expect((await check(token)).identity.tenantId).toBe(TENANT_LA);
  });

  it('takes an email only from a verified claim, never preferred_username', async () => {
    const unverified = await issuer.sign(
      ssoClaims(issuer, TENANT_LA, OID, { preferred_username: 'boss@la.example', email: 'boss@la.example' }),
    );
    expect((await check(unverified)).verifiedEmail).toBeUndefined();
    const verified = await issuer.sign(
      ssoClaims(issuer, TENANT_LA, OID, { email: 'Eve@LA.example', xms_edov: true }),
    );
    expect((await check(verified)).verifiedEmail).toBe('eve@la.example');
    const guest = await issuer.sign(
      ssoClaims(issuer, TENANT_LA, OID, { upn: 'eve_home.example#EXT#@la.example' }),
    );
    expect((await check(guest)).verifiedEmail).toBeUndefined();
  });

  it('refuses a forged token (signed with another key under the published kid)', async () => {
    const token = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID), { forged: true });
    await expect(check(token)).rejects.toMatchObject(refusal('signature'));
  });

  it('refuses an expired token, and tolerates a small clock difference', async () => {
    const expired = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID), { expiresIn: -120, issuedAt: 0 });
    await expect(check(expired)).rejects.toMatchObject(refusal('expired'));
    const justExpired = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID), { expiresIn: -30 });
    expect((await check(justExpired)).identity.objectId).toBe(OID);
  });

  it('refuses a token for another audience', async () => {
    const token = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID, { aud: 'api://elsewhere/other-app' }));
    await expect(check(token)).rejects.toMatchObject(refusal('aud'));
  });

  it("refuses a token whose issuer is not its own tenant's", async () => {
    const token = await issuer.sign(
      ssoClaims(issuer, TENANT_LA, OID, { iss: issuer.issuerFor(TENANT_SCHOOL) }),
    );
    await expect(check(token)).rejects.toMatchObject(refusal('iss'));
    const foreign = await issuer.sign(
      ssoClaims(issuer, TENANT_LA, OID, { iss: 'https://sts.windows.net/x/' }),
    );
    await expect(check(foreign)).rejects.toMatchObject(refusal('iss'));
  });

  it('refuses a tenant that is not on the allow-list, before fetching any key', async () => {
    const token = await issuer.sign(ssoClaims(issuer, TENANT_OTHER, OID));
    await expect(check(token)).rejects.toMatchObject(refusal('organisation'));
    expect(issuer.fetches.requests).toBe(0);
  });

  it('refuses a token without the access_as_user scope', async () => {
    const token = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID, { scp: 'User.Read' }));
    await expect(check(token)).rejects.toMatchObject(refusal('access_as_user'));
  });

  it('refuses an HMAC-signed token, a missing header and rubbish', async () => {
    const hmac = await new SignJWT(ssoClaims(issuer, TENANT_LA, OID))
      .setProtectedHeader({ alg: 'HS256', kid: 'x' })
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('a shared secret of thirty-two bytes!'));
    await expect(check(hmac)).rejects.toMatchObject({ code: 'UNKNOWN_USER' });
    await expect(verifySsoToken(undefined, keys(), RULES)).rejects.toMatchObject(refusal('missing'));
    await expect(verifySsoToken('Basic abc', keys(), RULES)).rejects.toMatchObject(refusal('bearer'));
    await expect(check('a.b.c')).rejects.toMatchObject(refusal('not a token'));
  });
});

describe('openIdKeys', () => {
  it('keeps the keys, and fetches again when a token names a key it has not seen', async () => {
    let now = 1_000_000;
    const source = openIdKeys({ metadataUrl: issuer.metadataUrl, now: () => now, refreshCooldownMs: 30_000 });
    await check(await issuer.sign(ssoClaims(issuer, TENANT_LA, OID)), source);
    await check(await issuer.sign(ssoClaims(issuer, TENANT_LA, OID)), source);
    expect(issuer.fetches).toMatchObject({ metadata: 1, jwks: 1 });
    await issuer.rotate();
    const rolled = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID));
    // Within the cool-down an unknown kid is refused without a fetch: made-up kids cost nothing.
    await expect(check(rolled, source)).rejects.toMatchObject(refusal('key'));
    expect(issuer.fetches.jwks).toBe(1);
    now += 30_000;
    expect((await check(rolled, source)).identity.objectId).toBe(OID);
    expect(issuer.fetches).toMatchObject({ metadata: 2, jwks: 2 });
  });

  it('answers SIGN_IN_UNAVAILABLE within its time bound when the issuer never answers, then without waiting', async () => {
    issuer.blackHole();
    const source = openIdKeys({ metadataUrl: issuer.metadataUrl, timeoutMs: 200 });
    const token = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID));
    const started = performance.now();
    await expect(check(token, source)).rejects.toMatchObject({
      code: 'SIGN_IN_UNAVAILABLE',
      problems: [{ where: 'Authorization', message: expect.stringContaining('200 ms') }],
    });
    // A bound, not a speed target: without the timeout this would wait for ever.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(issuer.fetches.requests).toBe(1);
    // While the failure is fresh, the next request is refused without trying again.
    await expect(check(token, source)).rejects.toMatchObject({ code: 'SIGN_IN_UNAVAILABLE' });
    expect(issuer.fetches.requests).toBe(1);
  });

  it('answers SIGN_IN_UNAVAILABLE when nothing listens at the metadata address', async () => {
    const url = issuer.metadataUrl;
    await issuer.close();
    const token = await issuer.sign(ssoClaims(issuer, TENANT_LA, OID));
    await expect(check(token, openIdKeys({ metadataUrl: url }))).rejects.toMatchObject({
      code: 'SIGN_IN_UNAVAILABLE',
    });
    issuer = await startTokenIssuer();
  });
});
