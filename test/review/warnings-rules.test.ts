import { describe, expect, it } from 'vitest';
import { DATE_KEYS } from '../../bot/src/review/clock.ts';
import type { Actor } from '../../bot/src/review/permissions.ts';
import {
  dedupeKeyOf,
  firstName,
  latestThreshold,
  ownDateKeys,
  WARNED_DATES,
  warningsOfSteps,
} from '../../bot/src/review/warnings.ts';
import { d } from './factories.ts';

const placement = { laCode: '860', settingUrn: '100001' };
const senco: Actor = { email: 's@school.example', roles: [{ kind: 'senco', ...placement }] };
const officer: Actor = { email: 'o@la.example', roles: [{ kind: 'la-officer', laCode: '860' }] };
const of = { laCode: '860', caseId: 'CASE/1', settingUrn: '100001', childName: '  Amara  Jones ' };

describe('who is warned of each date (reg 20: the setting runs the review; the LA decides and issues)', () => {
  it('the setting’s SENCo of the meeting, invitations, advice and report; the LA of the rest', () => {
    expect(WARNED_DATES).toEqual({
      review_by: { actor: 'case-coordinator', rule: 'REVIEW_DUE' },
      latest_meeting: { actor: 'senco', rule: 'DECISION_DUE' },
      invite_by: { actor: 'senco', rule: 'INVITE_NOTICE' },
      advice_by: { actor: 'senco', rule: 'ADVICE_CIRCULATED' },
      report_by: { actor: 'senco', rule: 'REPORT_DUE' },
      decision_by: { actor: 'case-coordinator', rule: 'DECISION_DUE' },
      final_plan_by: { actor: 'case-coordinator', rule: 'AMEND_FINAL' },
      phase_transfer_by: { actor: 'case-coordinator', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { actor: 'senco', rule: 'PHASE_TRANSFER' },
    });
  });

  it('a person’s own dates: the SENCo’s for the setting’s SENCo, the LA’s for its officer, none for others', () => {
    expect(ownDateKeys(senco, placement, DATE_KEYS)).toEqual([
      'latest_meeting',
      'invite_by',
      'advice_by',
      'report_by',
      'transfer_meeting_by',
    ]);
    expect(ownDateKeys(officer, placement, DATE_KEYS)).toEqual([
      'review_by',
      'decision_by',
      'final_plan_by',
      'phase_transfer_by',
    ]);
    const elsewhere = { laCode: '861', settingUrn: '100002' };
    expect(ownDateKeys(senco, elsewhere, DATE_KEYS)).toEqual([]);
    expect(ownDateKeys(officer, elsewhere, DATE_KEYS)).toEqual([]);
  });
});

describe('a warning', () => {
  it('is one per step not done, with its threshold, the day reached, whether overdue and who acts', () => {
    const steps = [
      { key: 'invite_by', date: d('2026-03-31'), done: false },
      { key: 'report_by', date: d('2026-03-31'), done: true },
      { key: 'representations_end', date: d('2026-03-31'), done: false },
      { key: 'review_by', date: d('2026-03-20'), done: false },
    ] as const;
    expect(warningsOfSteps(of, steps, d('2026-03-24'))).toEqual([
      {
        laCode: '860',
        caseId: 'CASE/1',
        settingUrn: '100001',
        childFirstName: 'Amara',
        key: 'invite_by',
        date: d('2026-03-31'),
        rule: 'INVITE_NOTICE',
        threshold: 'before-7',
        reachedOn: d('2026-03-24'),
        overdue: false,
        actor: 'senco',
        dedupeKey: '860/CASE%2F1/invite_by/2026-03-31/before-7',
      },
      expect.objectContaining({
        key: 'review_by',
        threshold: 'overdue-0',
        overdue: true,
        actor: 'case-coordinator',
      }),
    ]);
  });

  it('a step not yet near gets no warning', () => {
    const steps = [{ key: 'invite_by', date: d('2026-06-30'), done: false }] as const;
    expect(warningsOfSteps(of, steps, d('2026-03-24'))).toEqual([]);
  });

  it('a dedupe key keeps its parts apart, whatever a case id holds', () => {
    expect(dedupeKeyOf('860', 'A/B 1', 'review_by', d('2026-01-01'), 'on-the-day')).toBe(
      '860/A%2FB%201/review_by/2026-01-01/on-the-day',
    );
  });

  it('names the child by the first word of their name only', () => {
    expect(firstName('  Amara   Jones Fictional ')).toBe('Amara');
    expect(firstName('Kit')).toBe('Kit');
    expect(firstName('   ')).toBe('');
  });
});

describe('an LA’s own warning policy', () => {
  it('overdue reminders at least a day apart, even configured as 0', () => {
    const policy = { daysBefore: [], overdueEveryDays: 0 };
    expect(latestThreshold(d('2026-03-31'), d('2026-04-03'), policy)).toEqual({
      threshold: 'overdue-2',
      on: d('2026-04-03'),
    });
  });

  it('with no days before, nothing is sent until the day after the date', () => {
    const policy = { daysBefore: [], overdueEveryDays: 7 };
    expect(latestThreshold(d('2026-03-31'), d('2026-03-31'), policy)).toBeUndefined();
  });
});
