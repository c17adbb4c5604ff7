import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../../bot/src/review/case-file.ts';
import { decide } from '../../../bot/src/review/decide.ts';
import { completed, failed, lease } from '../../../bot/src/review/outbox.ts';
import type { Actor } from '../../../bot/src/review/permissions.ts';
import type { AdviceRequest, Stage } from '../../../bot/src/review/review.ts';
import { d, makeFile, makeMeeting, makeReview, requiredInvitees } from '../factories.ts';
import { apply, arranged, newId, pendingFile, people, policy, senco, sent, TODAY } from './factories.ts';

const AT = '2025-01-06T10:00:00.000Z';

function rejectedBy(file: CaseFile, command: object, actor: Actor = senco) {
  const decided = decide(file, { id: newId(), ...command } as never, actor, TODAY, policy);
  if (decided.ok) throw new Error('expected the command to be rejected');
  return { code: decided.code, problems: decided.problems };
}

/** A review of the test case at `stage`, everyone the gate requires invited. */
function reviewAt(stage: Stage, adviceRequests: AdviceRequest[] = []): CaseFile {
  return makeFile(
    {},
    makeReview({ stage, meeting: makeMeeting('2025-03-03'), invitees: requiredInvitees(), adviceRequests }),
  );
}

/** Sent, and the calendar has the event. */
function delivered(): CaseFile {
  const file = sent();
  return completed(file, file.outbox?.[0]?.effect.id ?? '', { eventId: 'EV1' }, AT);
}

describe('what can be arranged, and when', () => {
  it('a review is started once: a second start is refused at the review', () => {
    const { file } = apply(pendingFile(), { type: 'startReview' });
    expect(rejectedBy(file, { type: 'startReview' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'review', message: 'a review of this plan is already under way' }],
    });
  });

  it('nothing is arranged before the review is started', () => {
    for (const command of [
      { type: 'saveMeeting', meeting: { venue: 'Hall' } },
      { type: 'addInvitee', person: people.socialCare },
      { type: 'sendInvitations' },
    ]) {
      expect(rejectedBy(pendingFile(), command), command.type).toEqual({
        code: 'WRONG_STAGE',
        problems: [{ where: 'review', message: 'start the review first' }],
      });
    }
    expect(rejectedBy(pendingFile(), { type: 'abandonReview', reason: 'duplicate' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'review', message: 'no review has been started' }],
    });
  });

  it('once the review has moved to the meeting, the meeting and the invitees no longer change', () => {
    for (const stage of ['meeting', 'report', 'submitted'] as const) {
      expect(rejectedBy(reviewAt(stage), { type: 'saveMeeting', meeting: { venue: 'Hall' } })).toEqual({
        code: 'WRONG_STAGE',
        problems: [
          { where: 'stage', message: `the meeting and invitees cannot change at the ${stage} stage` },
        ],
      });
    }
  });

  it('while views are being contributed the meeting can still change', () => {
    const { file } = apply(reviewAt('contributing'), { type: 'saveMeeting', meeting: { venue: 'Hall' } });
    expect(file.review?.meeting?.venue).toBe('Hall');
  });

  it('a submitted review cannot be abandoned', () => {
    expect(rejectedBy(reviewAt('submitted'), { type: 'abandonReview', reason: 'duplicate' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'stage', message: 'a review at the submitted stage cannot move to abandoned' }],
    });
  });
});

describe('whom to ask for information', () => {
  it('is marked for the one invitee named, and sends no calendar update', () => {
    const file = delivered();
    const before = file.review?.invitees.map((i) => i.requestInformation);
    const { file: after, effects } = apply(file, {
      type: 'markRequestInformation',
      inviteeId: 'i4',
      requestInformation: false,
    });
    expect(after.review?.invitees.map((i) => i.requestInformation)).toEqual(
      before?.map((asked, n) => (n === 3 ? false : asked)),
    );
    expect(effects).toEqual([]);
    expect(after.outbox).toEqual(file.outbox);
  });

  it('saving the meeting as it is sends no update to anyone', () => {
    const file = delivered();
    const { effects, file: after } = apply(file, {
      type: 'saveMeeting',
      meeting: { ...file.review?.meeting },
    });
    expect(effects).toEqual([]);
    expect(after.outbox).toEqual(file.outbox);
  });
});

describe('removing an invitee', () => {
  const requested = (inviteeId: string, state: AdviceRequest['state'], extra = {}): AdviceRequest => ({
    id: `r-${inviteeId}`,
    inviteeId,
    state,
    requestedOn: d('2025-01-06'),
    ...extra,
  });
  const contributing = (requests: AdviceRequest[]) =>
    makeFile(
      {},
      makeReview({ stage: 'contributing', invitees: requiredInvitees(), adviceRequests: requests }),
    );

  it('someone not on the list cannot be removed, naming the id', () => {
    expect(rejectedBy(arranged(), { type: 'removeInvitee', inviteeId: 'i99' })).toEqual({
      code: 'INVALID_INPUT',
      problems: [{ where: 'inviteeId', message: 'no invitee i99 on this review' }],
    });
  });

  it('an invitee who has submitted advice stays part of the review', () => {
    const file = contributing([requested('health', 'submitted')]);
    expect(rejectedBy(file, { type: 'removeInvitee', inviteeId: 'health' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [
        {
          where: 'invitees.health',
          message: 'this invitee has submitted advice: it stays part of the review',
        },
      ],
    });
  });

  it('advice submitted by someone else, or a request still open, does not keep an invitee', () => {
    const file = contributing([requested('health', 'submitted'), requested('social', 'accepted')]);
    const { file: after } = apply(file, { type: 'removeInvitee', inviteeId: 'social' });
    expect(after.review?.invitees.map((i) => i.id)).toEqual(['parent', 'head', 'coordinator', 'health']);
  });

  it("closes the removed invitee's open request, and only theirs; a request already closed keeps its reason", () => {
    const file = contributing([
      requested('health', 'requested'),
      requested('social', 'accepted'),
      requested('head', 'closed', { closedReason: 'no involvement' }),
    ]);
    const social = apply(file, { type: 'removeInvitee', inviteeId: 'social' }).file;
    expect(social.review?.adviceRequests).toEqual([
      requested('health', 'requested'),
      requested('social', 'closed', { closedReason: 'No longer invited to the review' }),
      requested('head', 'closed', { closedReason: 'no involvement' }),
    ]);
    const head = apply(file, { type: 'removeInvitee', inviteeId: 'head' }).file;
    expect(head.review?.adviceRequests).toEqual(file.review?.adviceRequests);
  });

  it('a team the LA always invites needs a reason, not just spaces; the reason is kept as written', () => {
    const file = apply(arranged(), { type: 'addInvitee', person: people.socialCare }).file;
    expect(rejectedBy(file, { type: 'removeInvitee', inviteeId: 'i6', reason: '   ' }).problems).toEqual([
      {
        where: 'reason',
        message:
          'the LA always invites Disability Service (INVITEES): say why they are not invited this time',
      },
    ]);
    const removed = apply(file, { type: 'removeInvitee', inviteeId: 'i6', reason: '  Not known  ' }).file;
    expect(removed.review?.policyTeamsRemoved?.map((r) => r.reason)).toEqual(['Not known']);
  });

  it('removing someone the LA does not always invite records no policy team as removed', () => {
    const removed = apply(arranged(), { type: 'removeInvitee', inviteeId: 'i5' }).file;
    expect(removed.review?.invitees.map((i) => i.id)).toEqual(['i1', 'i2', 'i3', 'i4', 'i6']);
    expect(removed.review?.policyTeamsRemoved).toBeUndefined();
  });
});

describe('confirm and send invitations', () => {
  it('every problem the gate finds stops it, not only a missing meeting', () => {
    const late = apply(arranged(), {
      type: 'saveMeeting',
      meeting: { on: d('2025-01-10') },
    }).file;
    const refused = rejectedBy(late, { type: 'sendInvitations' });
    expect(refused.code).toBe('STAGE_GATE');
    expect(refused.problems.map((p) => p.where)).toEqual(['meeting.on']);
  });

  it('needs a mailbox to send from: someone known by neither account nor email is told so', () => {
    const ready = apply(arranged(), { type: 'addInvitee', person: people.socialCare }).file;
    const noMailbox: Actor = { roles: senco.roles };
    expect(rejectedBy(ready, { type: 'sendInvitations' }, noMailbox)).toEqual({
      code: 'INVALID_INPUT',
      problems: [
        { where: 'organiser', message: 'the organiser needs a mailbox to send the invitation from' },
      ],
    });
  });

  it('the review records the move to contribute views, with the day and who made it', () => {
    const file = sent();
    expect(file.review?.history.at(-1)).toEqual({
      from: 'arranging',
      to: 'contributing',
      on: TODAY,
      by: 'school/senco-oid',
    });
  });

  it('sent once, it is not sent again: the refusal is at the stage', () => {
    expect(rejectedBy(sent(), { type: 'sendInvitations' })).toEqual({
      code: 'WRONG_STAGE',
      problems: [{ where: 'stage', message: 'the invitations have been sent' }],
    });
  });
});

describe('abandoning a review whose invitations went out', () => {
  it('an invite the calendar gave up on made no event: nothing to cancel, no tombstone', () => {
    const file = sent();
    const id = file.outbox?.[0]?.effect.id ?? '';
    const given = failed(
      lease(file, id, 'instance-a', AT),
      id,
      { code: 'FORBIDDEN', status: 403 },
      undefined,
    );
    const { file: abandoned, effects } = apply(given, { type: 'abandonReview', reason: 'duplicate' });
    expect(effects).toEqual([]);
    expect(abandoned.tombstones).toBeUndefined();
  });

  it('an invite tried and due to be retried may have made the event: it is kept, and a cancel follows', () => {
    const file = sent();
    const id = file.outbox?.[0]?.effect.id ?? '';
    const retrying = failed(lease(file, id, 'instance-a', AT), id, { code: 'TIMEOUT' }, AT);
    const { file: abandoned, effects } = apply(retrying, { type: 'abandonReview', reason: 'duplicate' });
    expect(effects.map((e) => e.kind)).toEqual(['cancel']);
    expect(abandoned.outbox?.map((e) => e.effect.kind)).toEqual(['invite', 'cancel']);
  });

  it('an update a dispatcher holds is kept beside the cancel; one not yet tried, and what was sent, leave', () => {
    const edited = apply(delivered(), { type: 'saveMeeting', meeting: { venue: 'Hall' } });
    const updateId = edited.effects[0]?.id ?? '';
    const untried = apply(edited.file, { type: 'abandonReview', reason: 'rearranging' }).file;
    expect(untried.outbox?.map((e) => [e.effect.kind, e.state])).toEqual([['cancel', 'pending']]);
    const held = lease(edited.file, updateId, 'instance-a', AT);
    const kept = apply(held, { type: 'abandonReview', reason: 'rearranging' }).file;
    expect(kept.outbox?.map((e) => [e.effect.kind, e.state])).toEqual([
      ['update', 'pending'],
      ['cancel', 'pending'],
    ]);
  });

  it("another review's effects in the outbox are left as they are, and do not stand for this one's", () => {
    const file = sent();
    const ours = file.outbox?.[0];
    if (!ours) throw new Error('expected the invite in the outbox');
    // An earlier review's invite, sent: its event exists, but it is not this review's.
    const earlier = {
      ...ours,
      effect: { ...ours.effect, id: 'rv-earlier:invite:1', reviewId: 'rv-earlier' },
      state: 'done' as const,
    };
    const { file: abandoned, effects } = apply(
      { ...file, outbox: [earlier, ours] },
      { type: 'abandonReview', reason: 'duplicate' },
    );
    expect(effects).toEqual([]);
    expect(abandoned.outbox).toEqual([earlier]);
  });
});
