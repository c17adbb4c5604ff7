import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clockFor, DATE_KEYS, type DateKey } from '../../bot/src/review/clock.ts';
import { RULES, type RuleId } from '../../bot/src/review/rules.ts';
import { d, makeChild, makeFile, makeMeeting, makeReview } from './factories.ts';

/** What each rule drives in the clock: its dates, the preparing-for-adulthood flag, or nothing dated. */
type Drives =
  | { readonly dates: readonly DateKey[] }
  | { readonly flag: 'pfaRequired' }
  | { readonly undated: string };

const DRIVES = {
  REVIEW_DUE: { dates: ['review_by'] },
  UNDER_FIVE: { dates: ['recommended_review'] },
  INVITE_NOTICE: { dates: ['invite_by'] },
  INVITEES: { undated: 'who must be invited' },
  ADVICE_CIRCULATED: { dates: ['advice_by'] },
  PREPARING_FOR_ADULTHOOD: { flag: 'pfaRequired' },
  REPORT_DUE: { dates: ['report_by'] },
  DECISION_DUE: { dates: ['latest_meeting', 'decision_by'] },
  AMEND_PROPOSAL: { undated: 'due with the decision (decision_by)' },
  AMEND_REPRESENTATIONS: { dates: ['representations_end'] },
  AMEND_FINAL: { dates: ['final_plan_by'] },
  PHASE_TRANSFER: { dates: ['phase_transfer_by', 'transfer_meeting_by'] },
  SUGGESTED_TIMELINE: { undated: 'dates the next action from the latest sensible meeting (guidance)' },
  PERSONAL_BUDGET: { undated: 'what the review takes account of' },
  CEASE_APPEAL: { undated: 'what the decision notice says' },
} as const satisfies Record<RuleId, Drives>;

const RULE_IDS = Object.keys(RULES) as RuleId[];

// A child under 5, moving to school, whose review was decided 'amend': every date is on its clock.
const EVERY_DATE = clockFor(
  makeFile(
    {
      child: makeChild({ dateOfBirth: d('2021-11-20') }),
      lastReviewDecisionOn: d('2025-03-10'),
      phaseTransfer: { kind: 'early-years-to-school', on: d('2026-09-02') },
    },
    makeReview({
      stage: 'amending',
      meeting: makeMeeting('2026-01-12'),
      amendment: { noticeOn: d('2026-02-09') },
    }),
  ),
  d('2026-02-10'),
);

describe('the rule catalogue', () => {
  it('holds the rule ids docs/statutory-rules.md names, and only those', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/statutory-rules.md'), 'utf8');
    const ids = new Set([...doc.matchAll(/^\| ([A-Z][A-Z0-9_]+) \|/gm)].map(([, id]) => id));
    expect([...ids].sort()).toEqual([...RULE_IDS].sort());
  });

  it('derives the dates docs/statutory-rules.md lists, in its order, each from the rule it names', () => {
    const doc = readFileSync(join(import.meta.dirname, '../../docs/statutory-rules.md'), 'utf8');
    const derived = [...doc.matchAll(/^\| ([a-z_]+) \| ([A-Z_]+) \|/gm)].map(([, key, rule]) => [key, rule]);
    expect(derived.map(([key]) => key)).toEqual([...DATE_KEYS]);
    expect(derived).toEqual(DATE_KEYS.map((key) => [key, EVERY_DATE.dates[key]?.rule]));
  });

  it('holds every rule of docs/statutory-rules.md, and only those', () => {
    expect(RULE_IDS).toEqual([
      'REVIEW_DUE',
      'UNDER_FIVE',
      'INVITE_NOTICE',
      'INVITEES',
      'ADVICE_CIRCULATED',
      'PREPARING_FOR_ADULTHOOD',
      'REPORT_DUE',
      'DECISION_DUE',
      'AMEND_PROPOSAL',
      'AMEND_REPRESENTATIONS',
      'AMEND_FINAL',
      'PHASE_TRANSFER',
      'SUGGESTED_TIMELINE',
      'PERSONAL_BUDGET',
      'CEASE_APPEAL',
    ]);
    expect(Object.keys(DRIVES).sort()).toEqual([...RULE_IDS].sort());
  });

  it.each(RULE_IDS)('%s has a title, a source and a one-paragraph summary', (id) => {
    const { title, source, summary } = RULES[id];
    expect(title.length).toBeGreaterThan(0);
    expect(source).toMatch(/CFA|Regs|CoP|guidance/);
    expect(summary).toMatch(/\.$/);
    expect(summary).not.toContain('\n');
  });

  it('every date on the clock comes from exactly one rule', () => {
    const dated = Object.values(DRIVES).flatMap((drives) => ('dates' in drives ? drives.dates : []));
    expect([...dated].sort()).toEqual([...DATE_KEYS].sort());
    expect(Object.keys(EVERY_DATE.dates).sort()).toEqual([...DATE_KEYS].sort());
  });
});

describe('what each rule drives in the clock', () => {
  const dated = RULE_IDS.flatMap((id) => {
    const drives: Drives = DRIVES[id];
    return 'dates' in drives ? drives.dates.map((key) => [id, key] as const) : [];
  });

  it.each(dated)('%s sets %s', (id, key) => {
    expect(EVERY_DATE.dates[key]?.rule).toBe(id);
  });

  it('PREPARING_FOR_ADULTHOOD sets pfaRequired from Year 9', () => {
    const year9 = makeFile({}, makeReview({ meeting: makeMeeting('2025-09-10') }));
    expect(clockFor(year9, d('2025-09-01')).pfaRequired).toBe(true);
    expect(EVERY_DATE.pfaRequired).toBe(false);
  });

  it('INVITEES has no date of its own: it says who must be invited (reg 20(2))', () => {
    expect(RULES.INVITEES.source).toContain('reg 20(2)');
    expect(RULES.INVITEES.summary).toMatch(/parent or young person.*head.*SEN officer.*health.*social care/);
  });

  it('PERSONAL_BUDGET has no date of its own: the review takes account of it (CFA s.49)', () => {
    expect(RULES.PERSONAL_BUDGET.source).toContain('CFA 2014 s.49');
    expect(RULES.PERSONAL_BUDGET.summary).toContain('direct payments');
  });

  it('CEASE_APPEAL has no date of its own: the notice states the 2 months for mediation (regs 29-33)', () => {
    expect(RULES.CEASE_APPEAL.source).toContain('regs 29-33');
    expect(RULES.CEASE_APPEAL.summary).toContain('within 2 months of the decision notice');
  });

  it('SUGGESTED_TIMELINE has no date on the clock: it is guidance, counted from the meeting in week 8', () => {
    expect(RULES.SUGGESTED_TIMELINE.source).toContain('Suggested timeline');
    expect(RULES.SUGGESTED_TIMELINE.summary).toContain('never as overdue in law');
  });

  it('AMEND_PROPOSAL has no date of its own: the proposal is due with the decision, decision_by', () => {
    expect(RULES.AMEND_PROPOSAL.source).toContain('reg 22(2)');
    expect(EVERY_DATE.dates.decision_by).toMatchObject({ date: '2026-02-09', rule: 'DECISION_DUE' });
    expect(EVERY_DATE.dates.decision_by?.explanation).toContain('with the proposed amendments');
  });
});
