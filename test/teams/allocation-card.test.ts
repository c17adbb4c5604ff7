import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../../bot/src/cards/adaptive-card.ts';
import { ADVICE_VERBS } from '../../bot/src/cards/advice-card.ts';
import { ALLOCATION_INPUTS, ALLOCATION_VERBS } from '../../bot/src/cards/allocation-card.ts';
import { DEMO_TENANT_ID, demoUser } from '../../bot/src/demo/demo-users.ts';
import { formatLong, plainDate } from '../../bot/src/review/plain-date.ts';
import { storesOver } from '../../bot/src/store/open-stores.ts';
import { SOCIAL_WORKER } from '../api/factories.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { startTestApp, TEST_TODAY, type TestApp } from '../support/app.ts';
import { BotConnectorStandIn } from '../support/bot-connector-stand-in.ts';
import { makeCardAction } from './factories.ts';

/** NS-1016: Harbour Primary, contributing; r4 is the Disability Service's request, waiting for the team. */
const REVIEW = '/api/cases/999/NS-1016/review';
const subject = { laCode: '999', caseId: 'NS-1016', requestId: 'r4' };
const ALLOCATOR = demoUser('ds-allocator').identity.objectId;
const NO_REPLIES = 'http://127.0.0.1:9/';
const WORKER_CHAT = 'a:1social-worker-personal';

let t: TestApp;
let connector: BotConnectorStandIn;
beforeAll(async () => {
  [t, connector] = await Promise.all([
    startTestApp({ extraUsers: [SOCIAL_WORKER] }),
    new BotConnectorStandIn().start(),
  ]);
  await installFor(SOCIAL_WORKER.identity.objectId, WORKER_CHAT);
});
afterAll(async () => {
  await connector?.stop();
  await t?.teardown();
});

/** `objectId` installs the app personally: Teams' real `installationUpdate` payload. */
async function installFor(objectId: string, chat: string): Promise<void> {
  connector.conversations.add(chat);
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      id: `install-${objectId}`,
      type: 'installationUpdate',
      action: 'add',
      channelId: 'msteams',
      serviceUrl: connector.url,
      from: { id: `29:user-${objectId}`, aadObjectId: objectId },
      recipient: { id: '28:ehc-review-hub', name: 'EHC Review Hub' },
      conversation: { id: chat, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
      channelData: { tenant: { id: DEMO_TENANT_ID } },
    }),
  });
  expect(response.status).toBe(200);
}

type InvokeBody = { statusCode: number; type: string; value: unknown };

async function press(verb: string, data: Record<string, string>, objectId = ALLOCATOR): Promise<InvokeBody> {
  const response = await fetch(`${t.app.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(makeCardAction(NO_REPLIES, objectId, verb, data)),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as InvokeBody;
}

async function card(verb: string, data: Record<string, string>): Promise<AdaptiveCard> {
  const body = await press(verb, data);
  expect(body, JSON.stringify(body)).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
  const value = body.value as AdaptiveCard;
  expect(cardSchemaErrors(value)).toEqual([]);
  return value;
}

type RequestRow = { id: string; inviteeId: string; state: string; reason?: string; allocatedTo?: string };

/** The Disability Service's request as the SENCo's contribute page shows it. */
async function requestAsSencoSees(): Promise<RequestRow> {
  const page = await t.get(`${REVIEW}/contribution`, 'senco-harbour');
  const found = (page.body as { requests: RequestRow[] }).requests.find((r) => r.id === subject.requestId);
  if (!found) throw new Error('no request r4');
  return found;
}

/** The SENCo sends the request again, which opens a declined one (the same command id changes nothing). */
async function sendAgain(commandId: string): Promise<void> {
  const { inviteeId } = await requestAsSencoSees();
  const sent = await t.post(`${REVIEW}/invitees/${inviteeId}/request-advice`, { commandId }, 'senco-harbour');
  expect(sent.status).toBe(200);
}

const under = (c: AdaptiveCard, id: string) => c.body[c.body.findIndex((e) => 'id' in e && e.id === id) + 1];
const text = (c: AdaptiveCard) => JSON.stringify(c.body);

describe('the allocation card through /api/messages (real Teams invoke payloads)', () => {
  it('someone not the team’s allocator is refused, and nothing changes', async () => {
    const typed = {
      ...subject,
      cardId: 'card0000refused',
      [ALLOCATION_INPUTS.name]: SOCIAL_WORKER.name,
      [ALLOCATION_INPUTS.email]: SOCIAL_WORKER.email,
      [ALLOCATION_INPUTS.reason]: 'Not known to the service',
    };
    const senco = demoUser('senco-harbour').identity.objectId;
    for (const verb of [ALLOCATION_VERBS.allocate, ALLOCATION_VERBS.decline, ALLOCATION_VERBS.accept]) {
      // The SENCo reads the case but allocates for no team.
      expect(await press(verb, typed, senco)).toMatchObject({
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'NOT_ALLOWED' },
      });
    }
    // Someone with no relation to the case is told there is no such case.
    expect(await press(ALLOCATION_VERBS.allocate, typed, SOCIAL_WORKER.identity.objectId)).toMatchObject({
      statusCode: 404,
      type: 'application/vnd.microsoft.error',
    });
    expect(await requestAsSencoSees()).toMatchObject({ state: 'requested' });
    expect((await requestAsSencoSees()).allocatedTo).toBeUndefined();
  });

  it('decline: a blank reason comes back beside the field with nothing changed; with a reason the card becomes the receipt, once', async () => {
    const base = { ...subject, cardId: 'card0000decline' };
    const refused = await card(ALLOCATION_VERBS.decline, { ...base, [ALLOCATION_INPUTS.reason]: '  ' });
    expect(under(refused, ALLOCATION_INPUTS.reason)).toMatchObject({
      color: 'attention',
      text: 'say why the request is declined',
    });
    expect(text(refused)).toContain('Nothing was changed');
    expect(await requestAsSencoSees()).toMatchObject({ state: 'requested' });

    const declining = { ...base, [ALLOCATION_INPUTS.reason]: 'Not known to the service' };
    const receipt = await card(ALLOCATION_VERBS.decline, declining);
    const day = formatLong(plainDate(TEST_TODAY));
    expect(text(receipt)).toContain(`Declined on ${day}: Not known to the service`);
    expect(receipt.refresh?.userIds).toEqual([`29:user-${ALLOCATOR}`]);
    expect(JSON.stringify(receipt)).not.toContain('Leo Whitfield');
    // Teams delivering the same invoke again: the same receipt, nothing declined twice.
    expect(text(await card(ALLOCATION_VERBS.decline, declining))).toContain('Declined on');
    expect(await requestAsSencoSees()).toMatchObject({
      state: 'declined',
      reason: 'Not known to the service',
    });
    // Teams' automatic refresh of the receipt answers with it as it stands, changing nothing.
    const refreshed = await press(ALLOCATION_VERBS.refresh, subject);
    expect(text(refreshed.value as AdaptiveCard)).toContain('Declined on');
  });

  it('accept for the team: the card becomes the advice card, for the allocator to answer themself', async () => {
    await sendAgain('resend-r4-after-decline');
    expect(await requestAsSencoSees()).toMatchObject({ state: 'requested' });
    const accepting = { ...subject, cardId: 'card0000accept0' };
    const advice = await card(ALLOCATION_VERBS.accept, accepting);
    const verbs = JSON.stringify(advice.actions);
    expect(verbs).toContain(ADVICE_VERBS.submit);
    expect(verbs).toContain(ADVICE_VERBS.saveDraft);
    expect(await requestAsSencoSees()).toMatchObject({ state: 'accepted' });
    // Pressed again (or delivered twice): the advice card again, nothing else.
    expect(JSON.stringify((await card(ALLOCATION_VERBS.accept, accepting)).actions)).toContain(
      ADVICE_VERBS.submit,
    );
  });

  it('allocate: a bad address beside its field; then the named professional shows on the review and gets the request, once', async () => {
    const base = { ...subject, cardId: 'card0000alloc01', [ALLOCATION_INPUTS.name]: SOCIAL_WORKER.name };
    const refused = await card(ALLOCATION_VERBS.allocate, { ...base, [ALLOCATION_INPUTS.email]: 'tomi' });
    expect(under(refused, ALLOCATION_INPUTS.email)).toMatchObject({
      color: 'attention',
      text: 'give the professional’s email address',
    });
    expect(refused.body.find((e) => 'id' in e && e.id === ALLOCATION_INPUTS.name)).toMatchObject({
      value: SOCIAL_WORKER.name,
    });
    expect((await requestAsSencoSees()).allocatedTo).toBeUndefined();

    const allocating = { ...base, [ALLOCATION_INPUTS.email]: SOCIAL_WORKER.email };
    const receipt = await card(ALLOCATION_VERBS.allocate, allocating);
    const day = formatLong(plainDate(TEST_TODAY));
    expect(text(receipt)).toContain(`Allocated to ${SOCIAL_WORKER.name} on ${day}.`);
    // The same invoke delivered twice: one allocation, one card to the professional.
    expect(text(await card(ALLOCATION_VERBS.allocate, allocating))).toContain('Allocated to');
    expect(await requestAsSencoSees()).toMatchObject({ state: 'accepted', allocatedTo: SOCIAL_WORKER.name });

    const { cases } = await storesOver(t.cosmos.db);
    const stored = await cases.get({ laCode: subject.laCode, caseId: subject.caseId });
    const toWorker = (stored?.file.outbox ?? []).filter(
      (e) =>
        e.effect.kind === 'advice-request' &&
        e.effect.requestId === subject.requestId &&
        'person' in e.effect.to &&
        e.effect.to.person.email === SOCIAL_WORKER.email,
    );
    expect(toWorker).toHaveLength(1);

    await t.app.dispatchNow();
    const delivered = connector.delivered.filter((d) => d.conversationId === WORKER_CHAT);
    expect(delivered).toHaveLength(1);
    const activity = delivered[0]?.activity as { attachments?: { content: unknown }[] };
    const sent = activity.attachments?.[0]?.content;
    expect(cardSchemaErrors(sent)).toEqual([]);
    expect(JSON.stringify(sent)).toContain(`"requestId":"${subject.requestId}"`);
    expect(JSON.stringify(sent)).toContain(ADVICE_VERBS.submit);

    // The professional may now answer it: their own advice card, through the same bot.
    const theirs = await press(
      ADVICE_VERBS.saveDraft,
      { ...subject, page: '0', cardId: 'card0000worker1' },
      SOCIAL_WORKER.identity.objectId,
    );
    expect(theirs).toMatchObject({ statusCode: 200, type: ADAPTIVE_CARD_CONTENT_TYPE });
  });
});
