import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CalendarError } from '../../bot/src/calendar/calendar.ts';
import { GraphStandIn } from '../support/graph-stand-in.ts';
import { graphCalendarFor, makeInvitation } from './factories.ts';

let graph: GraphStandIn;
beforeEach(async () => {
  graph = await new GraphStandIn().start();
});
afterEach(async () => {
  await graph.close();
});

describe('invitations through Microsoft Graph', () => {
  it('creates one event in the organiser’s calendar: attendees, venue, a Teams meeting, the transactionId', async () => {
    const event = await graphCalendarFor(graph).create(makeInvitation(), 'rv-1:invite:1');
    expect(event.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const [request] = graph.requests;
    expect(request).toMatchObject({
      method: 'POST',
      path: '/users/senco-oid/events',
      authorization: 'Bearer stand-in-test-token',
    });
    expect(request?.body).toMatchObject({
      subject: 'Annual review meeting: Sam',
      start: { dateTime: '2025-03-03T10:00:00', timeZone: 'Europe/London' },
      end: { dateTime: '2025-03-03T11:00:00', timeZone: 'Europe/London' },
      location: { displayName: 'Library' },
      attendees: [
        { emailAddress: { address: 'pat@home.example', name: 'Pat Parent' }, type: 'required' },
        { emailAddress: { address: 'ep@la.example', name: 'EP Service' }, type: 'required' },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      transactionId: 'rv-1:invite:1',
    });
    const content = (request?.body as { body: { content: string } } | undefined)?.body.content;
    expect(content).toContain('https://hub.example/#/cases/999/C1');
  });

  it('the same transactionId twice is one event', async () => {
    const calendar = graphCalendarFor(graph);
    const first = await calendar.create(makeInvitation(), 'rv-1:invite:1');
    const again = await calendar.create(makeInvitation(), 'rv-1:invite:1');
    expect(again.eventId).toBe(first.eventId);
    expect(graph.events.size).toBe(1);
  });

  it('a mailbox that cannot host Teams meetings: no join URL comes back', async () => {
    graph.noTeams.add('senco-oid');
    expect((await graphCalendarFor(graph).create(makeInvitation(), 'rv-1:invite:1')).joinUrl).toBeUndefined();
  });

  it('an update reads the body first and keeps its online-meeting part, so it stays a Teams meeting', async () => {
    const calendar = graphCalendarFor(graph);
    const { eventId, joinUrl } = await calendar.create(makeInvitation(), 'rv-1:invite:1');
    const changed = makeInvitation({
      venue: 'Hall',
      sequence: 1,
      attendees: [{ name: 'New Person', email: 'new@x.example' }],
    });
    expect((await calendar.update(eventId, changed)).joinUrl).toBe(joinUrl);
    expect(graph.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['POST', '/users/senco-oid/events', ''],
      ['GET', `/users/senco-oid/events/${eventId}`, '?$select=body,isOnlineMeeting,onlineMeeting'],
      ['PATCH', `/users/senco-oid/events/${eventId}`, ''],
    ]);
    const event = graph.events.get(eventId);
    expect(event).toMatchObject({ isOnlineMeeting: true, location: { displayName: 'Hall' } });
    expect(event?.attendees.map((a) => a.emailAddress.address)).toEqual(['new@x.example']);
    expect(event?.body.content.match(/ehc-review-hub/g)).toHaveLength(1);
  });

  it('a cancel sends the comment to attendees; a cancel of an event already gone is done', async () => {
    const calendar = graphCalendarFor(graph);
    const { eventId } = await calendar.create(makeInvitation(), 'rv-1:invite:1');
    await calendar.cancel(eventId, makeInvitation(), 'This annual review meeting has been cancelled.');
    expect(graph.events.get(eventId)).toMatchObject({
      isCancelled: true,
      cancelComment: 'This annual review meeting has been cancelled.',
    });
    expect(graph.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/users/senco-oid/events/${eventId}/cancel`,
    });
    await expect(calendar.cancel('AAMk-gone', makeInvitation(), 'x')).resolves.toBeUndefined();
  });

  it('429 with Retry-After, 503 and a timeout are transient failures; a 400 is not', async () => {
    const now = new Date('2025-01-06T10:00:00Z');
    const calendar = graphCalendarFor(graph, { timeoutMs: 300, now: () => now });
    graph.failNext('POST', '/events', { status: 429, retryAfterSeconds: 7 });
    await expect(calendar.create(makeInvitation(), 't1')).rejects.toMatchObject({
      failure: 'throttled',
      status: 429,
      retryAfterMs: 7000,
    });
    graph.failNext('POST', '/events', { status: 503 });
    await expect(calendar.create(makeInvitation(), 't1')).rejects.toMatchObject({
      failure: 'unavailable',
      transient: true,
    });
    graph.failNext('POST', '/events', { delayMs: 600 });
    await expect(calendar.create(makeInvitation(), 't1')).rejects.toMatchObject({
      failure: 'timeout',
      transient: true,
    });
    const rejected = await calendar
      .create(makeInvitation({ attendees: [{ name: 'x', email: 'not-an-email' }] }), 't2')
      .catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(CalendarError);
    expect(rejected).toMatchObject({ failure: 'rejected', status: 400, transient: false });
  });
});
