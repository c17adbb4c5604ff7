import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  cardBytes,
  TEAMS_CARD_LIMIT_BYTES,
} from '../../bot/src/cards/adaptive-card.ts';
import { ARRANGE_VERBS } from '../../bot/src/cards/arrange-card.ts';
import { demoUser } from '../../bot/src/demo/demo-users.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, type TestApp } from '../support/app.ts';
import { makeCardAction, makeMessageActivity } from './factories.ts';
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

const rosa = demoUser('senco-harbour').identity.objectId;
const NO_REPLIES = 'http://127.0.0.1:9/';

async function post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function message(text: string): Promise<PostedReply> {
  const reply = connector.nextReply();
  expect((await post(makeMessageActivity(connector.serviceUrl, rosa, text))).status).toBe(200);
  return reply;
}

/** Presses `verb` on a card with `inputs`, as Teams sends it; resolves with the card answered. */
async function press(verb: string, data: Record<string, string>): Promise<AdaptiveCard> {
  const { status, body } = await post(makeCardAction(NO_REPLIES, rosa, verb, data));
  expect(status).toBe(200);
  expect(body, JSON.stringify(body)).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
  return (body as { value: AdaptiveCard }).value;
}

const texts = (card: AdaptiveCard) => JSON.stringify(card.body);
const dataOf = (card: AdaptiveCard) => {
  const action = card.actions?.find((a) => a.type === 'Action.Execute');
  return action && action.type === 'Action.Execute' ? { ...action.data } : {};
};
/** The element right after the input with `id`. */
const afterInput = (card: AdaptiveCard, id: string) => {
  const index = card.body.findIndex((e) => 'id' in e && e.id === id);
  return card.body[index + 1];
};

describe('arranging in chat: "arrange <child>" and the arrange card', () => {
  it('arrange Noah -> save in draft (a bad time named beside its input) -> confirm -> an .ics for everyone invited', async () => {
    const reply = await message('arrange Noah');
    const card = reply.activity.attachments?.[0]?.content as AdaptiveCard;
    expect(reply.activity.attachments?.[0]?.contentType).toBe(ADAPTIVE_CARD_CONTENT_TYPE);
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(cardBytes(card)).toBeLessThan(TEAMS_CARD_LIMIT_BYTES);
    expect(texts(card)).toContain("Arrange Noah's annual review");
    expect(texts(card)).not.toContain('Penrose');
    const data = dataOf(card);
    expect(data).toMatchObject({ laCode: '999', caseId: 'NS-1003' });

    const inputs = {
      'meeting.on': '2026-12-09',
      'meeting.startTime': '9.30',
      'meeting.endTime': '10:30',
      'meeting.venue': 'Harbour Primary, meeting room',
      'meeting.online': 'true',
    };
    const refused = await press(ARRANGE_VERBS.saveDraft, { ...data, ...inputs });
    expect(afterInput(refused, 'meeting.startTime')).toMatchObject({
      color: 'attention',
      text: 'a time of day, HH:MM (24-hour)',
    });
    expect(cardSchemaErrors(refused)).toEqual([]);

    const good = { ...inputs, 'meeting.startTime': '09:30' };
    const saved = await press(ARRANGE_VERBS.saveDraft, { ...dataOf(refused), ...good });
    expect(texts(saved)).toContain('Saved.');
    const again = await press(ARRANGE_VERBS.saveDraft, { ...dataOf(refused), ...good });
    expect(texts(again)).toContain('Saved.');

    const confirmed = await press(ARRANGE_VERBS.confirm, { ...dataOf(saved), ...good });
    expect(cardSchemaErrors(confirmed)).toEqual([]);
    expect(texts(confirmed)).toContain('Invitations confirmed');
    expect(confirmed.actions?.map((a) => a.title)).toEqual(['Save and update invitees']);
    expect((await t.app.dispatchNow()).sent).toBe(1);
    const listed = await t.get('/api/cases/999/NS-1003/review/invitations', 'senco-harbour');
    const [invite] = (listed.body as { invitations: { download: string }[] }).invitations;
    const file = await t.get(invite?.download ?? '', 'senco-harbour');
    const event = new ICAL.Component(ICAL.parse(String(file.body))).getFirstSubcomponent('vevent');
    expect(String(event?.getFirstPropertyValue('dtstart'))).toBe('2026-12-09T09:30:00');
  });

  it('a name that is not one of the user’s children: no card, no case named', async () => {
    const reply = await message('arrange Nobody');
    expect(reply.activity.text).toContain('None of your live reviews');
  });

  it('a card action from someone the bot does not know is refused', async () => {
    const { body } = await post(makeCardAction(NO_REPLIES, 'unknown-object-id', ARRANGE_VERBS.saveDraft, {}));
    expect(body).toMatchObject({ statusCode: 401 });
  });
});
