import { describe, expect, it } from 'vitest';
import { ReviewError } from '../../bot/src/review/errors.ts';
import { arrangeBench, MEETING, manualClock } from '../jobs/factories.ts';
import { otherSenco, people } from '../review/arrange/factories.ts';
import { d } from '../review/factories.ts';
import { freshCosmosForEachTest } from '../support/cosmos.ts';

const cosmos = freshCosmosForEachTest();
const meeting = { ...MEETING, on: d(MEETING.on) };

async function drafted() {
  const bench = await arrangeBench(cosmos.db, manualClock());
  await bench.run({ type: 'startReview' });
  await bench.run({ type: 'saveMeeting', meeting });
  return bench;
}

describe('applying a command to the case as it is now', () => {
  it('two SENCos editing at once, different fields: both land', async () => {
    const { run, stores, ref } = await drafted();
    await Promise.all([
      run({ type: 'saveMeeting', meeting: { ...meeting, venue: 'Hall' }, seen: meeting }),
      run({ type: 'saveMeeting', meeting: { ...meeting, startTime: '09:30' }, seen: meeting }, otherSenco),
      run({ type: 'addInvitee', person: people.socialCare }, otherSenco),
    ]);
    const review = (await stores.cases.get(ref))?.file.review;
    expect(review?.meeting).toMatchObject({ venue: 'Hall', startTime: '09:30', endTime: '11:00' });
    expect(review?.invitees.map((i) => i.person.email)).toContain(people.socialCare.email);
  });

  it('the same field: one lands, the other gets a conflict naming it, nothing lost', async () => {
    const { run, stores, ref } = await drafted();
    const results = await Promise.allSettled([
      run({ type: 'saveMeeting', meeting: { ...meeting, venue: 'Hall' }, seen: meeting }),
      run({ type: 'saveMeeting', meeting: { ...meeting, venue: 'Room 4' }, seen: meeting }, otherSenco),
    ]);
    const rejected = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(ReviewError);
    expect(rejected[0]).toMatchObject({
      code: 'EDIT_CONFLICT',
      kind: 'conflict',
      problems: [{ where: 'meeting.venue' }],
    });
    const venue = (await stores.cases.get(ref))?.file.review?.meeting?.venue;
    expect(['Hall', 'Room 4']).toContain(venue);
  });

  it('a repeated command id: nothing written twice, the same answer, audited once', async () => {
    const { run, stores, ref } = await drafted();
    const first = await run({ id: 'add-social-care-1', type: 'addInvitee', person: people.socialCare });
    const before = await stores.cases.get(ref);
    const again = await run({ id: 'add-social-care-1', type: 'addInvitee', person: people.socialCare });
    expect(again).toMatchObject({ repeated: true, result: first.result });
    expect((await stores.cases.get(ref))?.etag).toBe(before?.etag);
    const audit = await stores.audit.listForCase(ref);
    expect(audit.items.filter((e) => e.action === 'review.addInvitee')).toHaveLength(1);
    expect(JSON.stringify(audit.items)).not.toContain(people.socialCare.email);
  });

  it('a case the actor may not see answers as one that does not exist: CASE_NOT_FOUND', async () => {
    const { run } = await drafted();
    const stranger = {
      email: 'x@y.example',
      roles: [{ kind: 'senco' as const, settingUrn: '999999', laCode: '860' }],
    };
    await expect(run({ type: 'startReview' }, stranger)).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });
});
