import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../bot/src/cards/adaptive-card.ts';
import { ADVICE_VERBS } from '../../bot/src/cards/advice-card.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { SOCIAL_WORKER } from '../api/factories.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeCardAction, makeMessageActivity } from './factories.ts';
import { type PostedReply, type ReplyServer, startReplyServer } from './reply-server.ts';

let t: TestApp;
let connector: ReplyServer;
beforeAll(async () => {
  [t, connector] = await Promise.all([startTestApp({ extraUsers: [SOCIAL_WORKER] }), startReplyServer()]);
  const allocated = await t.post(
    '/api/cases/999/NS-1016/review/requests/r4/allocate',
    { commandId: 'allocate-r4-0001', professional: { name: SOCIAL_WORKER.name, email: SOCIAL_WORKER.email } },
    'ds-allocator',
  );
  expect(allocated.status).toBe(200);
});
afterAll(async () => {
  await connector?.close();
  await t?.teardown();
});

const subject = { laCode: '999', caseId: 'NS-1016', requestId: 'r4' };
const CARD_MESSAGE_ID = '1732356000000';

/**
 * An `Action.Submit` pressed in Teams: a `message` with no text whose `value` is the button's data
 * merged with the card's inputs, `replyToId` the message that holds the card (`null`: none).
 */
function submitActivity(
  value: Record<string, string>,
  objectId = SOCIAL_WORKER.identity.objectId,
  replyToId: string | null = CARD_MESSAGE_ID,
): Record<string, unknown> {
  const {
    text: _text,
    textFormat: _format,
    ...activity
  } = makeMessageActivity(connector.serviceUrl, objectId, '', { value, ...(replyToId ? { replyToId } : {}) });
  return activity;
}

async function post(activity: Record<string, unknown>): Promise<number> {
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.text();
  return response.status;
}

/** Posts the submit and takes what the bot sent back through the connector. */
async function submit(...args: Parameters<typeof submitActivity>): Promise<PostedReply> {
  const reply = connector.nextReply();
  expect(await post(submitActivity(...args))).toBe(200);
  return reply;
}

function cardOf(reply: PostedReply): AdaptiveCard {
  const attachment = reply.activity.attachments?.[0];
  expect(attachment?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  const card = attachment?.content as AdaptiveCard;
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
}

/** The card's body without what differs between two cards of the same draft (each card's own id). */
function shown(card: AdaptiveCard): unknown {
  return JSON.parse(JSON.stringify(card.body).replace(/"cardId":"[^"]+"/g, '"cardId":""'));
}

const inputOf = (card: AdaptiveCard, id: string) => card.body.find((e) => 'id' in e && e.id === id);

const draft = {
  ...subject,
  page: '0',
  'outcomes.o1.progress': 'on-track',
  'outcomes.o1.commentary': 'Enjoys short breaks with his peers.',
  'provision.0.intervention': 'Short breaks',
  'provision.0.providedBy': 'Disability Service',
  'provision.0.frequency': 'monthly',
  'provision.0.duration': '1 day',
  'provision.0.groupSize': '1:1',
};

describe('the advice card’s Action.Submit fallback through /api/messages (real Teams message payloads)', () => {
  it('saves the same draft as the invoke and updates the card in place', async () => {
    const response = await fetch(`${t.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        makeCardAction('http://127.0.0.1:9/', SOCIAL_WORKER.identity.objectId, ADVICE_VERBS.saveDraft, {
          ...draft,
          cardId: 'card0000submit1',
        }),
      ),
    });
    const invoked = ((await response.json()) as { value: AdaptiveCard }).value;

    const reply = await submit({ ...draft, cardId: 'card0000submit1', verb: ADVICE_VERBS.saveDraft });
    expect(reply.method).toBe('PUT');
    expect(reply.path).toContain(`/activities/${CARD_MESSAGE_ID}`);
    const card = cardOf(reply);
    expect(JSON.stringify(card.body)).toContain('Draft saved');
    expect(shown(card)).toEqual(shown(invoked));
  });

  it('"Add another provision row" keeps what was typed and shows one more empty row', async () => {
    const reply = await submit({
      ...draft,
      'provision.0.frequency': 'fortnightly',
      provisionRows: '1',
      cardId: 'card0000submit2',
      add: 'provision',
      verb: ADVICE_VERBS.addRow,
    });
    const card = cardOf(reply);
    expect(inputOf(card, 'provision.0.frequency')).toMatchObject({ value: 'fortnightly' });
    expect(inputOf(card, 'provision.1.intervention')).toMatchObject({ type: 'Input.Text' });
    expect(inputOf(card, 'provision.1.intervention')).not.toHaveProperty('value');
    expect(inputOf(card, 'provision.2.intervention')).toBeUndefined();

    // A half-filled second row comes back with its problem beside the right field.
    const refused = cardOf(
      await submit({
        ...draft,
        provisionRows: '2',
        'provision.1.intervention': 'Social group',
        cardId: 'card0000submit2',
        verb: ADVICE_VERBS.saveDraft,
      }),
    );
    const at = refused.body.findIndex((e) => 'id' in e && e.id === 'provision.1.providedBy');
    expect(refused.body[at + 1]).toMatchObject({ color: 'attention', text: 'say who will provide it' });
  });

  it('a submit repeated stores one submission; without replyToId the card comes as a reply', async () => {
    const inputs = {
      ...draft,
      cardId: 'card0000submit3',
      verb: ADVICE_VERBS.submit,
      'outcomes.o2.progress': 'not-on-track',
      'outcomes.o2.commentary': 'Finds changes of routine hard.',
      'outcomes.o3.progress': 'complete',
      'outcomes.o3.commentary': 'Met.',
    };
    const first = cardOf(await submit(inputs));
    expect(JSON.stringify(first.body)).toContain('Advice submitted');
    const again = await submit(inputs, SOCIAL_WORKER.identity.objectId, null);
    expect(again.method).toBe('POST');
    expect(JSON.stringify(cardOf(again).body)).toContain('Advice submitted');

    const page = await t.get('/api/cases/999/NS-1016/review/contribution', 'senco-harbour');
    const body = page.body as { advice: { key: string; state: string }[]; index: { id: string }[] };
    expect(body.advice.filter((a) => a.key === 'r4')).toMatchObject([{ state: 'submitted' }]);
    expect(body.index.filter((a) => a.id === 'r4')).toHaveLength(1);
  });

  it('a submit from someone the request is not for is refused with a message, changing nothing', async () => {
    const before = await t.get('/api/cases/999/NS-1016/review/contribution', 'senco-harbour');
    const reply = await submit(
      { ...draft, cardId: 'card0000submit4', verb: ADVICE_VERBS.saveDraft },
      demoUser('ep-lowe').identity.objectId,
    );
    expect(reply.method).toBe('POST');
    expect(reply.activity.attachments ?? []).toEqual([]);
    expect(reply.activity.text).toBeTruthy();
    const after = await t.get('/api/cases/999/NS-1016/review/contribution', 'senco-harbour');
    expect(after.body).toEqual(before.body);
  });

  it('a message with text is still a message, not a submit', async () => {
    const reply = connector.nextReply();
    expect(
      await post(makeMessageActivity(connector.serviceUrl, SOCIAL_WORKER.identity.objectId, 'help')),
    ).toBe(200);
    expect((await reply).activity.text).toBeTruthy();
  });
});
