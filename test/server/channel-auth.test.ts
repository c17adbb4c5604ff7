import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AzureTestApp, startAzureTestApp } from '../support/app.ts';
import { startTokenIssuer, TENANT_OTHER, TENANT_SCHOOL, type TokenIssuer } from '../support/token-issuer.ts';

const BOT_APP_ID = '00000000-0000-0000-0000-000000000001';
const BOT_FRAMEWORK = 'https://api.botframework.com';

/** A Bot Connector stand-in that only counts what reaches it: a refused activity must cause nothing. */
async function countingServer(): Promise<{ url: string; hits: () => number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((_request, response) => {
    hits += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    hits: () => hits,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('POST /api/messages in azure mode: the Bot Framework token', () => {
  let issuer: TokenIssuer;
  let connector: Awaited<ReturnType<typeof countingServer>>;
  let t: AzureTestApp;
  beforeAll(async () => {
    issuer = await startTokenIssuer({ issuer: BOT_FRAMEWORK, endorsements: ['msteams'] });
    connector = await countingServer();
    t = await startAzureTestApp({ env: { BOT_OPENID_METADATA_URL: issuer.metadataUrl } });
  });
  afterAll(async () => {
    await t?.teardown();
    await connector?.close();
    await issuer?.close();
  });

  const activity = (overrides: Record<string, unknown> = {}) => ({
    type: 'typing',
    id: 'a1',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:user', aadObjectId: '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a' },
    recipient: { id: `28:${BOT_APP_ID}` },
    conversation: { id: 'a:conversation', conversationType: 'personal', tenantId: TENANT_SCHOOL },
    ...overrides,
  });
  const channelToken = (claims: Record<string, unknown> = {}, options = {}) =>
    issuer.sign({ iss: BOT_FRAMEWORK, aud: BOT_APP_ID, serviceurl: connector.url, ...claims }, options);
  const post = async (body: unknown, token?: string) => {
    const response = await fetch(`${t.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => undefined)) as unknown };
  };

  it('takes an activity whose token the Bot Framework signed for this bot and its serviceUrl', async () => {
    const answer = await post(activity(), await channelToken());
    expect(answer.status).toBe(200);
  });

  it('refuses an activity without a token, fetching nothing and calling no one', async () => {
    const before = { ...issuer.fetches };
    const answer = await post(activity({ type: 'message', text: 'reviews' }));
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'UNKNOWN_USER' } } });
    expect(issuer.fetches).toEqual(before);
    expect(connector.hits()).toBe(0);
  });

  it.each([
    ['forged', () => channelToken({}, { forged: true }), 'signature'],
    ['expired', () => channelToken({}, { expiresIn: -900, issuedAt: 0 }), 'expired'],
    ['wrong-audience', () => channelToken({ aud: '99999999-0000-0000-0000-000000000000' }), 'aud'],
    ['wrong-issuer', () => channelToken({ iss: 'https://sts.windows.net/someone/' }), 'iss'],
    ['other-serviceUrl', () => channelToken({ serviceurl: 'https://attacker.example/' }), 'serviceUrl'],
  ])('refuses a %s token with 401, and the bot replies to no one', async (_, token, why) => {
    const answer = await post(activity({ type: 'message', text: 'reviews' }), await token());
    expect(answer).toMatchObject({
      status: 401,
      body: {
        error: {
          code: 'UNKNOWN_USER',
          problems: [{ where: 'Authorization', message: expect.stringContaining(why) }],
        },
      },
    });
    expect(connector.hits()).toBe(0);
  });

  it('refuses an activity from a tenant the service does not admit', async () => {
    const foreign = activity({
      type: 'message',
      text: 'reviews',
      conversation: { id: 'c', tenantId: TENANT_OTHER },
    });
    const answer = await post(foreign, await channelToken());
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'UNKNOWN_USER' } } });
    expect(connector.hits()).toBe(0);
  });

  it('refuses a token whose key is not endorsed for the activity’s channel', async () => {
    const answer = await post(activity({ channelId: 'webchat' }), await channelToken());
    expect(answer).toMatchObject({
      status: 401,
      body: { error: { problems: [{ message: expect.stringContaining('endorsed') }] } },
    });
  });
});

describe('POST /api/messages in azure mode when the Bot Framework’s keys cannot be fetched', () => {
  let issuer: TokenIssuer;
  let t: AzureTestApp;
  beforeAll(async () => {
    issuer = await startTokenIssuer({ issuer: BOT_FRAMEWORK });
    issuer.blackHole();
    t = await startAzureTestApp({
      env: { BOT_OPENID_METADATA_URL: issuer.metadataUrl, IDENTITY_FETCH_TIMEOUT_MS: '300' },
    });
  });
  afterAll(async () => {
    await t?.teardown();
    await issuer?.close();
  });

  it('answers 503 SIGN_IN_UNAVAILABLE within its bound', async () => {
    const token = await issuer.sign({
      iss: BOT_FRAMEWORK,
      aud: BOT_APP_ID,
      serviceurl: 'http://127.0.0.1:9/',
    });
    const started = performance.now();
    const response = await fetch(`${t.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: 'c', tenantId: TENANT_SCHOOL },
      }),
    });
    // A bound, not a speed target: botbuilder's own fetch waited over 200 s here.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'SIGN_IN_UNAVAILABLE' } });
  });
});
