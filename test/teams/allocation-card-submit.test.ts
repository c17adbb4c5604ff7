import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../bot/src/cards/adaptive-card.ts';
import { ALLOCATION_INPUTS, ALLOCATION_VERBS } from '../../bot/src/cards/allocation-card.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeMessageActivity } from './factories.ts';
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

const subject = { laCode: '999', caseId: 'NS-1016', requestId: 'r4' };
const ALLOCATOR = demoUser('ds-allocator').identity.objectId;
const CARD_MESSAGE_ID = '1732356000001';

/** An `Action.Submit` pressed in Teams: a `message` with no text whose `value` is the button's data and the card's inputs. */
function submitActivity(value: Record<string, string>, objectId = ALLOCATOR): Record<string, unknown> {
  const {
    text: _text,
    textFormat: _format,
    ...activity
  } = makeMessageActivity(connector.serviceUrl, objectId, '', { value, replyToId: CARD_MESSAGE_ID });
  return activity;
}

/** Posts the submit and takes what the bot sent back through the connector. */
async function submit(value: Record<string, string>, objectId = ALLOCATOR): Promise<PostedReply> {
  const reply = connector.nextReply();
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(submitActivity(value, objectId)),
  });
  await response.text();
  expect(response.status).toBe(200);
  return reply;
}

function cardOf(reply: PostedReply): AdaptiveCard {
  const attachment = reply.activity.attachments?.[0];
  expect(attachment?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
  const card = attachment?.content as AdaptiveCard;
  expect(cardSchemaErrors(card)).toEqual([]);
  return card;
}

async function requestState(): Promise<{ state: string; reason?: string }> {
  const page = await t.get('/api/cases/999/NS-1016/review/contribution', 'senco-harbour');
  const found = (page.body as { requests: { id: string; state: string; reason?: string }[] }).requests.find(
    (r) => r.id === subject.requestId,
  );
  if (!found) throw new Error('no request r4');
  return found;
}

describe('the allocation card’s Action.Submit fallback through /api/messages (real Teams message payloads)', () => {
  it('a submit from someone not the team’s allocator is refused with a message, changing nothing', async () => {
    const reply = await submit(
      { ...subject, cardId: 'card0000fallbk0', verb: ALLOCATION_VERBS.decline, reason: 'No' },
      demoUser('senco-harbour').identity.objectId,
    );
    expect(reply.method).toBe('POST');
    expect(reply.activity.attachments ?? []).toEqual([]);
    expect(reply.activity.text).toBeTruthy();
    expect(await requestState()).toMatchObject({ state: 'requested' });
  });

  it('decline: a blank reason comes back beside the field, in place; then the receipt, declined once', async () => {
    const base = { ...subject, cardId: 'card0000fallbk1', verb: ALLOCATION_VERBS.decline };
    const refusedReply = await submit({ ...base, [ALLOCATION_INPUTS.reason]: '' });
    expect(refusedReply.method).toBe('PUT');
    expect(refusedReply.path).toContain(`/activities/${CARD_MESSAGE_ID}`);
    const refused = cardOf(refusedReply);
    const at = refused.body.findIndex((e) => 'id' in e && e.id === ALLOCATION_INPUTS.reason);
    expect(refused.body[at + 1]).toMatchObject({
      color: 'attention',
      text: 'say why the request is declined',
    });
    expect(await requestState()).toMatchObject({ state: 'requested' });

    const declining = { ...base, [ALLOCATION_INPUTS.reason]: 'Not known to the service' };
    const receipt = cardOf(await submit(declining));
    expect(JSON.stringify(receipt.body)).toContain('Declined on');
    expect(JSON.stringify(cardOf(await submit(declining)).body)).toContain('Not known to the service');
    expect(await requestState()).toMatchObject({ state: 'declined', reason: 'Not known to the service' });
  });
});
