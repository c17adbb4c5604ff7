import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../bot/src/cards/adaptive-card.ts';
import { demoCaseFiles } from '../../bot/src/demo/demo-cases.ts';
import { DEMO_TENANT_ID, demoUser, PLAYGROUND_VISITOR } from '../../bot/src/demo/demo-users.ts';
import { accountKey } from '../../bot/src/identity/user-directory.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { CosmosAuditLog } from '../../bot/src/store/cosmos-audit-log.ts';
import { NO_ACCESS_REPLY, PRIVATE_CHAT_ONLY_REPLY } from '../../bot/src/teams/answer.ts';
import { helpReply, notUnderstoodReply, UNDERSTOOD, welcomeReply } from '../../bot/src/teams/help.ts';
import { conversationTypeOf } from '../../bot/src/teams/review-bot.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/app.ts';
import { makeChannelMention, makeGroupChatMention, makeMessageActivity } from './factories.ts';
import { type PostedReply, type ReplyServer, startReplyServer } from './reply-server.ts';

let t: TestApp;
let connector: ReplyServer;
beforeAll(async () => {
  [t, connector] = await Promise.all([startTestApp(), startReplyServer()]);
});
afterAll(async () => {
  await connector?.close();
  await t?.teardown();
});

/** Posts `activity` to the bot as the Teams channel would, and resolves with the bot's reply. */
async function send(activity: Record<string, unknown>): Promise<PostedReply> {
  const reply = connector.nextReply();
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  expect(response.status).toBe(200);
  return reply;
}

function cardOf(reply: PostedReply): AdaptiveCard {
  const attachment = reply.activity.attachments?.[0];
  expect(attachment?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  return attachment?.content as AdaptiveCard;
}

const objectId = (id: Parameters<typeof demoUser>[0]) => demoUser(id).identity.objectId;

/** Every audit document written so far, in every partition (cases' and readers'). */
async function auditEntryCount(): Promise<number> {
  const { resources } = await t.cosmos.db.audit.items.readAll().fetchAll();
  return resources.length;
}

describe('the bot answers "reviews" with the user’s live reviews', () => {
  it('sends the SENCo a schema-valid card of their setting’s ten most urgent reviews, and says how many more', async () => {
    const activity = makeMessageActivity(connector.serviceUrl, objectId('senco-harbour'), 'reviews');
    const reply = await send(activity);
    expect(reply.path).toBe(
      `/v3/conversations/${encodeURIComponent(String((activity.conversation as { id: string }).id))}/activities/${activity.id}`,
    );
    const card = cardOf(reply);
    expect(cardSchemaErrors(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('16 live reviews');
    expect(text).toContain('6 more reviews');
    expect(text).toContain('Amelia Rowe'); // overdue review: the most urgent
    expect(text).not.toContain('Fellside Academy');
  });

  it('words each next action for the reader: an educational psychologist sees only what they owe', async () => {
    const card = cardOf(
      await send(makeMessageActivity(connector.serviceUrl, objectId('ep-lowe'), 'reviews')),
    );
    const lines = [...JSON.stringify(card).matchAll(/"Next: ([^,"]+)/g)].map(([, action]) => action);
    expect(lines.length).toBeGreaterThan(0);
    for (const action of lines) {
      expect(['Submit your advice', 'Answer the advice request', 'Nothing for you yet']).toContain(action);
    }
  });

  it('understands "Reviews" in any case, with spaces and a full stop', async () => {
    const reply = await send(
      makeMessageActivity(connector.serviceUrl, objectId('parent-whitfield'), '  REVIEWS. '),
    );
    const text = JSON.stringify(cardOf(reply));
    expect(text).toContain('1 live review,');
    expect(text).toContain('Leo Whitfield');
  });

  it('records the cases it lists as one list read, as read through the bot', async () => {
    const user = demoUser('parent-whitfield');
    await send(makeMessageActivity(connector.serviceUrl, user.identity.objectId, 'reviews'));
    const { items } = await new CosmosAuditLog(t.cosmos.db.audit).listReadsOf({
      laCode: '999',
      caseId: 'NS-1016',
    });
    expect(items).toContainEqual({
      at: expect.any(String),
      actor: accountKey(user.identity),
      via: 'bot',
      count: 1,
    });
  });
});

describe('in a channel or a group chat, where others would see the card', () => {
  it.each([
    ['a team channel, where Teams gives the tenant only in channelData', makeChannelMention],
    ['a group chat, which may include a parent', makeGroupChatMention],
  ])(
    'in %s, "reviews" gets a short text saying to ask in a 1:1 chat, naming no case and reading none',
    async (_, make) => {
      const before = await auditEntryCount();
      const reply = await send(make(connector.serviceUrl, objectId('ep-lowe'), 'reviews'));
      expect(reply.activity.text).toBe(PRIVATE_CHAT_ONLY_REPLY);
      expect(reply.activity.text).toContain('Open a 1:1 chat with EHC Review Hub and send **reviews**');
      expect(reply.activity.attachments ?? []).toEqual([]);
      const sent = JSON.stringify(reply.activity);
      for (const file of demoCaseFiles(plainDate(TEST_TODAY))) {
        expect(sent).not.toContain(file.case.child.name);
        expect(sent).not.toContain(file.case.caseId);
      }
      expect(await auditEntryCount()).toBe(before);
    },
  );

  it('a message whose conversation type Teams did not give is treated as shared, not private', async () => {
    const activity = makeMessageActivity(connector.serviceUrl, objectId('senco-harbour'), 'reviews', {
      conversation: { id: 'a:unknown-conversation', tenantId: DEMO_TENANT_ID },
    });
    const reply = await send(activity);
    expect(reply.activity.text).toBe(PRIVATE_CHAT_ONLY_REPLY);
    expect(reply.activity.attachments ?? []).toEqual([]);
  });

  it('help is the same everywhere, and says the reviews are shown in a 1:1 chat', async () => {
    const reply = await send(makeChannelMention(connector.serviceUrl, objectId('ep-lowe'), 'hello'));
    expect(reply.activity.text).toBe(helpReply(demoUser('ep-lowe')));
    expect(reply.activity.text).toContain(
      '**reviews** (your live reviews, most urgent first, in a 1:1 chat with me)',
    );
  });
});

describe('which conversation a message is in', () => {
  it.each([
    [{ id: 'a:1', conversationType: 'personal' }, 'personal'],
    [{ id: '19:g@thread.v2', conversationType: 'groupChat', isGroup: true }, 'groupChat'],
    [{ id: '19:c@thread.tacv2', conversationType: 'channel', isGroup: true }, 'channel'],
    [{ id: 'a:1', conversationType: 'personal', isGroup: true }, undefined],
    [{ id: 'a:1', conversationType: 'meeting' }, undefined],
    [{ id: 'a:1' }, undefined],
  ])('%j is %s', (conversation, expected) => {
    expect(conversationTypeOf({ conversation } as Parameters<typeof conversationTypeOf>[0])).toBe(expected);
  });
});

describe('hello, help and anything else', () => {
  it.each([
    ['senco-harbour', "As your setting's SENCo"],
    ['la-coordinator', 'As an officer of the local authority'],
    ['ep-lowe', 'You can see the reviews you are invited to'],
    ['ds-allocator', 'allocate it to a named professional'],
  ] as const)('"help" tells %s what they can do here, by role', async (id, words) => {
    const reply = await send(makeMessageActivity(connector.serviceUrl, objectId(id), 'help'));
    expect(reply.activity.text).toBe(helpReply(demoUser(id)));
    expect(reply.activity.text).toContain(words);
    expect(reply.activity.text).toContain(UNDERSTOOD);
    expect(reply.activity.attachments ?? []).toEqual([]);
  });

  it('"hello" is answered as help', async () => {
    const reply = await send(makeMessageActivity(connector.serviceUrl, objectId('la-coordinator'), 'Hello!'));
    expect(reply.activity.text).toBe(helpReply(demoUser('la-coordinator')));
  });

  it('a request it does not understand: it says so and lists what it understands', async () => {
    const reply = await send(
      makeMessageActivity(connector.serviceUrl, objectId('senco-harbour'), 'show me Amelia please'),
    );
    expect(reply.activity.text).toBe(notUnderstoodReply());
    expect(reply.activity.text).toMatch(/^Sorry, I did not understand that\. I understand: \*\*reviews\*\*/);
    expect(reply.activity.text).not.toContain('Amelia');
  });
});

describe('installed in personal scope', () => {
  function installed(aadObjectId: string): Record<string, unknown> {
    const {
      text: _text,
      textFormat: _format,
      ...activity
    } = makeMessageActivity(connector.serviceUrl, aadObjectId, '');
    return {
      ...activity,
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:ehc-review-hub' }, { id: `29:user-${aadObjectId}` }],
    };
  }

  it('welcomes the user with what they can do here, by role', async () => {
    const reply = await send(installed(objectId('senco-harbour')));
    expect(reply.activity.text).toBe(welcomeReply(demoUser('senco-harbour')));
    expect(reply.activity.text).toMatch(/^Welcome to EHC Review Hub, Rosa\. As your setting's SENCo/);
  });

  it('tells someone the directory does not know that they have no access', async () => {
    const reply = await send(installed(PLAYGROUND_VISITOR.identity.objectId));
    expect(reply.activity.text).toBe(NO_ACCESS_REPLY);
  });
});

describe('"Open the EHC Review Hub" in local mode', () => {
  it('opens the tab signed in as the chat’s demo user, not on the picker', async () => {
    const reply = await send(makeMessageActivity(connector.serviceUrl, objectId('senco-harbour'), 'reviews'));
    const [open] = cardOf(reply).actions ?? [];
    expect(open).toMatchObject({ type: 'Action.OpenUrl', title: 'Open the EHC Review Hub' });
    const url = new URL((open as { url: string }).url);
    expect(url.searchParams.get('demo-user')).toBe('senco-harbour');
  });
});

describe('someone the directory does not know', () => {
  it.each([
    ['a Teams user with no access', PLAYGROUND_VISITOR.identity.objectId, 'reviews'],
    ['a demo user’s object id in another tenant', objectId('senco-harbour'), 'reviews'],
  ])('%s is told they have no access, and nothing else', async (_, aadObjectId, text) => {
    const activity = makeMessageActivity(connector.serviceUrl, aadObjectId, text);
    const other =
      _ === 'a demo user’s object id in another tenant'
        ? {
            ...activity,
            conversation: { id: 'a:chat', tenantId: 'ffffffff-0000-0000-0000-000000000000' },
            channelData: {},
          }
        : activity;
    const reply = await send(other);
    expect(reply.activity.text).toBe(NO_ACCESS_REPLY);
    expect(reply.activity.attachments ?? []).toEqual([]);
  });

  it('a message with no Entra ID account at all is told the same', async () => {
    const activity = makeMessageActivity(connector.serviceUrl, '', 'reviews', { from: { id: 'anonymous' } });
    const reply = await send(activity);
    expect(reply.activity.text).toBe(NO_ACCESS_REPLY);
  });
});
