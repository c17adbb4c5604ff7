import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../../bot/src/cards/adaptive-card.ts';
import { DEMO_TEAM } from '../../bot/src/demo/demo-team.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { ConversationReferences } from '../../bot/src/store/conversation-references.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { freePort, openStream, startPlayground, stopPlayground } from '../support/playground.ts';

/**
 * Proactive posts in the Microsoft 365 Agents Playground: the Playground installs the app (its own
 * "install" custom activity, Teams' `installationUpdate`) in the demo team and in the current user's
 * personal chat; a deadline sweep then makes the bot post the team's daily digest as a new thread in
 * its General channel (`POST /v3/conversations`, `isGroup`, `channelData.channel.id`) and write to the
 * SENCo in her chat, both unprompted, with no app id (local mode).
 */
let t: TestApp;
let playground: ChildProcess | undefined;
let playgroundUrl: string;
let workDir: string;
let stream: Awaited<ReturnType<typeof openStream>>;

async function sendTemplate(type: string, conversationId: string): Promise<void> {
  const query = new URLSearchParams({ conversationId, type });
  const template = await fetch(`${playgroundUrl}/_internal/v1/customActivities/template?${query}`).then(
    (response) => response.json() as Promise<Record<string, unknown>>,
  );
  expect(template.type).toBe('installationUpdate');
  const response = await fetch(`${playgroundUrl}/_internal/v1/customActivities`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(template),
  });
  expect(response.status).toBe(200);
}

async function until<T>(read: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'ehc-playground-'));
  t = await startTestApp();
  const port = await freePort();
  playgroundUrl = `http://127.0.0.1:${port}`;
  playground = await startPlayground(t.app.url, port, workDir, { conversationId: 'ehc-personal-chat' });
  expect((await fetch(`${playgroundUrl}/_internal/v1/config`)).status).toBe(200);
  stream = await openStream(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
});

afterAll(async () => {
  stream?.close();
  await stopPlayground(playground);
  await t?.teardown();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('proactive posts in the Microsoft 365 Agents Playground', () => {
  it('posts the demo team’s digest in its General channel and a warning in the SENCo’s chat after a sweep', async () => {
    const references = await ConversationReferences.open(t.cosmos.db.database);
    await sendTemplate('install', DEMO_TEAM.channel.id);
    await sendTemplate('install', 'ehc-personal-chat');
    const channel = await until(() => references.channel(DEMO_TEAM.channel.id));
    expect(channel).toMatchObject({ teamId: DEMO_TEAM.teamId, teamName: DEMO_TEAM.name });
    await until(() => references.personal(demoUser('senco-harbour').identity));

    expect(await t.app.sweepNow()).toMatchObject({ swept: true });
    const report = await t.app.deliverNow();
    expect(report).toMatchObject({ posted: 1, failed: 0 });
    expect(report.sent).toBeGreaterThan(0);

    const digest = await stream.next((m) =>
      JSON.stringify(m.message.attachments).includes('Review deadlines for'),
    );
    expect(digest.actionConversationId).not.toBe('ehc-personal-chat');
    const card = digest.message.attachments[0];
    expect(card?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect(cardSchemaErrors(card?.content)).toEqual([]);
    expect(JSON.stringify(card?.content)).toContain('Review deadlines for Harbour Primary School');

    const warning = await stream.next(
      (m) =>
        m.actionConversationId === 'ehc-personal-chat' &&
        JSON.stringify(m.message.attachments).includes('Open the case'),
    );
    expect(cardSchemaErrors(warning.message.attachments[0]?.content)).toEqual([]);
  });
});
