import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lease } from '../../bot/src/review/outbox.ts';
import type { CaseStore } from '../../bot/src/store/case-store.ts';
import { graphCalendarFor } from '../calendar/factories.ts';
import { people } from '../review/arrange/factories.ts';
import { d } from '../review/factories.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { GraphStandIn } from '../support/graph-stand-in.ts';
import { arrangeBench, MEETING, manualClock } from './factories.ts';

const cosmos = freshCosmosForEachTest();
let graph: GraphStandIn;
beforeEach(async () => {
  graph = await new GraphStandIn().start();
});
afterEach(async () => {
  await graph.close();
});

const meeting = { ...MEETING, on: d(MEETING.on) };

async function confirmed() {
  const clock = manualClock();
  const bench = await arrangeBench(cosmos.db, clock);
  await bench.run({ type: 'startReview' });
  await bench.run({ type: 'saveMeeting', meeting });
  await bench.run({ type: 'sendInvitations' });
  return { clock, ...bench };
}

const creates = () => graph.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/events'));

describe('the outbox dispatcher', () => {
  it('start -> draft -> confirm -> edit -> add and remove -> abandon: what Graph received', async () => {
    const { run, dispatcher, stores, ref, clock } = await confirmed();
    const calendar = graphCalendarFor(graph, { now: clock.now });
    expect(await dispatcher(calendar).runOnce()).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    const invited = (await stores.cases.get(ref))?.file;
    expect(invited?.review?.invitation?.eventId).toMatch(/^AAMk-/);
    expect(invited?.review?.meeting?.joinUrl).toMatch(/^https:\/\/teams/);

    await run({ type: 'saveMeeting', meeting: { venue: 'Hall' } });
    const added = await run({ type: 'addInvitee', person: people.socialCare });
    await run({ type: 'removeInvitee', inviteeId: added.result.inviteeId ?? '' });
    await dispatcher(calendar).runOnce();
    await run({ type: 'abandonReview', reason: 'rearranging' });
    await dispatcher(calendar).runOnce();

    const eventId = invited?.review?.invitation?.eventId ?? '';
    const path = `/users/senco-oid/events/${eventId}`;
    // The update not yet tried when the next edit came was replaced: one GET + PATCH per update sent.
    expect(graph.requests.map((r) => [r.method, r.path])).toEqual([
      ['POST', '/users/senco-oid/events'],
      ['GET', path],
      ['PATCH', path],
      ['POST', `${path}/cancel`],
    ]);
    expect(graph.requests[0]?.body).toMatchObject({ transactionId: `${invited?.review?.id}:invite:1` });
    const event = graph.events.get(eventId);
    expect(event).toMatchObject({
      isCancelled: true,
      cancelComment: 'This annual review meeting has been cancelled; a new invitation will follow.',
      isOnlineMeeting: true,
      location: { displayName: 'Hall' },
    });
    expect(event?.attendees.map((a) => a.emailAddress.address)).not.toContain(people.socialCare.email);
    const after = (await stores.cases.get(ref))?.file;
    expect(after?.review).toBeUndefined();
    expect(after?.tombstones).toEqual([]);
    expect(after?.outbox).toEqual([]);
    expect(await stores.outbox.due(clock.now().toISOString(), 10)).toEqual([]);
  });

  it('429 with Retry-After: waits as long as Graph said, then sends; one event', async () => {
    const { dispatcher, stores, ref, clock } = await confirmed();
    const calendar = graphCalendarFor(graph, { now: clock.now });
    graph.failNext('POST', '/events', { status: 429, retryAfterSeconds: 30 });
    expect(await dispatcher(calendar).runOnce()).toMatchObject({ sent: 0, retrying: 1, failed: 0 });
    const entry = (await stores.cases.get(ref))?.file.outbox?.[0];
    expect(entry).toMatchObject({ attempts: 1, lastError: { code: 'throttled', status: 429 } });
    expect(entry?.notBefore).toBe(new Date(clock.now().getTime() + 30_000).toISOString());
    clock.advance(29_000);
    expect(await dispatcher(calendar).runOnce()).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
    clock.advance(1_000);
    expect(await dispatcher(calendar).runOnce()).toMatchObject({ sent: 1, retrying: 0, failed: 0 });
    expect(graph.events.size).toBe(1);
  });

  it('503: backs off (2 s, jittered), then sends; one event', async () => {
    const { dispatcher, clock } = await confirmed();
    const calendar = graphCalendarFor(graph, { now: clock.now });
    graph.failNext('POST', '/events', { status: 503 });
    expect((await dispatcher(calendar).runOnce()).retrying).toBe(1);
    clock.advance(1_000);
    expect((await dispatcher(calendar).runOnce()).sent).toBe(1);
    expect(graph.events.size).toBe(1);
  });

  it('a timeout after Graph made the event: the retry, with the same transactionId, is the same event', async () => {
    const { dispatcher, stores, ref, clock } = await confirmed();
    const calendar = graphCalendarFor(graph, { now: clock.now, timeoutMs: 200 });
    graph.failNext('POST', '/events', { delayMs: 1_500 });
    expect((await dispatcher(calendar).runOnce()).retrying).toBe(1);
    expect(graph.events.size).toBe(1);
    clock.advance(60_000);
    expect((await dispatcher(calendar).runOnce()).sent).toBe(1);
    expect(creates()).toHaveLength(2);
    expect(graph.events.size).toBe(1);
    expect((await stores.cases.get(ref))?.file.review?.invitation?.eventId).toBe([...graph.events.keys()][0]);
  });

  it('killed between the write and the send: a new process finds the work and sends it once', async () => {
    const { dispatcher, clock } = await confirmed();
    // Nothing ran after the command's write; a fresh dispatcher (another process) starts.
    const calendar = graphCalendarFor(graph, { now: clock.now });
    expect((await dispatcher(calendar, 'restarted').runOnce()).sent).toBe(1);
    expect(graph.events.size).toBe(1);
  });

  it('killed holding the lease: nobody sends until it ends, then one instance does; one event', async () => {
    const { dispatcher, stores, ref, clock } = await confirmed();
    const stored = await stores.cases.get(ref);
    const id = stored?.file.outbox?.[0]?.effect.id ?? '';
    const until = new Date(clock.now().getTime() + 60_000).toISOString();
    await stores.cases.replace(
      lease(stored?.file ?? { case: {} as never }, id, 'died', until),
      stored?.etag ?? '',
    );
    const calendar = graphCalendarFor(graph, { now: clock.now });
    expect((await dispatcher(calendar, 'b').runOnce()).sent).toBe(0);
    clock.advance(60_001);
    expect((await dispatcher(calendar, 'b').runOnce()).sent).toBe(1);
    expect(graph.events.size).toBe(1);
  });

  it('killed after Graph made the event, before marking it done: the retry is the same event', async () => {
    const { dispatcher, stores, ref, clock } = await confirmed();
    const calendar = graphCalendarFor(graph, { now: clock.now });
    let dies = true;
    const dying: CaseStore = Object.create(stores.cases, {
      update: {
        value: (...args: Parameters<CaseStore['update']>) => {
          if (dies) {
            dies = false;
            return Promise.reject(new Error('process killed'));
          }
          return stores.cases.update(...args);
        },
      },
    });
    await dispatcher(calendar, 'a', dying).runOnce();
    expect(graph.events.size).toBe(1);
    clock.advance(60_001);
    expect((await dispatcher(calendar, 'b').runOnce()).sent).toBe(1);
    expect(creates()).toHaveLength(2);
    expect(graph.events.size).toBe(1);
    expect((await stores.cases.get(ref))?.file.outbox?.[0]?.state).toBe('done');
  });

  it('two instances at once: the lease lets one of them send', async () => {
    const { dispatcher, clock } = await confirmed();
    const calendar = graphCalendarFor(graph, { now: clock.now });
    const reports = await Promise.all([
      dispatcher(calendar, 'a').runOnce(),
      dispatcher(calendar, 'b').runOnce(),
    ]);
    expect(reports.map((r) => r.sent).reduce((a, b) => a + b)).toBe(1);
    expect(creates()).toHaveLength(1);
  });

  it('a request Graph refuses is given up on at once and shown, with its code', async () => {
    const { dispatcher, stores, ref, clock } = await confirmed();
    graph.failNext('POST', '/events', { status: 400 });
    expect((await dispatcher(graphCalendarFor(graph, { now: clock.now })).runOnce()).failed).toBe(1);
    expect((await stores.cases.get(ref))?.file.outbox?.[0]).toMatchObject({
      state: 'failed',
      lastError: { code: 'rejected', status: 400 },
    });
  });
});
