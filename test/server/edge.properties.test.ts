import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapLimit } from '../../bot/src/caseload/map-limit.ts';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { MAX_LINE_CHARS } from '../../bot/src/server/log.ts';
import { TURN_ERROR_REPLY } from '../../bot/src/teams/bot-adapter.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/app.ts';
import { makeMessageActivity } from '../teams/factories.ts';
import { type ReplyServer, startReplyServer } from '../teams/reply-server.ts';
import { refusingServiceUrl } from './misbehaving-connector.ts';
import { rawRequest } from './raw-http.ts';

/** How many requests the property sends, and how many at once (a shared 2-core machine). */
const RUNS = 2000;
const CONCURRENCY = 8;

let t: TestApp;
let connector: ReplyServer;
let refusing: string;
beforeAll(async () => {
  [t, connector, refusing] = await Promise.all([
    startTestApp({ env: { BOT_TURN_TIMEOUT_MS: '1000' } }),
    startReplyServer(),
    refusingServiceUrl(),
  ]);
});
afterAll(async () => {
  await connector?.close();
  await t?.teardown();
});

const USERS = ['senco-harbour', 'la-coordinator', 'parent-whitfield'] as const;

/** Values a hostile or broken client may put anywhere: wrong types, huge, deep, odd strings. */
const hostile = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, true, 0, -1, 1e308, '', 'true', '0', '[]', '{}', [], {}, [null], { id: {} }),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    'x'.repeat(5000),
    '<at>EHC Review Hub</at>',
    '\u0000\u2028\ud800',
    '__proto__',
    'http://10.0.0.1/',
  ),
  fc
    .integer({ min: 1, max: 60 })
    .map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown),
);

/** Paths into an activity, the fields the bot reads and some it does not. */
const PATHS = [
  'type',
  'id',
  'channelId',
  'serviceUrl',
  'text',
  'textFormat',
  'locale',
  'name',
  'value',
  'replyToId',
  'entities',
  'entities.0',
  'entities.0.text',
  'entities.0.mentioned',
  'entities.0.mentioned.id',
  'attachments',
  'from',
  'from.id',
  'from.aadObjectId',
  'from.name',
  'recipient',
  'recipient.id',
  'conversation',
  'conversation.id',
  'conversation.isGroup',
  'conversation.tenantId',
  'conversation.conversationType',
  'channelData',
  'channelData.tenant',
  'channelData.tenant.id',
  'membersAdded',
  'timestamp',
  'deliveryMode',
  'value.action',
  'value.action.verb',
  'value.action.type',
  'value.action.data',
] as const;

type Mutation =
  | { readonly path: string; readonly value: unknown }
  | { readonly path: string; readonly remove: true };

const activityCase = fc.record({
  kind: fc.constant('activity' as const),
  user: fc.constantFrom(...USERS),
  text: fc.constantFrom('help', 'help', 'help', 'reviews', 'hello'),
  type: fc.constantFrom(
    'message',
    'message',
    'invoke',
    'conversationUpdate',
    'event',
    'installationUpdate',
    'typing',
  ),
  name: fc.constantFrom(
    'adaptiveCard/action',
    'task/fetch',
    'composeExtension/query',
    'signin/verifyState',
    'x',
  ),
  replyTo: fc.constantFrom('reply-server', 'reply-server', 'reply-server', 'refusing'),
  mutations: fc.array(
    fc.oneof(
      fc.record({ path: fc.constantFrom(...PATHS), value: hostile }),
      fc.record({ path: fc.constantFrom(...PATHS), remove: fc.constant(true as const) }),
    ),
    { minLength: 1, maxLength: 4 },
  ),
});

const apiCase = fc.record({
  kind: fc.constant('api' as const),
  method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
  path: fc.oneof(
    fc.constantFrom(
      '/api/cases',
      '/api/cases/999/NS-1001',
      '/api/me',
      '/api/local/users',
      '/api/messages',
      '/api/x',
      '/healthz',
    ),
    fc.string({ maxLength: 30 }).map((tail) => `/api/cases/${encodeURIComponent(tail)}`),
    fc.constantFrom(
      '/api/cases/%E0%A4%A',
      '/api/cases/999/%',
      '//api//cases',
      '/api/cases/999/NS-1001?x=%ZZ',
    ),
  ),
  user: fc.constantFrom<string | undefined>(...USERS, undefined, '', 'nobody', 'x'.repeat(300)),
  contentType: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'application/json; charset=utf-16',
    undefined,
  ),
  encoding: fc.constantFrom<string | undefined>(undefined, undefined, undefined, 'gzip', 'identity'),
  body: fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('', '{', '{"a":', '\u0000', '[]'.repeat(70)),
  ),
});

function applyMutations(
  activity: Record<string, unknown>,
  mutations: readonly Mutation[],
): Record<string, unknown> {
  for (const mutation of mutations) {
    const keys = mutation.path.split('.');
    let node: unknown = activity;
    for (const key of keys.slice(0, -1)) {
      if (typeof node !== 'object' || node === null) break;
      const parent = node as Record<string, unknown>;
      if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
      node = parent[key];
    }
    if (typeof node !== 'object' || node === null) continue;
    const last = keys.at(-1) as string;
    if ('remove' in mutation) delete (node as Record<string, unknown>)[last];
    else (node as Record<string, unknown>)[last] = mutation.value;
  }
  return activity;
}

type ActivityCase = typeof activityCase extends fc.Arbitrary<infer A> ? A : never;
type ApiCase = typeof apiCase extends fc.Arbitrary<infer A> ? A : never;

async function send(sample: ActivityCase | ApiCase): Promise<{ status: number; text: string }> {
  const host = `127.0.0.1:${t.app.port}`;
  if (sample.kind === 'api') {
    const body = sample.method === 'GET' ? undefined : sample.body;
    const headers: Record<string, string | number> = { host };
    if (sample.user !== undefined) headers['x-ehc-user'] = sample.user;
    if (sample.contentType !== undefined) headers['content-type'] = sample.contentType;
    if (sample.encoding !== undefined) headers['content-encoding'] = sample.encoding;
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    return rawRequest(t.app.url, {
      method: sample.method,
      path: sample.path,
      headers,
      ...(body ? { body } : {}),
    });
  }
  const serviceUrl = sample.replyTo === 'refusing' ? refusing : connector.serviceUrl;
  const base = makeMessageActivity(serviceUrl, demoUser(sample.user).identity.objectId, sample.text, {
    type: sample.type,
    ...(sample.type === 'invoke'
      ? { name: sample.name, value: { action: { type: 'Action.Execute', verb: 'x.y' } } }
      : {}),
  });
  const body = JSON.stringify(applyMutations(structuredClone(base), sample.mutations));
  return rawRequest(t.app.url, {
    path: '/api/messages',
    headers: { host, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    body,
  });
}

describe('2,000 mutated activities and API requests against the running server', () => {
  it('answer no 5xx but the deliberate 502, the server stays up, its memory and log lines bounded', async () => {
    const samples = fc.sample(
      fc.oneof({ weight: 3, arbitrary: activityCase }, { weight: 1, arbitrary: apiCase }),
      {
        numRuns: RUNS,
        seed: 20261201,
      },
    );
    const rssBefore = process.memoryUsage().rss;
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    await mapLimit(samples, CONCURRENCY, async (sample) => {
      const { status, text } = await send(sample);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const deliberate = status === 502 && text.includes('REPLY_UNDELIVERABLE');
      if (status >= 500 && !deliberate)
        failures.push(`${status} ${text.slice(0, 200)} for ${JSON.stringify(sample).slice(0, 400)}`);
    });
    const rssAfter = process.memoryUsage().rss;

    expect(failures.slice(0, 5)).toEqual([]);
    expect((await t.get('/healthz')).status).toBe(200);
    // The server shares this process with the test: a bomb or an unbounded buffer would show here.
    expect(rssAfter - rssBefore).toBeLessThan(256 * 1024 * 1024);
    const names = demoCaseFiles(plainDate(TEST_TODAY)).map((file) => file.case.child.name);
    for (const line of t.log.lines) {
      expect(line.length).toBeLessThanOrEqual(MAX_LINE_CHARS + 16);
      for (const name of names) expect(line).not.toContain(name);
    }
    // No turn failed inside the bot: a malformed activity never got as far as a TypeError and an apology.
    expect(connector.all.filter((reply) => reply.activity.text === TURN_ERROR_REPLY)).toEqual([]);
    expect(t.log.lines.filter((line) => line.includes('bot turn failed'))).toEqual([]);
    // Every class of answer was reached, so the property tested more than the happy path.
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([200, 400, 415, 502]));
    // About 20 s alone on a 2-core machine; the bound leaves room for a machine shared with other work.
  }, 120_000);
});
