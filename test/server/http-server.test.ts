import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../bot/src/config.ts';
import { type RunningApp, startApp } from '../../bot/src/main.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { azureEnv, startTestApp, TEST_NOW, type TestApp } from '../support/app.ts';
import { startTestCosmos, type TestCosmos } from '../support/cosmos.ts';

describe('the built tab', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.teardown();
  });

  it('serves index.html at /, revalidated on every load', async () => {
    const { status, body, headers } = await t.get('/');
    expect(status).toBe(200);
    expect(body).toContain('<title>EHC Review Hub</title>');
    expect(headers.get('content-type')).toMatch(/^text\/html/);
    expect(headers.get('cache-control')).toBe('no-cache');
  });

  it('serves index.html at the tab’s own routes, so a reload of a deep link works', async () => {
    const { status, body } = await t.get('/cases/999/NS-1001');
    expect(status).toBe(200);
    expect(body).toContain('<div id="root">');
  });

  it('serves hashed assets with a year-long cache', async () => {
    const { status, headers } = await t.get('/assets/app-1234abcd.js');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(headers.get('cache-control')).toContain('immutable');
  });

  it('never serves a file outside the tab folder', async () => {
    const { body } = await t.get('/..%2F..%2Fpackage.json');
    expect(body).toContain('<title>EHC Review Hub</title>');
  });

  it('answers GET /healthz', async () => {
    expect(await t.get('/healthz')).toMatchObject({ status: 200, body: { status: 'ok', mode: 'local' } });
  });
});

describe('without a built tab', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ tab: 'missing' });
  });
  afterAll(async () => {
    await t?.teardown();
  });

  it('says to run npm run build', async () => {
    const { status, body } = await t.get('/');
    expect(status).toBe(503);
    expect(body).toContain('npm run build');
  });

  it('still serves the API', async () => {
    expect((await t.get('/api/cases', 'senco-harbour')).status).toBe(200);
  });
});

describe('POST /api/messages with a body that is not an activity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.teardown();
  });

  const post = (body: string) =>
    fetch(`${t.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('answers 400 naming each missing field', async () => {
    const response = await post(JSON.stringify({ type: 'message', channelId: 'msteams' }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; problems: { where: string }[] } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.problems.map((p) => p.where)).toEqual(['body.serviceUrl', 'body.conversation']);
  });

  it('answers 400 BODY_NOT_JSON to a body that is not JSON', async () => {
    const response = await post('{not json');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'BODY_NOT_JSON' } });
  });
});

describe('azure mode', () => {
  let cosmos: TestCosmos;
  let app: RunningApp;
  afterEach(async () => {
    await app?.close();
    await cosmos?.teardown();
  });

  /** The server in azure mode with a bot registration, over a fresh local Cosmos server. */
  async function startAzureApp(bot: Record<string, string>): Promise<void> {
    cosmos = await startTestCosmos();
    const config = loadConfig(azureEnv(cosmos, bot));
    app = await startApp(config, { database: cosmos.db, log: memoryLog(), now: () => TEST_NOW });
  }

  it('loads no demo data, offers no demo users and signs no one in by header', async () => {
    await startAzureApp({
      MICROSOFT_APP_TYPE: 'SingleTenant',
      MICROSOFT_APP_TENANT_ID: '00000000-0000-0000-0000-000000000002',
    });
    const users = await fetch(`${app.url}/api/local/users`);
    expect(users.status).toBe(404);
    const me = await fetch(`${app.url}/api/me`, { headers: { 'X-Ehc-User': 'senco-harbour' } });
    expect(me.status).toBe(401);
    expect((await cosmos.db.cases.items.readAll().fetchAll()).resources).toHaveLength(0);
  });

  it('requires a Bot Framework token on /api/messages', async () => {
    await startAzureApp({ MICROSOFT_APP_TYPE: 'MultiTenant' });
    const response = await fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        text: 'reviews',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        conversation: { id: 'c1' },
        from: { id: 'u1' },
      }),
    });
    expect(response.status).toBe(401);
  });
});
