import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t?.teardown();
});

/** NS-1003: Harbour Primary, pending, review by 45 days after the test's today (23 November 2026). */
const CASE = '/api/cases/999/NS-1003/review';
const SENCO = 'senco-harbour';
let n = 0;
const id = () => {
  n += 1;
  return `api-test-${String(n).padStart(4, '0')}`;
};
const meeting = {
  on: '2026-12-09',
  startTime: '09:30',
  endTime: '10:30',
  venue: 'Harbour Primary, meeting room',
  online: true,
};

interface Answer {
  result: { reviewId?: string; inviteeId?: string; effectIds: string[] };
  repeated: boolean;
  arrangement: {
    stage: string;
    invitees: { id: string; email: string; alwaysInvited?: string; requestInformation: boolean }[];
    sendProblems: { where: string; message: string }[];
    warnings: { where: string; rule?: string; message: string }[];
    dates: { latestMeeting?: { date: string }; inviteBy?: { date: string } };
    meeting?: { venue: string; joinUrl?: string };
  };
}
interface ErrorAnswer {
  error: { code: string; problems: { where: string; message: string }[] };
}

async function ok(path: string, body: object): Promise<Answer> {
  const answer = await t.post(`${CASE}${path}`, body, SENCO);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as Answer;
}

async function refused(
  path: string,
  body: object,
  status: number,
  user = SENCO,
): Promise<ErrorAnswer['error']> {
  const answer = await t.post(`${CASE}${path}`, body, user);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return (answer.body as ErrorAnswer).error;
}

describe('the arrange stage through the API', () => {
  it('start -> draft -> confirm -> edit -> add/remove -> abandon, with the .ics files of local mode', async () => {
    const startId = id();
    const started = await ok('/start', { commandId: startId });
    expect(started.arrangement.stage).toBe('arranging');
    const ds = started.arrangement.invitees.find((i) => i.alwaysInvited);
    expect(ds?.email).toBe('disability.service@northshire.example');
    const again = await ok('/start', { commandId: startId });
    expect(again).toMatchObject({ repeated: true, result: started.result });

    expect(
      (await refused('/meeting', { commandId: id(), meeting: { ...meeting, startTime: '9.30' } }, 400))
        .problems,
    ).toEqual([{ where: 'meeting.startTime', message: 'a time of day, HH:MM (24-hour)' }]);
    const saved = await ok('/meeting', { commandId: id(), meeting });
    expect(saved.arrangement.dates.inviteBy?.date).toBe('2026-11-25');
    expect(saved.arrangement.sendProblems.map((p) => p.message).join(' ')).not.toContain('meeting');

    const badEmail = await refused(
      '/invitees',
      { commandId: id(), person: { name: 'X', email: 'nope', role: 'parent' } },
      400,
    );
    expect(badEmail.problems).toEqual([{ where: 'person.email', message: 'not an email address' }]);
    const added = await ok('/invitees', {
      commandId: id(),
      person: {
        name: 'Northshire Social Care',
        email: 'social.care@northshire.example',
        role: 'social-care',
        isTeam: true,
      },
    });
    const socialCare = added.result.inviteeId ?? '';
    expect(added.arrangement.invitees.find((i) => i.id === socialCare)?.requestInformation).toBe(true);
    expect((await refused(`/invitees/${ds?.id}/remove`, { commandId: id() }, 400)).problems[0]?.where).toBe(
      'reason',
    );

    const answer = await t.post(`${CASE}/invitations`, { commandId: id() }, SENCO);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const sent = answer.body as Answer;
    expect(sent.arrangement.stage).toBe('contributing');
    expect(await t.app.dispatchNow()).toMatchObject({ sent: 1 });

    await ok('/meeting', { commandId: id(), meeting: { venue: 'Harbour Primary, library' } });
    await ok(`/invitees/${socialCare}/remove`, { commandId: id() });
    await t.app.dispatchNow();

    const listed = await t.get(`${CASE}/invitations`, SENCO);
    expect(listed.status).toBe(200);
    type Listed = { kind: string; state: string; sequence: number; download?: string };
    const invitations = (listed.body as { invitations: Listed[] }).invitations;
    // The dispatcher is told of each edit, so an edit may go out before the next one is made.
    expect(invitations[0]).toMatchObject({ kind: 'invite', state: 'done', sequence: 0 });
    const updates = invitations.slice(1);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.every((u) => u.kind === 'update' && u.state === 'done')).toBe(true);
    const last = updates.at(-1);
    const file = await t.get(last?.download ?? '', SENCO);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toMatch(/^text\/calendar/);
    const vevent = new ICAL.Component(ICAL.parse(String(file.body))).getFirstSubcomponent('vevent');
    expect(vevent?.getFirstPropertyValue('sequence')).toBe(last?.sequence);
    expect(vevent?.getFirstPropertyValue('location')).toBe('Harbour Primary, library');

    expect((await refused('/abandon', { commandId: id() }, 400)).problems[0]?.where).toBe('reason');
    const abandoned = await ok('/abandon', { commandId: id(), reason: 'rearranging' });
    expect(abandoned.arrangement.stage).toBe('pending');
    expect(await t.app.dispatchNow()).toMatchObject({ sent: 1 });
    const after = await t.get(`${CASE}/invitations`, SENCO);
    expect((after.body as { invitations: unknown[] }).invitations).toEqual([]);
  });

  it('a user who may read the case but not arrange it is refused; one who may not read it finds no case', async () => {
    expect((await refused('/start', { commandId: id() }, 403, 'la-coordinator')).code).toBe('NOT_ALLOWED');
    expect((await refused('/start', { commandId: id() }, 404, 'senco-fellside')).code).toBe('CASE_NOT_FOUND');
    expect((await refused('/start', { commandId: id() }, 401, 'nobody')).code).toBe('UNKNOWN_USER');
  });

  it('hostile bodies: a missing or bad command id, unknown fields, a wrong type, each named; nothing changes', async () => {
    expect((await refused('/start', {}, 400)).problems).toEqual([
      { where: 'commandId', message: 'required: a new id for this action' },
    ]);
    expect((await refused('/start', { commandId: 'x' }, 400)).problems[0]?.where).toBe('commandId');
    expect((await refused('/start', { commandId: id(), extra: 1 }, 400)).problems[0]?.message).toMatch(
      /extra/,
    );
    expect(
      (await refused('/meeting', { commandId: id(), meeting: { online: 'yes' } }, 400)).problems[0]?.where,
    ).toBe('meeting.online');
    expect((await refused('/invitees/x1/remove', { commandId: id() }, 400)).problems[0]?.where).toBe(
      'inviteeId',
    );
    const notJson = await fetch(`${t.app.url}${CASE}/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Ehc-User': SENCO },
      body: '{"commandId":',
    });
    expect(notJson.status).toBe(400);
  });
});
