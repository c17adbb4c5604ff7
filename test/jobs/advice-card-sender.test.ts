import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ALLOCATION_VERBS } from '../../bot/src/cards/allocation-card.ts';
import type { KnownPerson } from '../../bot/src/identity/case-people.ts';
import {
  ALLOCATION_SUMMARY,
  adviceCardSender,
  REQUEST_SUMMARY,
} from '../../bot/src/jobs/advice-card-sender.ts';
import { OutboxDispatcher } from '../../bot/src/jobs/outbox-dispatcher.ts';
import { type Identity, identityKey } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { memoryLog } from '../../bot/src/server/log.ts';
import { BotConnectorSender } from '../../bot/src/teams/bot-connector-sender.ts';
import { graphCalendarFor } from '../calendar/factories.ts';
import { cardSchemaErrors } from '../cards/card-schema.ts';
import { DISABILITY, people, policy } from '../review/arrange/factories.ts';
import { d } from '../review/factories.ts';
import { BotConnectorStandIn } from '../support/bot-connector-stand-in.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { GraphStandIn } from '../support/graph-stand-in.ts';
import { arrangeBench, MEETING, manualClock } from './factories.ts';

const cosmos = freshCosmosForEachTest();
const TENANT = 'tenant-1';
const BOT = '28:bot-app-id';
const CARD = 'application/vnd.microsoft.card.adaptive';
const CAS: Identity = { tenantId: TENANT, objectId: 'cas-oid' };
const DANA: Identity = { tenantId: TENANT, objectId: 'dana-oid' };
const EVE: Identity = { tenantId: TENANT, objectId: 'eve-oid' };
const PAT: Identity = { tenantId: TENANT, objectId: 'pat-oid' };

/** The LA's people: the coordinator by address, and the Disability Service's allocator. */
const PEOPLE: readonly KnownPerson[] = [
  { identity: CAS, email: people.coordinator.email, roles: [] },
  {
    identity: DANA,
    email: 'dana@la.example',
    roles: [{ kind: 'allocator', laCode: '860', teamEmail: DISABILITY.email }],
  },
];

let graph: GraphStandIn;
let connector: BotConnectorStandIn;
beforeEach(async () => {
  graph = await new GraphStandIn().start();
});
afterEach(async () => {
  await graph.close();
  await connector?.stop();
});

/** Invitations sent on the test case, with a dispatcher that sends calendar effects and cards. */
async function sentWithCards(peopleOfLa: readonly KnownPerson[] = PEOPLE) {
  const clock = manualClock();
  connector = await new BotConnectorStandIn({ now: () => clock.now().getTime() }).start();
  const bench = await arrangeBench(cosmos.db, clock);
  await bench.run({ type: 'startReview' });
  await bench.run({ type: 'saveMeeting', meeting: { ...MEETING, on: d(MEETING.on) } });
  await bench.run({ type: 'sendInvitations' });
  const log = memoryLog();
  const dispatcher = () =>
    new OutboxDispatcher({
      queue: bench.stores.outbox,
      store: bench.stores.cases,
      calendar: graphCalendarFor(graph, { now: clock.now }),
      cards: adviceCardSender({
        references: bench.stores.conversations,
        sender: new BotConnectorSender({ timeoutMs: 2_000, now: clock.now }),
        peopleOfLa: async () => peopleOfLa,
        advice: { store: bench.stores.advice },
        policyFor: () => policy,
        now: clock.now,
      }),
      holder: 'instance-a',
      now: clock.now,
      random: () => 0,
      log,
      leaseMs: 60_000,
    });
  /** Gives `who` a personal chat with the bot, as their install would. */
  const installFor = async (who: Identity) => {
    const conversationId = `a:chat-${who.objectId}`;
    connector.conversations.add(conversationId);
    await bench.stores.conversations.put(
      {
        kind: 'personal',
        serviceUrl: connector.url,
        channelId: 'msteams',
        tenantId: TENANT,
        botId: BOT,
        conversationId,
        userKey: identityKey(who),
      },
      clock.now().toISOString(),
    );
    return conversationId;
  };
  const file = async (): Promise<CaseFile> => {
    const stored = await bench.stores.cases.get(bench.ref);
    if (!stored) throw new Error('the test case is gone');
    return stored.file;
  };
  const requestTo = async (email: string) => {
    const f = await file();
    const invitee = f.review?.invitees.find((i) => i.person.email === email);
    const request = f.review?.adviceRequests.find((r) => r.inviteeId === invitee?.id);
    if (!request) throw new Error(`no request to ${email}`);
    return request;
  };
  const cardEntries = async () =>
    ((await file()).outbox ?? []).filter((e) => e.effect.kind === 'advice-request');
  return { ...bench, clock, dispatcher, installFor, file, requestTo, cardEntries, log };
}

const sendsTo = (conversationId: string) =>
  connector.calls.filter(
    (c) => c.method === 'POST' && c.path === `/v3/conversations/${conversationId}/activities`,
  );

type Activity = {
  id?: string;
  text?: string;
  summary?: string;
  attachments?: { contentType: string; content: unknown }[];
};

/** The verbs of every button in a card's body. */
const verbsOf = (card: unknown) =>
  ((card as { body: { type: string; actions?: { verb?: string }[] }[] }).body ?? []).flatMap((e) =>
    e.type === 'ActionSet' ? (e.actions ?? []).map((a) => a.verb) : [],
  );

describe('the advice card of a request, sent by the outbox dispatcher', () => {
  it('the professional with a chat gets exactly one card; everyone without one is done as no-chat, and the invite goes out', async () => {
    const b = await sentWithCards();
    const casChat = await b.installFor(CAS);
    const asked = await b.requestTo(people.coordinator.email);
    const cards = await b.cardEntries();
    expect(cards.length).toBeGreaterThan(1);

    const report = await b.dispatcher().runOnce();
    expect(report).toMatchObject({
      sent: 1,
      cards: { sent: 1, notSent: cards.length - 1, retrying: 0, failed: 0 },
    });
    expect(graph.events.size).toBe(1);
    const calls = sendsTo(casChat);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.status).toBe(201);
    const activity = calls[0]?.body as Activity;
    expect(activity.attachments?.map((a) => a.contentType)).toEqual([CARD]);
    const card = activity.attachments?.[0]?.content as { body: unknown; actions: unknown };
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(`"requestId":"${asked.id}"`);
    // The child by first name only, as every card.
    expect(JSON.stringify(card)).toContain('Sam');
    expect(JSON.stringify(card)).not.toContain('Fictional');
    const casEffect = cards.find(
      (e) => e.effect.kind === 'advice-request' && e.effect.requestId === asked.id,
    );
    expect(activity.id).toBe(casEffect?.effect.id);

    const after = await b.cardEntries();
    expect(after.every((e) => e.state === 'done')).toBe(true);
    expect(after.find((e) => e.effect.id === casEffect?.effect.id)?.delivery).toBe('sent');
    expect(after.filter((e) => e.delivery === 'no-chat')).toHaveLength(cards.length - 1);
    // Nothing is left for a dispatcher: a second pass sends nothing more.
    expect(await b.stores.outbox.due(b.clock.now().toISOString(), 10)).toEqual([]);
    expect(await b.dispatcher().runOnce()).toMatchObject({ sent: 0, cards: { sent: 0, notSent: 0 } });
    expect(connector.delivered).toHaveLength(1);
    // Logs carry the effect's kind and outcome, never a person.
    expect(JSON.stringify(b.log.lines)).not.toContain(people.coordinator.email);
  });

  it('a team’s request goes to the team’s allocator as the allocation card: accept, decline or allocate', async () => {
    const b = await sentWithCards();
    const danaChat = await b.installFor(DANA);
    const team = await b.requestTo(DISABILITY.email);
    await b.dispatcher().runOnce();
    const calls = sendsTo(danaChat);
    expect(calls).toHaveLength(1);
    const activity = calls[0]?.body as Activity;
    expect(activity.text).toBeUndefined();
    expect(activity.summary).toBe(ALLOCATION_SUMMARY);
    const card = activity.attachments?.[0]?.content;
    expect(cardSchemaErrors(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain(`"requestId":"${team.id}"`);
    expect(verbsOf(card)).toEqual([
      ALLOCATION_VERBS.accept,
      ALLOCATION_VERBS.allocate,
      ALLOCATION_VERBS.decline,
    ]);
    // The advice-by date with its rule: two weeks before the meeting of 3 March 2025.
    expect(JSON.stringify(card)).toContain('17 February 2025 (ADVICE_CIRCULATED)');
    expect(JSON.stringify(card)).not.toContain('Fictional');
  });

  it('a team’s request allocated before its card went out: not sent to the allocator; the named professional gets the advice card', async () => {
    const pat: KnownPerson = { identity: PAT, email: 'pat@la.example', roles: [] };
    const b = await sentWithCards([...PEOPLE, pat]);
    const danaChat = await b.installFor(DANA);
    const patChat = await b.installFor(PAT);
    const team = await b.requestTo(DISABILITY.email);
    const dana = { identity: DANA, email: 'dana@la.example', roles: PEOPLE[1]?.roles ?? [] };
    await b.run(
      {
        type: 'allocateRequest',
        requestId: team.id,
        professional: { name: 'Pat Carer', email: 'pat@la.example' },
      } as never,
      dana,
    );
    const effects = (await b.cardEntries()).filter(
      (e) => e.effect.kind === 'advice-request' && e.effect.requestId === team.id,
    );
    expect(effects.map((e) => e.effect.kind === 'advice-request' && e.effect.to)).toEqual([
      { team: { email: DISABILITY.email } },
      { person: { email: 'pat@la.example' } },
    ]);
    await b.dispatcher().runOnce();
    expect(sendsTo(danaChat)).toEqual([]);
    const toPat = sendsTo(patChat);
    expect(toPat).toHaveLength(1);
    const activity = toPat[0]?.body as Activity;
    expect(activity.summary).toBe(REQUEST_SUMMARY);
    expect(cardSchemaErrors(activity.attachments?.[0]?.content)).toEqual([]);
    expect(JSON.stringify(activity.attachments?.[0]?.content)).toContain('advice.submit');
    const done = (await b.cardEntries()).filter(
      (e) => e.effect.kind === 'advice-request' && e.effect.requestId === team.id,
    );
    expect(done.map((e) => e.delivery)).toEqual(['not-open', 'sent']);
  });

  it('503 then 429 on the card: retried with backoff and Retry-After, the same case’s invite goes out meanwhile, one card delivered', async () => {
    const b = await sentWithCards();
    const casChat = await b.installFor(CAS);
    let faults = [{ status: 503 as const }, { status: 429 as const, retryAfterSeconds: 7 }];
    connector.faults((call) => {
      if (!call.path.includes('chat-cas')) return undefined;
      const [next, ...rest] = faults;
      faults = rest;
      return next;
    });
    const first = await b.dispatcher().runOnce();
    // The card waits; the invite of the same case, made before it, and every other card do not.
    expect(first).toMatchObject({ sent: 1, cards: { sent: 0, retrying: 1 } });
    expect(graph.events.size).toBe(1);
    const waiting = (await b.cardEntries()).find((e) => e.state === 'pending');
    expect(waiting).toMatchObject({ attempts: 1, lastError: { code: 'send-refused', status: 503 } });
    // 2 s doubling, equal jitter with random() = 0: the first retry after 1 s.
    expect(waiting?.notBefore).toBe(new Date(b.clock.now().getTime() + 1_000).toISOString());
    expect(await b.dispatcher().runOnce()).toMatchObject({ cards: { sent: 0, retrying: 0 } });

    b.clock.advance(1_000);
    expect(await b.dispatcher().runOnce()).toMatchObject({ cards: { retrying: 1 } });
    const throttled = (await b.cardEntries()).find((e) => e.state === 'pending');
    expect(throttled).toMatchObject({ attempts: 2, lastError: { code: 'throttled', status: 429 } });
    expect(throttled?.notBefore).toBe(new Date(b.clock.now().getTime() + 7_000).toISOString());

    b.clock.advance(7_000);
    expect(await b.dispatcher().runOnce()).toMatchObject({ cards: { sent: 1 } });
    const calls = sendsTo(casChat);
    expect(calls.map((c) => c.status)).toEqual([503, 429, 201]);
    // Every attempt carried the same message id, so a retry after a lost answer is recognisable.
    expect(new Set(calls.map((c) => (c.body as Activity).id)).size).toBe(1);
    expect(connector.delivered.filter((m) => m.conversationId === casChat)).toHaveLength(1);
    expect(graph.events.size).toBe(1);
  });

  it('a request answered or closed before its card went out sends nothing', async () => {
    const b = await sentWithCards();
    const casChat = await b.installFor(CAS);
    const asked = await b.requestTo(people.coordinator.email);
    await b.run({ type: 'closeRequest', requestId: asked.id, reason: 'not needed this year' } as never);
    await b.dispatcher().runOnce();
    expect(sendsTo(casChat)).toEqual([]);
    const entry = (await b.cardEntries()).find(
      (e) => e.effect.kind === 'advice-request' && e.effect.requestId === asked.id,
    );
    expect(entry).toMatchObject({ state: 'done', delivery: 'not-open' });
  });

  it('a team with two allocators: one reached, the other 503; the retry sends only to the other', async () => {
    const eve: KnownPerson = {
      identity: EVE,
      email: 'eve@la.example',
      roles: [{ kind: 'allocator', laCode: '860', teamEmail: DISABILITY.email }],
    };
    const b = await sentWithCards([...PEOPLE, eve]);
    const danaChat = await b.installFor(DANA);
    const eveChat = await b.installFor(EVE);
    let failures = 1;
    connector.faults((call) =>
      call.path.includes('chat-eve') && failures-- > 0 ? { status: 503 } : undefined,
    );
    expect(await b.dispatcher().runOnce()).toMatchObject({ cards: { retrying: 1 } });
    const waiting = (await b.cardEntries()).find((e) => e.state === 'pending');
    expect(waiting?.reached).toEqual([identityKey(DANA)]);
    b.clock.advance(1_000);
    expect(await b.dispatcher().runOnce()).toMatchObject({ cards: { sent: 1, retrying: 0 } });
    expect(sendsTo(danaChat).map((c) => c.status)).toEqual([201]);
    expect(sendsTo(eveChat).map((c) => c.status)).toEqual([503, 201]);
    const ids = [...sendsTo(danaChat), ...sendsTo(eveChat)].map((c) => (c.body as Activity).id);
    // One message id per allocator, the same on the retry.
    expect(new Set(ids).size).toBe(2);
  });
});
