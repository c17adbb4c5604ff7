import { describe, expect, it } from 'vitest';
import { arrangementOf } from '../../../bot/src/review/arrange/arrangement.ts';
import { clockFor } from '../../../bot/src/review/clock.ts';
import { latestSensibleMeeting } from '../../../bot/src/review/deadlines.ts';
import { completed, failed, lease } from '../../../bot/src/review/outbox.ts';
import { d } from '../factories.ts';
import { apply, arranged, DISABILITY, pendingFile, people, policy, sent, TODAY } from './factories.ts';

const noHolidays = () => undefined;
const AT = '2025-01-06T10:00:00.000Z';

describe('the arrange page of a case', () => {
  it('with no review started: pending, nothing listed, the review-by and latest meeting dates only', () => {
    const file = pendingFile();
    const clock = clockFor(file, TODAY, policy);
    expect(arrangementOf(file, TODAY, policy, noHolidays)).toEqual({
      stage: 'pending',
      invitees: [],
      warnings: [],
      sendProblems: [],
      dates: { reviewBy: clock.dates.review_by, latestMeeting: latestSensibleMeeting(clock, TODAY, policy) },
      invitations: [],
    });
  });

  it('lists each invitee as the page shows them: team or person, asked or not, and the teams the LA always invites', () => {
    const file = apply(arranged(), {
      type: 'addInvitee',
      person: { ...people.socialCare, organisation: 'Northshire Council' },
      requestInformation: false,
    }).file;
    const { invitees } = arrangementOf(file, TODAY, policy, noHolidays);
    expect(invitees.find((i) => i.email === people.parent.email)).toEqual({
      id: 'i1',
      name: people.parent.name,
      email: people.parent.email,
      role: 'parent',
      isTeam: false,
      requestInformation: false,
    });
    expect(invitees.find((i) => i.email === DISABILITY.email)).toMatchObject({
      isTeam: true,
      requestInformation: true,
      alwaysInvited: 'Disability Service',
    });
    expect(invitees.find((i) => i.email === people.socialCare.email)).toEqual({
      id: 'i7',
      name: people.socialCare.name,
      email: people.socialCare.email,
      role: 'social-care',
      organisation: 'Northshire Council',
      isTeam: true,
      requestInformation: false,
    });
  });

  it('a team added for a policy the LA no longer has keeps its own name as the reason it is always invited', () => {
    const file = arranged();
    const { invitees } = arrangementOf(file, TODAY, { ...policy, alwaysInvite: [] }, noHolidays);
    expect(invitees.find((i) => i.email === DISABILITY.email)?.alwaysInvited).toBe(DISABILITY.name);
  });

  it('while arranging, says what stops the invitations going out; once sent, nothing does', () => {
    const late = apply(arranged(), { type: 'saveMeeting', meeting: { on: d('2025-01-10') } }).file;
    const view = arrangementOf(late, TODAY, policy, noHolidays);
    expect(view.sendProblems.map((p) => p.where)).toEqual(['meeting.on']);
    expect(view.meeting?.on).toBe('2025-01-10');
    expect(view.dates.inviteBy?.date).toBe('2024-12-27');
    expect(view.dates.adviceBy?.key).toBe('advice_by');
    expect(view.dates.reportBy?.key).toBe('report_by');
    expect(view.dates.decisionBy?.key).toBe('decision_by');
    expect(arrangementOf(sent(), TODAY, policy, noHolidays).sendProblems).toEqual([]);
  });

  it("shows this review's invitations with how each went, and none of another review's", () => {
    const file = sent();
    const reviewId = file.review?.id ?? '';
    const inviteId = file.outbox?.[0]?.effect.id ?? '';
    const done = completed(file, inviteId, { eventId: 'EV1' }, AT);
    const edited = apply(done, { type: 'saveMeeting', meeting: { venue: 'Hall' } });
    const updateId = edited.effects[0]?.id ?? '';
    const retrying = failed(lease(edited.file, updateId, 'a', AT), updateId, { code: 'TIMEOUT' }, AT);
    const other = { ...(retrying.outbox?.[0] as NonNullable<typeof retrying.outbox>[number]) };
    const withOther = {
      ...retrying,
      outbox: [
        { ...other, effect: { ...other.effect, id: 'rv-x:invite:9', reviewId: 'rv-x' } },
        ...(retrying.outbox ?? []),
      ],
    };
    const view = arrangementOf(withOther, TODAY, policy, noHolidays);
    expect(view.reviewId).toBe(reviewId);
    expect(view.invitation).toMatchObject({ eventId: 'EV1', sequence: 1 });
    expect(view.invitations).toEqual([
      { id: inviteId, kind: 'invite', sequence: 0, state: 'done', attempts: 0, doneAt: AT },
      {
        id: updateId,
        kind: 'update',
        sequence: 1,
        state: 'pending',
        attempts: 1,
        lastError: { code: 'TIMEOUT' },
      },
    ]);
  });
});
