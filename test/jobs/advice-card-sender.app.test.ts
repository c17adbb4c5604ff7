import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOCATION_VERBS } from '../../bot/src/cards/allocation-card.ts';
import { DEMO_TENANT_ID, demoUser } from '../../bot/src/demo/demo-users.ts';
import { ALLOCATION_SUMMARY } from '../../bot/src/jobs/advice-card-sender.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { BotConnectorStandIn } from '../support/bot-connector-stand-in.ts';

const BOT = { id: '28:ehc-review-hub', name: 'EHC Review Hub' };
const ALLOCATOR = demoUser('ds-allocator');
const CHAT = 'a:1allocator-personal';
/** NS-1016: Harbour Primary, contributing; the Disability Service's request (r4) open. */
const REVIEW = '/api/cases/999/NS-1016/review';

let t: TestApp;
let connector: BotConnectorStandIn;
beforeAll(async () => {
  [t, connector] = await Promise.all([startTestApp(), new BotConnectorStandIn().start()]);
});
afterAll(async () => {
  await connector?.stop();
  await t?.teardown();
});

/** The allocator installs the app personally: Teams' real `installationUpdate` payload. */
async function installForAllocator(): Promise<void> {
  connector.conversations.add(CHAT);
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: 'install-1',
      type: 'installationUpdate',
      action: 'add',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: '29:allocator', aadObjectId: ALLOCATOR.identity.objectId },
      recipient: BOT,
      conversation: { id: CHAT, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      channelData: { tenant: { id: DEMO_TENANT_ID } },
    }),
  });
  expect(response.status).toBe(200);
}

describe('requests in Teams, in the running server (local mode)', () => {
  it('the SENCo sends a team’s request again: its allocator gets the allocation card in their chat, once', async () => {
    await installForAllocator();
    const page = await t.get(`${REVIEW}/contribution`, 'senco-harbour');
    expect(page.status).toBe(200);
    const requests = (
      page.body as { requests: { id: string; inviteeId: string; to: string; state: string }[] }
    ).requests;
    const ds = requests.find((r) => r.to === 'Northshire Disability Service' && r.state === 'requested');
    expect(ds).toBeDefined();
    const body = { commandId: 'resend-ds-0001' };
    const path = `${REVIEW}/invitees/${ds?.inviteeId}/request-advice`;
    expect((await t.post(path, body, 'senco-harbour')).status).toBe(200);
    await t.app.dispatchNow();
    // The same command again (a retried request) changes nothing and sends nothing more.
    expect((await t.post(path, body, 'senco-harbour')).status).toBe(200);
    await t.app.dispatchNow();
    const toChat = connector.delivered.filter((d) => d.conversationId === CHAT);
    expect(toChat).toHaveLength(1);
    const activity = toChat[0]?.activity as {
      text?: string;
      summary?: string;
      attachments?: { contentType: string; content: unknown }[];
    };
    expect(activity.text).toBeUndefined();
    expect(activity.summary).toBe(ALLOCATION_SUMMARY);
    expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(activity.attachments?.[0]?.content)).toContain(`"requestId":"${ds?.id}"`);
    expect(cardSchemaErrors(activity.attachments?.[0]?.content)).toEqual([]);
    for (const verb of [ALLOCATION_VERBS.accept, ALLOCATION_VERBS.decline, ALLOCATION_VERBS.allocate])
      expect(JSON.stringify(activity.attachments?.[0]?.content)).toContain(`"verb":"${verb}"`);
  });
});
