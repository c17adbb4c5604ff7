import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../bot/src/cards/adaptive-card.ts';
import { demoUser, PLAYGROUND_VISITOR } from '../../bot/src/demo/demo-users.ts';
import { NO_ACCESS_REPLY, PRIVATE_CHAT_ONLY_REPLY } from '../../bot/src/teams/answer.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { freePort, startPlayground, stopPlayground } from '../support/playground.ts';

/**
 * The bot end to end through Microsoft's local Teams simulator: the server in this process, the
 * `agentsplayground` CLI as a child process pointed at it, with the repository's
 * `.m365agentsplayground.yml`. A message is sent as a demo user through the Playground's
 * `POST /_internal/v1/customActivities` (what its "custom activity" panel does; it sends the body as
 * the activity), and the bot's reply is seen arriving on the Playground's conversation stream
 * (`/_ws_conversation/v1/conversations/stream`, the web socket its chat view listens on).
 */
const CONVERSATION = 'ehc-personal-chat';
/** The group chat and the team channel of `.m365agentsplayground.yml`. */
const GROUP_CHAT = 'ehc-group-chat';
const CHANNEL = 'ehc-channel-reviews';

interface PlaygroundMessage {
  readonly action: string;
  readonly actionConversationId: string;
  readonly message: {
    readonly text?: string;
    readonly attachments: readonly { readonly contentType: string; readonly content: unknown }[];
  };
}

let t: TestApp;
let playground: ChildProcess;
let playgroundUrl: string;
let workDir: string;
let stream: WebSocket;
const messages: PlaygroundMessage[] = [];
const waiting: ((message: PlaygroundMessage) => void)[] = [];

function openStream(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.addEventListener('open', () => resolve(socket), { once: true });
    socket.addEventListener('error', () => reject(new Error(`could not open ${url}`)), { once: true });
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as PlaygroundMessage;
      if (message.action !== 'createMessage') return;
      const waiter = waiting.shift();
      if (waiter) waiter(message);
      else messages.push(message);
    });
  });
}

function nextMessage(): Promise<PlaygroundMessage> {
  const first = messages.shift();
  return first ? Promise.resolve(first) : new Promise((resolve) => waiting.push(resolve));
}

/**
 * Sends `text` into `conversation` (the personal chat unless said) as the user with `aadObjectId`, as
 * the Playground would: its template gives the conversation's `conversationType`.
 */
async function sendAs(
  userId: string,
  aadObjectId: string,
  text: string,
  conversation = CONVERSATION,
): Promise<PlaygroundMessage> {
  const template = await fetch(
    `${playgroundUrl}/_internal/v1/customActivities/template?conversationId=${conversation}`,
  ).then((response) => response.json() as Promise<Record<string, unknown>>);
  const activity = {
    ...template,
    type: 'message',
    id: `e2e-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    text,
    from: { id: userId, aadObjectId },
  };
  const reply = nextMessage();
  const response = await fetch(`${playgroundUrl}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  return reply;
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ehc-playground-'));
  t = await startTestApp();
  const port = await freePort();
  playgroundUrl = `http://127.0.0.1:${port}`;
  playground = await startPlayground(t.app.url, port, workDir, { conversationId: CONVERSATION });
  // The chat view asks for the configuration first; the Playground then checks the bot is up.
  expect((await fetch(`${playgroundUrl}/_internal/v1/config`)).status).toBe(200);
  stream = await openStream(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
});

afterAll(async () => {
  stream?.close();
  await stopPlayground(playground);
  await t?.teardown();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('the bot in the Microsoft 365 Agents Playground', () => {
  it('gives the case coordinator the live reviews card, valid against the Adaptive Cards 1.5 schema', async () => {
    const coordinator = demoUser('la-coordinator');
    const reply = await sendAs(coordinator.id, coordinator.identity.objectId, 'reviews');
    expect(reply.actionConversationId).toBe(CONVERSATION);
    const card = reply.message.attachments[0];
    expect(card?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect(cardSchemaErrors(card?.content)).toEqual([]);
    expect(JSON.stringify(card?.content)).toContain('30 live reviews');
  });

  it('gives the parent only her child’s review', async () => {
    const parent = demoUser('parent-whitfield');
    const reply = await sendAs(parent.id, parent.identity.objectId, 'Reviews');
    const text = JSON.stringify(reply.message.attachments[0]?.content);
    expect(text).toContain('1 live review,');
    expect(text).toContain('Leo Whitfield');
  });

  it.each([
    ['the group chat', GROUP_CHAT],
    ['the team channel', CHANNEL],
  ])(
    'in %s, answers "reviews" with a short text pointing to a 1:1 chat, and no card',
    async (_, conversation) => {
      const senco = demoUser('senco-harbour');
      const reply = await sendAs(senco.id, senco.identity.objectId, 'reviews', conversation);
      expect(reply.actionConversationId).toBe(conversation);
      expect(reply.message.text).toBe(PRIVATE_CHAT_ONLY_REPLY);
      expect(reply.message.attachments).toEqual([]);
    },
  );

  it('tells the visitor, who is in no directory, that they have no access', async () => {
    const reply = await sendAs(PLAYGROUND_VISITOR.id, PLAYGROUND_VISITOR.identity.objectId, 'reviews');
    expect(reply.message.text).toBe(NO_ACCESS_REPLY);
    expect(reply.message.attachments).toEqual([]);
  });
});
