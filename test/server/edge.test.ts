import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeMessageActivity } from '../teams/factories.ts';
import { type ReplyServer, startReplyServer } from '../teams/reply-server.ts';
import { openSocket, rawRequest } from './raw-http.ts';

let t: TestApp;
let connector: ReplyServer;
beforeAll(async () => {
  [t, connector] = await Promise.all([
    startTestApp({
      env: { HTTP_HEADERS_TIMEOUT_MS: '300', HTTP_REQUEST_TIMEOUT_MS: '600', HTTP_MAX_CONNECTIONS: '20' },
    }),
    startReplyServer(),
  ]);
});
afterAll(async () => {
  await connector?.close();
  await t?.teardown();
});

const rosa = demoUser('senco-harbour').identity.objectId;
const host = () => `127.0.0.1:${t.app.port}`;
const activityJson = (text = 'reviews') =>
  JSON.stringify(makeMessageActivity(connector.serviceUrl, rosa, text));

function post(
  body: string | Buffer,
  headers: Record<string, string | number> = {},
  path = '/api/messages',
): ReturnType<typeof rawRequest> {
  return rawRequest(t.app.url, {
    path,
    headers: { host: host(), 'content-type': 'application/json', 'content-length': body.length, ...headers },
    body,
  });
}

/** The server still answers, and a valid activity still gets its reply (the one the bot sends next). */
async function stillServing(): Promise<void> {
  const reply = connector.nextReply();
  const control = makeMessageActivity(connector.serviceUrl, rosa, 'help');
  const response = await post(JSON.stringify(control));
  expect(response.status).toBe(200);
  expect((await reply).activity.text).toContain('reviews');
  expect((await t.get('/healthz')).status).toBe(200);
}

const codeOf = (text: string) => (JSON.parse(text) as { error: { code: string } }).error.code;

describe('compressed bodies are refused, never inflated', () => {
  it.each([
    ['a body labelled gzip that is not gzip', Buffer.from('this is not gzip at all')],
    ['a truncated gzip body', gzipSync(Buffer.from('{"type":"message","text":"reviews"}')).subarray(0, 20)],
    ['a gzip bomb', gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20))],
    ['a well-formed gzip body', gzipSync(Buffer.from('{"type":"message","text":"reviews"}'))],
  ])('%s answers 415 ENCODING_NOT_ACCEPTED and the server lives on', async (_, body) => {
    const response = await post(body, { 'content-encoding': 'gzip' });
    expect(response.status).toBe(415);
    expect(codeOf(response.text)).toBe('ENCODING_NOT_ACCEPTED');
    await stillServing();
  });

  it('refuses deflate and br the same way', async () => {
    for (const encoding of ['deflate', 'br', 'gzip, identity']) {
      expect((await post('{}', { 'content-encoding': encoding })).status).toBe(415);
    }
  });
});

describe('the body', () => {
  it('over 256 KB answers 413 BODY_TOO_LARGE, whether declared or streamed', async () => {
    const big = `{"text":"${'x'.repeat(300 * 1024)}"}`;
    const declared = await post(big);
    expect(declared.status).toBe(413);
    expect(codeOf(declared.text)).toBe('BODY_TOO_LARGE');
    const streamed = await rawRequest(t.app.url, {
      path: '/api/messages',
      headers: { host: host(), 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(streamed.status).toBe(413);
    await stillServing();
  });

  it('nested 100,000 deep answers 400 BODY_TOO_DEEP', async () => {
    const response = await post(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(response.status).toBe(400);
    expect(codeOf(response.text)).toBe('BODY_TOO_DEEP');
  });

  it('with a wrong Content-MD5 is read as any other body (HTTP/1.1 dropped the header)', async () => {
    const reply = connector.nextReply();
    const response = await post(activityJson('help'), { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' });
    expect(response.status).toBe(200);
    await reply;
  });

  it.each([
    ['form-encoded', 'application/x-www-form-urlencoded'],
    ['plain text', 'text/plain'],
    ['a multipart form', 'multipart/form-data; boundary=x'],
    ['JSON in Latin-1', 'application/json; charset=iso-8859-1'],
  ])('sent %s answers 415 UNSUPPORTED_MEDIA_TYPE, and the bot sends nothing', async (_, type) => {
    const response = await post(activityJson(), { 'content-type': type });
    expect(response.status).toBe(415);
    expect(codeOf(response.text)).toBe('UNSUPPORTED_MEDIA_TYPE');
    // The next reply the connector receives is the control's, so the refused activity sent none.
    await stillServing();
  });

  it('is refused the same way on an API address', async () => {
    const response = await post('a=1', { 'content-type': 'application/x-www-form-urlencoded' }, '/api/cases');
    expect(response.status).toBe(415);
  });
});

describe('local mode answers only requests addressed to loopback on its own port', () => {
  it.each(['evil.example', `evil.example:${0}`, 'localhost.evil.example', '10.0.0.1', '127.0.0.1:1'])(
    'Host: %s answers 421 MISDIRECTED_REQUEST, on the API and the bot alike',
    async (value) => {
      const hostHeader = value.endsWith(':0') ? value.replace(':0', `:${t.app.port}`) : value;
      const api = await rawRequest(t.app.url, {
        method: 'GET',
        path: '/api/cases',
        headers: { host: hostHeader, 'x-ehc-user': 'la-coordinator' },
      });
      expect(api.status).toBe(421);
      expect(codeOf(api.text)).toBe('MISDIRECTED_REQUEST');
      expect(api.text).not.toContain('NS-');
      const bot = await post(activityJson(), { host: hostHeader });
      expect(bot.status).toBe(421);
    },
  );

  it.each(['localhost', '127.0.0.1', '[::1]'])('Host: %s on the server’s port is answered', async (name) => {
    const response = await rawRequest(t.app.url, {
      method: 'GET',
      path: '/healthz',
      headers: { host: `${name}:${t.app.port}` },
    });
    expect(response.status).toBe(200);
  });
});

describe('slow clients and many connections', () => {
  it('a client that never finishes its headers gets 408 and is disconnected', async () => {
    const { socket, closed } = await openSocket(t.app.url);
    socket.write(`GET /healthz HTTP/1.1\r\nHost: ${host()}\r\n`);
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('a client that never finishes its body gets 408 and is disconnected', async () => {
    const { socket, closed } = await openSocket(t.app.url);
    socket.write(
      `POST /api/messages HTTP/1.1\r\nHost: ${host()}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"type":`,
    );
    expect(await closed).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses connections past the cap and serves again once they close', async () => {
    const held = await Promise.all(Array.from({ length: 20 }, () => openSocket(t.app.url)));
    const extra = await openSocket(t.app.url);
    expect(await extra.closed).toBe('');
    for (const { socket } of held) socket.destroy();
    await Promise.all(held.map(({ closed }) => closed));
    expect((await t.get('/healthz')).status).toBe(200);
  });
});
