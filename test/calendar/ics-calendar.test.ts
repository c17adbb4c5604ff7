import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IcsCalendar } from '../../bot/src/calendar/ics-calendar.ts';
import { arrangeBench, MEETING, manualClock } from '../jobs/factories.ts';
import { people } from '../review/arrange/factories.ts';
import { d } from '../review/factories.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';
import { PUBLIC_URL } from './factories.ts';

const cosmos = freshCosmosForEachTest();
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ehc-ics-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent');
  if (!event) throw new Error('no VEVENT');
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.getFirstPropertyValue('uid'),
    sequence: event.getFirstPropertyValue('sequence'),
    status: event.getFirstPropertyValue('status'),
    start: String(event.getFirstPropertyValue('dtstart')),
    tzid: event.getFirstProperty('dtstart')?.getParameter('tzid'),
    location: event.getFirstPropertyValue('location'),
    attendees: event.getAllProperties('attendee').map((p) => String(p.getFirstValue()).toLowerCase()),
    description: String(event.getFirstPropertyValue('description')),
  };
}

describe('local mode: the calendar outbox writes real iCalendar files', () => {
  it('invite, update and cancel: METHOD REQUEST then CANCEL, one UID, SEQUENCE counting up', async () => {
    const clock = manualClock();
    const { run, dispatcher } = await arrangeBench(cosmos.db, clock);
    const calendar = new IcsCalendar({ dir, publicUrl: PUBLIC_URL, now: clock.now });
    await run({ type: 'startReview' });
    await run({ type: 'saveMeeting', meeting: { ...MEETING, on: d(MEETING.on) } });
    await run({ type: 'sendInvitations' });
    await dispatcher(calendar).runOnce();
    await run({ type: 'addInvitee', person: people.socialCare });
    await dispatcher(calendar).runOnce();
    await run({ type: 'abandonReview', reason: 'arranged-in-error' });
    await dispatcher(calendar).runOnce();
    await dispatcher(calendar).runOnce();

    const files = (await readdir(dir)).filter((name) => name.endsWith('.ics')).sort();
    expect(files).toHaveLength(3);
    const parsed = await Promise.all(files.map(async (name) => parse((await calendar.read(name)) ?? '')));
    expect(parsed.map((p) => [p.method, p.sequence, p.status])).toEqual([
      ['REQUEST', 0, null],
      ['REQUEST', 1, null],
      ['CANCEL', 2, 'CANCELLED'],
    ]);
    expect(new Set(parsed.map((p) => p.uid)).size).toBe(1);
    expect(await calendar.filesOf(String(parsed[0]?.uid))).toEqual(files);
    expect(parsed[0]).toMatchObject({
      start: '2025-03-03T10:00:00',
      tzid: 'Europe/London',
      location: 'Library',
    });
    expect(parsed[1]?.attendees).toContain(`mailto:${people.socialCare.email}`);
    expect(parsed[0]?.description).toContain(`${PUBLIC_URL}/#/cases/860/CASE-0001`);
    expect(parsed[2]?.description).toContain('arranged in error');
  });
});
