import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationReference } from '../../bot/src/store/conversation-references.ts';
import { BotConnectorSender } from '../../bot/src/teams/bot-connector-sender.ts';
import { SendError } from '../../bot/src/teams/proactive.ts';
import { BotConnectorStandIn } from '../support/bot-connector-stand-in.ts';

const CHANNEL = '19:harbour-primary-send@thread.tacv2';
const CHAT = 'a:1personal-chat-of-rosa';
let connector: BotConnectorStandIn;

function referenceTo(conversationId: string): ConversationReference {
  return {
    serviceUrl: connector.url,
    channelId: 'msteams',
    tenantId: 'tenant-1',
    botId: '28:bot-app-id',
    conversationId,
  };
}

const CARD = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Review deadlines' }],
} as const;

beforeEach(async () => {
  connector = await new BotConnectorStandIn().start();
  connector.channels.set(CHANNEL, { teamId: CHANNEL, name: 'General' });
  connector.conversations.add(CHAT);
});
afterEach(async () => {
  await connector.stop();
});

describe('proactive sends through the Bot Connector', () => {
  it('starts a new thread in a channel: POST /v3/conversations with isGroup and channelData.channel.id', async () => {
    const sender = new BotConnectorSender();
    const posted = await sender.post(referenceTo(CHANNEL), {
      id: 'digest/1',
      card: CARD,
      summary: 'Deadlines',
    });
    expect(posted.conversationId).toMatch(new RegExp(`^${CHANNEL};messageid=\\d+$`));
    const [call] = connector.calls;
    expect(call).toMatchObject({ method: 'POST', path: '/v3/conversations', status: 201 });
    // Local mode: no app id, so no token is sent (what the Agents Playground expects).
    expect(call?.authorization).toBeUndefined();
    expect(call?.body).toMatchObject({
      isGroup: true,
      bot: { id: '28:bot-app-id' },
      tenantId: 'tenant-1',
      channelData: { channel: { id: CHANNEL } },
      activity: {
        type: 'message',
        id: 'digest/1',
        attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: CARD }],
      },
    });
    expect(connector.delivered.map((d) => d.channelId)).toEqual([CHANNEL]);
  });

  it('sends into a personal chat: POST /v3/conversations/{id}/activities', async () => {
    const sent = await new BotConnectorSender().send(referenceTo(CHAT), { id: 'w/1', text: 'Due soon' });
    expect(sent.activityId).toBeTruthy();
    expect(connector.calls.map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      `POST /v3/conversations/${CHAT}/activities 201`,
    ]);
    expect(connector.calls[0]?.body).toMatchObject({ type: 'message', id: 'w/1', text: 'Due soon' });
  });

  it('makes one request of a 429 and hands its Retry-After to the caller (the connector does not retry it)', async () => {
    connector.failNext(1, { status: 429, retryAfterSeconds: 3 });
    const failure = await new BotConnectorSender()
      .send(referenceTo(CHAT), { id: 'w/1', text: 'x' })
      .catch((e) => e);
    expect(failure).toBeInstanceOf(SendError);
    expect(failure).toMatchObject({ status: 429, retryAfterMs: 3_000 });
    expect(connector.calls).toHaveLength(1);
    expect(connector.delivered).toEqual([]);
  });

  it.each([412, 502, 503, 504] as const)('makes one request of a %i and says its status', async (status) => {
    connector.failNext(1, { status });
    const failure = await new BotConnectorSender()
      .post(referenceTo(CHANNEL), { id: 'd', text: 'x' })
      .catch((e) => e);
    expect(failure).toMatchObject({ name: 'SendError', status });
    expect(connector.calls).toHaveLength(1);
  });

  it('counts a request past its timeout as unanswered, and a retry with the same id is not posted twice', async () => {
    connector.failNext(1, { answerAfterMs: 2_000 });
    const sender = new BotConnectorSender({ timeoutMs: 200 });
    const failure = await sender.post(referenceTo(CHANNEL), { id: 'digest/2', text: 'x' }).catch((e) => e);
    expect(failure).toBeInstanceOf(SendError);
    expect(failure.status).toBeUndefined();
    const again = await sender.post(referenceTo(CHANNEL), { id: 'digest/2', text: 'x' });
    expect(connector.delivered).toHaveLength(1);
    expect(again.conversationId).toBe(connector.delivered[0]?.conversationId);
  });

  it('refuses a post into a channel of a team the bot is not in (403), which is not retried', async () => {
    const failure = await new BotConnectorSender()
      .post(referenceTo('19:other@thread.tacv2'), { id: 'd', text: 'x' })
      .catch((e) => e);
    expect(failure).toMatchObject({ status: 403 });
  });
});
