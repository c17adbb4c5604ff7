import type { Problem } from '../errors.ts';
import type { Meeting } from '../review.ts';
import { MEETING_FIELDS, type MeetingField, type MeetingFields } from './arrange-commands.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const FIELD_WORDS: Readonly<Record<MeetingField, string>> = {
  on: 'the date',
  startTime: 'the start time',
  endTime: 'the end time',
  venue: 'the venue',
  online: 'whether it is a Teams meeting',
};

export type MergedMeeting =
  | { readonly ok: true; readonly meeting: Meeting }
  | { readonly ok: false; readonly code: 'INVALID_INPUT' | 'EDIT_CONFLICT'; readonly problems: Problem[] };

/**
 * The meeting after an edit: a three-way merge of what is stored, what the client saw and what it
 * sends (arrange-commands.ts, SaveMeeting), then checked.
 *
 * @remarks Applied to the current document inside the store's retrying update, so a concurrent change
 * to another field is kept, and one to the same field is reported as EDIT_CONFLICT naming the field and
 * its new value, never lost. Returns the stored meeting itself when nothing changes.
 */
export function mergeMeeting(
  stored: Meeting | undefined,
  sent: Partial<MeetingFields>,
  seen: Partial<MeetingFields> | undefined,
): MergedMeeting {
  const conflicts: Problem[] = [];
  const next: Partial<Record<MeetingField, unknown>> = { ...(stored ?? { online: true }) };
  for (const field of MEETING_FIELDS) {
    if (!(field in sent) || sent[field] === undefined) continue;
    const value = sent[field];
    const current = stored?.[field];
    if (seen && field in seen) {
      const before = seen[field];
      if (value === before) continue; // not changed by this user: whatever is stored now stays
      if (current !== before && current !== value) {
        conflicts.push({
          where: `meeting.${field}`,
          message: `someone else changed ${FIELD_WORDS[field]} to ${JSON.stringify(current ?? '')} since you opened it; reload and choose`,
        });
        continue;
      }
    }
    next[field] = value;
  }
  if (conflicts.length > 0) return { ok: false, code: 'EDIT_CONFLICT', problems: conflicts };
  next.venue ??= '';
  const problems = meetingProblems(next);
  if (problems.length > 0) return { ok: false, code: 'INVALID_INPUT', problems };
  const meeting = next as unknown as Meeting;
  const same = stored !== undefined && MEETING_FIELDS.every((field) => stored[field] === meeting[field]);
  return { ok: true, meeting: same ? stored : meeting };
}

function meetingProblems(meeting: Partial<Record<MeetingField, unknown>>): Problem[] {
  const problems: Problem[] = [];
  if (typeof meeting.on !== 'string')
    problems.push({ where: 'meeting.on', message: 'required: the date of the meeting' });
  for (const field of ['startTime', 'endTime'] as const) {
    const value = meeting[field];
    if (typeof value !== 'string') problems.push({ where: `meeting.${field}`, message: 'required: HH:MM' });
    else if (!TIME.test(value))
      problems.push({ where: `meeting.${field}`, message: 'a time of day, HH:MM (24-hour)' });
  }
  const { startTime, endTime } = meeting;
  if (
    typeof startTime === 'string' &&
    typeof endTime === 'string' &&
    TIME.test(startTime) &&
    endTime <= startTime
  ) {
    problems.push({ where: 'meeting.endTime', message: 'the meeting must end after it starts' });
  }
  // mergeMeeting has set the venue, to '' at the least.
  const venue = (meeting.venue as string).trim();
  if (!venue && meeting.online !== true) {
    problems.push({
      where: 'meeting.venue',
      message: 'required: a venue, unless the meeting is online in Teams',
    });
  }
  return problems;
}
