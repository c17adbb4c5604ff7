import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_TEAM } from '../../bot/src/demo/demo-team.ts';
import { DEMO_TENANT_ID, demoUser } from '../../bot/src/demo/demo-users.ts';
import { identityKey } from '../../bot/src/review/case.ts';
import { ConversationReferences } from '../../bot/src/store/conversation-references.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { BotConnectorStandIn } from '../support/bot-connector-stand-in.ts';

const BOT = { id: '28:ehc-review-hub', name: 'EHC Review Hub' };
const TEAM = {
  id: DEMO_TEAM.teamId,
  name: DEMO_TEAM.name,
  aadGroupId: '5b7e2f0a-3c4d-4e8f-9a1b-2c3d4e5f6a7b',
};
const REVIEWS_CHANNEL = '19:annual-reviews@thread.tacv2';
const rosa = demoUser('senco-harbour');

let t: TestApp;
let connector: BotConnectorStandIn;
let references: ConversationReferences;
let sequence = 0;

beforeAll(async () => {
  [t, connector] = await Promise.all([startTestApp(), new BotConnectorStandIn().start()]);
  references = await ConversationReferences.open(t.cosmos.db.database);
});
afterAll(async () => {
  await connector?.stop();
  await t?.teardown();
});
beforeEach(() => {
  connector.channels.clear();
  connector.channels.set(DEMO_TEAM.channel.id, { teamId: TEAM.id });
  connector.channels.set(REVIEWS_CHANNEL, { teamId: TEAM.id, name: 'Annual reviews' });
});

/** A Teams event activity as the channel posts it (Teams platform docs, "Conversation events"). */
function teamEvent(fields: Record<string, unknown>, channelData: Record<string, unknown>) {
  sequence += 1;
  return {
    id: `event-${sequence}`,
    channelId: 'msteams',
    // Filled in when posted: the stand-in starts after the table of cases is built.
    serviceUrl: connector?.url ?? 'http://127.0.0.1:9/',
    from: { id: '29:rosa', aadObjectId: rosa.identity.objectId },
    recipient: BOT,
    conversation: { id: TEAM.id, conversationType: 'channel', isGroup: true, tenantId: DEMO_TENANT_ID },
    ...fields,
    channelData: { tenant: { id: DEMO_TENANT_ID }, team: TEAM, ...channelData },
  };
}

function personalEvent(fields: Record<string, unknown>) {
  sequence += 1;
  return {
    id: `event-${sequence}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:rosa', aadObjectId: rosa.identity.objectId },
    recipient: BOT,
    conversation: { id: 'a:1rosa-personal', conversationType: 'personal', tenantId: DEMO_TENANT_ID },
    channelData: { tenant: { id: DEMO_TENANT_ID } },
    ...fields,
  };
}

async function post(activity: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
}

const install = () =>
  post(
    teamEvent(
      { type: 'installationUpdate', action: 'add' },
      { settings: { selectedChannel: { id: TEAM.id } }, source: { name: 'message' } },
    ),
  );

async function channelIds(): Promise<string[]> {
  return (await references.channelsOfTeam(TEAM.id)).map((c) => c.conversationId).sort();
}

describe('the conversations the bot keeps, from Teams’ events', () => {
  it('on install in a team, keeps the team’s General channel and every channel the Bot Connector lists', async () => {
    await install();
    expect(await channelIds()).toEqual([DEMO_TEAM.channel.id, REVIEWS_CHANNEL].sort());
    expect(connector.calls.at(-1)).toMatchObject({
      method: 'GET',
      path: `/v3/teams/${TEAM.id}/conversations`,
    });
    expect(await references.channel(REVIEWS_CHANNEL)).toMatchObject({
      kind: 'channel',
      serviceUrl: connector.url,
      tenantId: DEMO_TENANT_ID,
      botId: BOT.id,
      teamId: TEAM.id,
      teamName: TEAM.name,
      channelName: 'Annual reviews',
    });
  });

  it('keeps a channel created, renames it, and forgets it when deleted', async () => {
    await install();
    const created = { id: '19:transfers@thread.tacv2', name: 'Phase transfers' };
    await post(teamEvent({ type: 'conversationUpdate' }, { eventType: 'channelCreated', channel: created }));
    expect(await references.channel(created.id)).toMatchObject({
      channelName: 'Phase transfers',
      teamId: TEAM.id,
    });
    await post(
      teamEvent(
        { type: 'conversationUpdate' },
        { eventType: 'channelRenamed', channel: { ...created, name: 'Year 6 transfers' } },
      ),
    );
    expect(await references.channel(created.id)).toMatchObject({ channelName: 'Year 6 transfers' });
    await post(teamEvent({ type: 'conversationUpdate' }, { eventType: 'channelDeleted', channel: created }));
    expect(await references.channel(created.id)).toBeUndefined();
  });

  it.each([
    ['the app uninstalled from the team', teamEvent({ type: 'installationUpdate', action: 'remove' }, {})],
    [
      'the bot removed from the team',
      teamEvent({ type: 'conversationUpdate', membersRemoved: [BOT] }, { eventType: 'teamMemberRemoved' }),
    ],
    ['the team deleted', teamEvent({ type: 'conversationUpdate' }, { eventType: 'teamDeleted' })],
  ])('forgets every channel of the team when %s', async (_, event) => {
    await install();
    expect(await channelIds()).toHaveLength(2);
    await post({ ...event, serviceUrl: connector.url });
    expect(await channelIds()).toEqual([]);
  });

  it('keeps the team when the bot is added as a member (teamMemberAdded)', async () => {
    await post(
      teamEvent({ type: 'conversationUpdate', membersAdded: [BOT] }, { eventType: 'teamMemberAdded' }),
    );
    expect(await channelIds()).toEqual([DEMO_TEAM.channel.id, REVIEWS_CHANNEL].sort());
  });

  it('keeps a personal install by the user’s account, and forgets it on uninstall', async () => {
    await post(personalEvent({ type: 'installationUpdate', action: 'add' }));
    expect(await references.personal(rosa.identity)).toMatchObject({
      kind: 'personal',
      conversationId: 'a:1rosa-personal',
      userKey: identityKey(rosa.identity),
    });
    await post(personalEvent({ type: 'installationUpdate', action: 'remove' }));
    expect(await references.personal(rosa.identity)).toBeUndefined();
  });

  it('posts the demo team’s daily digest into its channel after a sweep (local mode)', async () => {
    await install();
    const before = connector.delivered.length;
    const swept = await t.app.sweepNow();
    expect(swept).toMatchObject({ swept: true });
    await t.app.deliverNow();
    const posts = connector.delivered.slice(before).filter((d) => d.channelId === DEMO_TEAM.channel.id);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.activity)).toContain('Review deadlines for Harbour Primary School');
    // Again the same day: nothing more.
    await t.app.sweepNow();
    await t.app.deliverNow();
    expect(connector.delivered.slice(before).filter((d) => d.channelId)).toHaveLength(1);
  });
});
