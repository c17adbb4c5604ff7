import { describe, expect, it } from 'vitest';
import type { Person } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import type { Actor } from '../../bot/src/review/permissions.ts';
import type { PlainDate } from '../../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import type { AdviceRequest } from '../../bot/src/review/review.ts';
import { type CaseSummary, summarise } from '../../bot/src/review/summary.ts';
import { actionWords } from '../../bot/src/review/words.ts';
import { d, makeFile, makeMeeting, makeReview } from './factories.ts';

const senco: Actor = {
  email: 'senco@school.example',
  roles: [{ kind: 'senco', settingUrn: '100001', laCode: '860' }],
};
const laOfficer: Actor = { email: 'officer@la.example', roles: [{ kind: 'la-officer', laCode: '860' }] };
const ep: Person = { name: 'Dr Eve', email: 'eve@ep.example', role: 'educational-psychologist' };
const epReader: Actor = { email: 'eve@ep.example', roles: [] };

function read(file: CaseFile, reader: Actor | undefined, today: PlainDate): CaseSummary {
  return summarise(file, today, STATUTORY_DEFAULTS, undefined, reader);
}

/** Submitted after a meeting on 3 February 2025: the LA decides by 3 March (DECISION_DUE). */
const submitted = makeFile({}, makeReview({ stage: 'submitted', meeting: makeMeeting('2025-02-03') }));
const nearTheDecision = d('2025-02-20');

function invitedEp(state: AdviceRequest['state']): CaseFile {
  return makeFile(
    {},
    makeReview({
      stage: 'contributing',
      meeting: makeMeeting('2025-02-03'),
      invitees: [{ id: 'i1', person: ep, requestInformation: true }],
      adviceRequests: [{ id: 'r1', inviteeId: 'i1', state, requestedOn: d('2025-01-02') }],
    }),
  );
}

describe('the next action worded for its reader', () => {
  it('shows the SENCo the LA’s step with its owner, never due soon for them', () => {
    const summary = read(submitted, senco, nearTheDecision);
    expect(summary.nextAction).toMatchObject({ label: 'Awaiting LA decision', by: 'la', yours: false });
    expect(actionWords(summary.nextAction)).toBe('Awaiting LA decision: for the LA');
    expect(summary.dueSoon).toBe(false);
  });

  it('shows the LA its own step, due soon for it', () => {
    const summary = read(submitted, laOfficer, nearTheDecision);
    expect(summary.nextAction).toMatchObject({ by: 'la', yours: true, due: '2025-03-03' });
    expect(actionWords(summary.nextAction)).toBe('Awaiting LA decision');
    expect(summary.dueSoon).toBe(true);
  });

  it('shows the LA a step of the setting with its owner', () => {
    const arranging = makeFile({}, makeReview({ meeting: makeMeeting('2025-02-03') }));
    const summary = read(arranging, laOfficer, d('2025-01-15'));
    expect(actionWords(summary.nextAction)).toBe('Send the invitations: for the SENCo');
    expect(summary.dueSoon).toBe(false);
    expect(read(arranging, senco, d('2025-01-15')).dueSoon).toBe(true);
  });

  it('shows an educational psychologist the advice they owe, by the advice date (ADVICE_CIRCULATED)', () => {
    const accepted = read(invitedEp('accepted'), epReader, d('2025-01-10'));
    expect(accepted.nextAction).toEqual({
      label: 'Submit your advice',
      by: 'invitee',
      yours: true,
      due: '2025-01-20',
      rule: 'ADVICE_CIRCULATED',
    });
    expect(accepted.dueSoon).toBe(true);
    expect(read(invitedEp('requested'), epReader, d('2025-01-10')).nextAction.label).toBe(
      'Answer the advice request',
    );
  });

  it('tells an educational psychologist with nothing to do so, not the SENCo’s steps', () => {
    const summary = read(invitedEp('submitted'), epReader, d('2025-01-10'));
    expect(summary.nextAction).toEqual({ label: 'Nothing for you yet', by: 'invitee', yours: true });
    expect(summary.dueSoon).toBe(false);
  });

  it('shows the case coordinator the LA’s step as their own, due soon for them', () => {
    const coordinator: Person = {
      name: 'Pat Coordinator',
      email: 'pat@la.example',
      role: 'case-coordinator',
    };
    const file = makeFile(
      { coordinator },
      makeReview({ stage: 'submitted', meeting: makeMeeting('2025-02-03') }),
    );
    const summary = read(file, { email: 'pat@la.example', roles: [] }, nearTheDecision);
    expect(summary.nextAction).toMatchObject({ by: 'la', yours: true });
    expect(summary.dueSoon).toBe(true);
  });

  it('shows an invitee nothing of another invitee’s open request, whoever is listed first', () => {
    const other: Person = { name: 'Dr Oz', email: 'oz@health.example', role: 'health' };
    const file = makeFile(
      {},
      makeReview({
        stage: 'contributing',
        meeting: makeMeeting('2025-02-03'),
        invitees: [
          { id: 'i1', person: ep, requestInformation: true },
          { id: 'i2', person: other, requestInformation: true },
        ],
        adviceRequests: [{ id: 'r2', inviteeId: 'i2', state: 'requested', requestedOn: d('2025-01-02') }],
      }),
    );
    expect(read(file, epReader, d('2025-01-10')).nextAction).toEqual({
      label: 'Nothing for you yet',
      by: 'invitee',
      yours: true,
    });
    expect(read(file, { email: 'oz@health.example', roles: [] }, d('2025-01-10')).nextAction.label).toBe(
      'Answer the advice request',
    );
  });

  it('reads as its owner’s without a reader', () => {
    expect(read(submitted, undefined, nearTheDecision).nextAction).toMatchObject({ yours: true });
  });
});
