import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { TURN_ERROR_REPLY } from '../../bot/src/teams/bot-adapter.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeMessageActivity } from '../teams/factories.ts';
import { type ReplyServer, startReplyServer } from '../teams/reply-server.ts';
import {
  type MisbehavingConnector,
  type Misbehaviour,
  REMOTE_SECRET,
  refusingServiceUrl,
  startMisbehavingConnector,
} from './misbehaving-connector.ts';

let t: TestApp;
let connector: ReplyServer;
beforeAll(async () => {
  [t, connector] = await Promise.all([
    startTestApp({ env: { BOT_TURN_TIMEOUT_MS: '1500' } }),
    startReplyServer(),
  ]);
});
afterAll(async () => {
  await connector?.close();
  await t?.teardown();
});

const rosa = demoUser('senco-harbour').identity.objectId;

async function post(activity: unknown): Promise<{ status: number; text: string }> {
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  return { status: response.status, text: await response.text() };
}

/** A valid message with `path` (dotted) set to `value`. */
function mutated(path: string, value: unknown): Record<string, unknown> {
  const activity = structuredClone(makeMessageActivity(connector.serviceUrl, rosa, 'reviews'));
  const keys = path.split('.');
  let node: Record<string, unknown> = activity;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys.at(-1) as string] = value;
  return activity;
}

describe('an activity with a field of the wrong type is refused at the edge, before the bot', () => {
  it.each([
    ['conversation.isGroup', 'true'],
    ['conversation.tenantId', 5],
    ['conversation.id', ''],
    ['from.id', {}],
    ['recipient.id', 0],
    ['entities', { type: 'mention' }],
    ['entities', [null]],
    ['entities', [{ type: 'mention', text: 7, mentioned: { id: '28:ehc-review-hub' } }]],
    ['entities', [{ type: 'mention', text: '<at>x</at>' }]],
    ['text', { toString: 'no' }],
    ['text', 42],
    ['locale', ['en-GB']],
    ['channelData', 'tenant'],
    ['channelData.tenant', { id: 9 }],
    ['serviceUrl', 'javascript:alert(1)'],
    ['attachments', 'card'],
  ])('%s: %j answers 400 naming it, echoing nothing, and sends no reply or apology', async (path, value) => {
    const { status, text } = await post(mutated(path, value));
    expect(status).toBe(400);
    const body = JSON.parse(text) as { error: { code: string; problems: { where: string }[] } };
    expect(body.error.code).toBe('INVALID_INPUT');
    expect(body.error.problems.map((p) => p.where).some((where) => where.startsWith(`body.${path}`))).toBe(
      true,
    );
    // The next reply the connector receives is a later valid message's: the refused one got none.
    const reply = connector.nextReply();
    expect((await post(makeMessageActivity(connector.serviceUrl, rosa, 'help'))).status).toBe(200);
    const next = await reply;
    expect(next.activity.text).not.toBe(TURN_ERROR_REPLY);
    expect(next.activity.text).toContain('reviews');
  });

  it('drops fields the bot does not read, so they cannot change how botbuilder answers', async () => {
    const reply = connector.nextReply();
    const activity = {
      ...makeMessageActivity(connector.serviceUrl, rosa, 'help'),
      deliveryMode: 'expectReplies',
      timestamp: 5,
    };
    const { status, text } = await post(activity);
    expect(status).toBe(200);
    expect(text).toBe('');
    expect((await reply).activity.text).toContain('reviews');
  });
});

describe('replies', () => {
  let misbehaving: MisbehavingConnector | undefined;
  afterEach(async () => {
    await misbehaving?.close();
    misbehaving = undefined;
  });

  it.each([
    'http://example.com/',
    'http://10.0.0.5:3978/',
    'https://smba.trafficmanager.net/emea/',
    'http://127.0.0.1.nip.io/',
  ])(
    'local mode refuses an activity whose serviceUrl %s is not on loopback, before anything is read',
    async (serviceUrl) => {
      const before = (await t.cosmos.db.audit.items.readAll().fetchAll()).resources.length;
      const { status, text } = await post(makeMessageActivity(serviceUrl, rosa, 'reviews'));
      expect(status).toBe(400);
      expect(JSON.parse(text)).toMatchObject({
        error: { code: 'INVALID_INPUT', problems: [{ where: 'body.serviceUrl' }] },
      });
      expect((await t.cosmos.db.audit.items.readAll().fetchAll()).resources).toHaveLength(before);
    },
  );

  it('a serviceUrl that refuses the connection answers 502 REPLY_UNDELIVERABLE', async () => {
    const { status, text } = await post(makeMessageActivity(await refusingServiceUrl(), rosa, 'help'));
    expect(status).toBe(502);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'REPLY_UNDELIVERABLE' } });
  });

  it.each<Misbehaviour>(['server-error', 'not-json', 'drop', 'hang'])(
    'a connector that answers %s: 502 REPLY_UNDELIVERABLE, without its text, no apology, and logged without content',
    async (how) => {
      misbehaving = await startMisbehavingConnector(how);
      const linesBefore = t.log.lines.length;
      const { status, text } = await post(makeMessageActivity(misbehaving.serviceUrl, rosa, 'reviews'));
      expect(status).toBe(502);
      expect(JSON.parse(text)).toMatchObject({ error: { code: 'REPLY_UNDELIVERABLE' } });
      expect(text).not.toContain(REMOTE_SECRET);
      // Every post the connector got was the card, never the apology.
      for (const body of misbehaving.received) expect(body).not.toContain(TURN_ERROR_REPLY);
      const lines = t.log.lines.slice(linesBefore);
      expect(lines.some((line) => line.includes('REPLY_UNDELIVERABLE'))).toBe(true);
      const logged = lines.join('\n');
      expect(logged).not.toContain(REMOTE_SECRET);
      expect(logged).not.toContain('Amelia Rowe');
    },
  );
});
