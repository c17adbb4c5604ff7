import { describe, expect, it } from 'vitest';
import { mergeMeeting } from '../../../bot/src/review/arrange/meeting-edit.ts';
import { d, makeMeeting } from '../factories.ts';

const times = { on: d('2025-03-03'), startTime: '10:00', endTime: '11:00' };

function problemsOf(result: ReturnType<typeof mergeMeeting>) {
  return result.ok ? [] : result.problems;
}

describe('a meeting being set for the first time', () => {
  it('is held in Teams unless the SENCo says otherwise, so it needs no venue', () => {
    const result = mergeMeeting(undefined, times, undefined);
    expect(result).toEqual({ ok: true, meeting: { ...times, venue: '', online: true } });
  });

  it('in person, it needs a venue, and a venue of only spaces is none', () => {
    for (const venue of [undefined, '', '   ']) {
      const sent = { ...times, online: false, ...(venue === undefined ? {} : { venue }) };
      expect(mergeMeeting(undefined, sent, undefined)).toEqual({
        ok: false,
        code: 'INVALID_INPUT',
        problems: [
          { where: 'meeting.venue', message: 'required: a venue, unless the meeting is online in Teams' },
        ],
      });
    }
  });
});

describe('times of day', () => {
  it.each(['00:00', '09:05', '19:59', '23:30'])('%s is a time of day', (time) => {
    expect(mergeMeeting(undefined, { ...times, startTime: time, endTime: '23:59' }, undefined).ok).toBe(true);
  });

  it.each(['24:00', '10:60', '9:00', 'x10:00', '10:00x', '2a:00'])(
    '%s is not, and is named as not one',
    (time) => {
      expect(
        problemsOf(mergeMeeting(undefined, { ...times, startTime: '00:00', endTime: time }, undefined)),
      ).toEqual([{ where: 'meeting.endTime', message: 'a time of day, HH:MM (24-hour)' }]);
    },
  );

  it('a meeting must end after it starts: ending as it starts is refused', () => {
    expect(
      problemsOf(mergeMeeting(undefined, { ...times, startTime: '10:00', endTime: '10:00' }, undefined)),
    ).toEqual([{ where: 'meeting.endTime', message: 'the meeting must end after it starts' }]);
  });

  it('a start time that is no time of day is named once, not also as after the end', () => {
    expect(
      problemsOf(mergeMeeting(undefined, { ...times, startTime: 'noon', endTime: '11:00' }, undefined)),
    ).toEqual([{ where: 'meeting.startTime', message: 'a time of day, HH:MM (24-hour)' }]);
  });
});

describe('two people editing the meeting', () => {
  const stored = makeMeeting('2025-03-03', { venue: 'Library', online: false });

  it('a field sent empty leaves what is stored', () => {
    const result = mergeMeeting(stored, { venue: undefined, startTime: '09:30' }, undefined);
    expect(result).toEqual({ ok: true, meeting: { ...stored, startTime: '09:30' } });
  });

  it('both making the same change is no conflict', () => {
    const now = { ...stored, venue: 'Hall' };
    const result = mergeMeeting(now, { ...stored, venue: 'Hall' }, stored);
    expect(result).toEqual({ ok: true, meeting: now });
  });

  it('the conflict names the field in words and the value the other person gave it', () => {
    const now = { ...stored, startTime: '09:30', online: true };
    const result = mergeMeeting(now, { ...stored, startTime: '09:45', online: false }, stored);
    expect(result).toEqual({
      ok: false,
      code: 'EDIT_CONFLICT',
      problems: [
        {
          where: 'meeting.startTime',
          message: 'someone else changed the start time to "09:30" since you opened it; reload and choose',
        },
      ],
    });
  });

  it('a meeting removed since it was opened is a conflict on each field changed, shown as empty', () => {
    const result = mergeMeeting(undefined, { ...stored, venue: 'Hall' }, stored);
    expect(problemsOf(result)).toEqual([
      {
        where: 'meeting.venue',
        message: 'someone else changed the venue to "" since you opened it; reload and choose',
      },
    ]);
  });
});
