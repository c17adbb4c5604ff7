import { describe, expect, it } from 'vitest';
import { BAD_FIXTURE_PROBLEMS, fixture, runCli } from './run-cli.ts';

const TODAY = ['--today', '2026-01-12'];

/** The clock of test/fixtures/cases-valid.csv on 12 January 2026, one line per case in file order. */
const EXPECTED = [
  // A Year 6 child moving to secondary school: PHASE_TRANSFER by 15 February of the year of the move.
  // No meeting yet, 12 weeks before it (transfer_meeting_by): too late to count on the decision (4
  // weeks) and the final amended plan (8 weeks) coming in time, so the meeting is overdue.
  {
    case_id: 'EHC-0001',
    dates: {
      review_by: { date: '2026-03-09', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-02-09', rule: 'DECISION_DUE' },
      phase_transfer_by: { date: '2026-02-15', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { date: '2025-11-23', rule: 'PHASE_TRANSFER' },
    },
    pfa_required: false,
    overdue: ['transfer_meeting_by'],
  },
  // An under-5 starting school: a recommended review 6 months from the plan (UNDER_FIVE), never overdue.
  {
    case_id: 'EHC-0002',
    dates: {
      review_by: { date: '2026-09-14', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-08-17', rule: 'DECISION_DUE' },
      phase_transfer_by: { date: '2026-02-15', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { date: '2025-11-23', rule: 'PHASE_TRANSFER' },
      recommended_review: { date: '2026-03-14', rule: 'UNDER_FIVE' },
    },
    pfa_required: false,
    overdue: ['transfer_meeting_by'],
  },
  // A Year 9 child with a meeting still to come: preparing for adulthood, dates around the meeting.
  {
    case_id: 'EHC-0003',
    dates: {
      review_by: { date: '2026-03-19', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-02-19', rule: 'DECISION_DUE' },
      invite_by: { date: '2026-01-19', rule: 'INVITE_NOTICE' },
      advice_by: { date: '2026-01-19', rule: 'ADVICE_CIRCULATED' },
      report_by: { date: '2026-02-16', rule: 'REPORT_DUE' },
      decision_by: { date: '2026-03-02', rule: 'DECISION_DUE' },
    },
    pfa_required: true,
    overdue: [],
  },
  // Decided to amend on 28 November 2025, the proposed amendments served the same day (the lawful norm,
  // reg 22): representations for 15 days, the final plan within 8 weeks; the next review runs from the
  // decision (REVIEW_DUE).
  {
    case_id: 'EHC-0004',
    dates: {
      review_by: { date: '2026-11-27', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-10-30', rule: 'DECISION_DUE' },
      invite_by: { date: '2025-10-20', rule: 'INVITE_NOTICE' },
      advice_by: { date: '2025-10-20', rule: 'ADVICE_CIRCULATED' },
      report_by: { date: '2025-11-17', rule: 'REPORT_DUE' },
      decision_by: { date: '2025-12-01', rule: 'DECISION_DUE' },
      representations_end: { date: '2025-12-12', rule: 'AMEND_REPRESENTATIONS' },
      final_plan_by: { date: '2026-01-23', rule: 'AMEND_FINAL' },
    },
    pfa_required: false,
    overdue: [],
  },
  // A meeting on 15 December 2025 with no report yet: the report is overdue; the decision is due today.
  {
    case_id: 'EHC-0005',
    dates: {
      review_by: { date: '2026-02-09', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-01-12', rule: 'DECISION_DUE' },
      invite_by: { date: '2025-12-01', rule: 'INVITE_NOTICE' },
      advice_by: { date: '2025-12-01', rule: 'ADVICE_CIRCULATED' },
      report_by: { date: '2025-12-29', rule: 'REPORT_DUE' },
      decision_by: { date: '2026-01-12', rule: 'DECISION_DUE' },
    },
    pfa_required: false,
    overdue: ['report_by'],
  },
  // Secondary school to a post-16 institution: by 31 March of the year of the move.
  {
    case_id: 'EHC-0006',
    dates: {
      review_by: { date: '2026-05-05', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-04-07', rule: 'DECISION_DUE' },
      phase_transfer_by: { date: '2026-03-31', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { date: '2026-01-06', rule: 'PHASE_TRANSFER' },
    },
    pfa_required: true,
    overdue: ['transfer_meeting_by'],
  },
  // Between post-16 institutions: 5 months before a move on 31 July, clamped to 28 February.
  {
    case_id: 'EHC-0007',
    dates: {
      review_by: { date: '2026-08-28', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-07-31', rule: 'DECISION_DUE' },
      phase_transfer_by: { date: '2026-02-28', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { date: '2025-12-06', rule: 'PHASE_TRANSFER' },
    },
    pfa_required: true,
    overdue: ['transfer_meeting_by'],
  },
  // Chronologically Year 9 but taught in Year 8 (nc_year): preparing for adulthood is not yet required.
  {
    case_id: 'EHC-0008',
    dates: {
      review_by: { date: '2026-06-29', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-06-01', rule: 'DECISION_DUE' },
    },
    pfa_required: false,
    overdue: [],
  },
  // The same case id in another LA; never reviewed since the plan of 4 November 2024: overdue.
  {
    case_id: 'EHC-0001',
    dates: {
      review_by: { date: '2025-11-03', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2025-10-06', rule: 'DECISION_DUE' },
    },
    pfa_required: false,
    overdue: ['review_by', 'latest_meeting'],
  },
];

/** The clock of test/fixtures/cases-amendments.csv on 12 January 2026: amendments, and the other moves. */
const EXPECTED_AMENDMENTS = [
  // Decided to amend on 28 November 2025, the proposal served the same day (reg 22; Devon [2022]).
  {
    case_id: 'EHC-0201',
    dates: {
      review_by: { date: '2026-11-27', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-10-30', rule: 'DECISION_DUE' },
      invite_by: { date: '2025-10-20', rule: 'INVITE_NOTICE' },
      advice_by: { date: '2025-10-20', rule: 'ADVICE_CIRCULATED' },
      report_by: { date: '2025-11-17', rule: 'REPORT_DUE' },
      decision_by: { date: '2025-12-01', rule: 'DECISION_DUE' },
      representations_end: { date: '2025-12-12', rule: 'AMEND_REPRESENTATIONS' },
      final_plan_by: { date: '2026-01-23', rule: 'AMEND_FINAL' },
    },
    pfa_required: false,
    overdue: [],
  },
  // A draft served late (1 December, the decision on 1 October): the next review still runs from the
  // decision (REVIEW_DUE, 30 September 2026); representations and the final plan count from the notice.
  {
    case_id: 'EHC-0202',
    dates: {
      review_by: { date: '2026-09-30', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-09-02', rule: 'DECISION_DUE' },
      invite_by: { date: '2025-09-01', rule: 'INVITE_NOTICE' },
      advice_by: { date: '2025-09-01', rule: 'ADVICE_CIRCULATED' },
      report_by: { date: '2025-09-29', rule: 'REPORT_DUE' },
      decision_by: { date: '2025-10-13', rule: 'DECISION_DUE' },
      representations_end: { date: '2025-12-15', rule: 'AMEND_REPRESENTATIONS' },
      final_plan_by: { date: '2026-01-26', rule: 'AMEND_FINAL' },
    },
    pfa_required: false,
    overdue: [],
  },
  // Infant to junior school, its amended plan issued on 15 December 2025 (final_plan_issued_on): the
  // transfer's deadline is met, nothing overdue; the next review runs from the decision to amend.
  {
    case_id: 'EHC-0203',
    dates: {
      review_by: { date: '2026-11-09', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-10-12', rule: 'DECISION_DUE' },
      phase_transfer_by: { date: '2026-02-15', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { date: '2025-11-23', rule: 'PHASE_TRANSFER' },
    },
    pfa_required: false,
    overdue: [],
  },
  // Primary to middle school with no meeting yet: past the transfer meeting date.
  {
    case_id: 'EHC-0204',
    dates: {
      review_by: { date: '2026-03-31', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-03-03', rule: 'DECISION_DUE' },
      phase_transfer_by: { date: '2026-02-15', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { date: '2025-11-23', rule: 'PHASE_TRANSFER' },
    },
    pfa_required: false,
    overdue: ['transfer_meeting_by'],
  },
  // Middle to secondary school in September 2027: by 15 February 2027, the meeting by 23 November 2026.
  {
    case_id: 'EHC-0205',
    dates: {
      review_by: { date: '2026-10-05', rule: 'REVIEW_DUE' },
      latest_meeting: { date: '2026-09-07', rule: 'DECISION_DUE' },
      phase_transfer_by: { date: '2027-02-15', rule: 'PHASE_TRANSFER' },
      transfer_meeting_by: { date: '2026-11-23', rule: 'PHASE_TRANSFER' },
    },
    pfa_required: false,
    overdue: [],
  },
];

function jsonLines(expected: readonly unknown[]): string {
  return expected.map((line) => `${JSON.stringify(line)}\n`).join('');
}

describe('npm run clock: the statutory clock of every case in an export, one JSON line each', () => {
  it('prints every due date with its rule, preparing for adulthood and what is overdue', async () => {
    const result = await runCli('clock', [fixture('cases-valid.csv'), ...TODAY]);

    expect(result).toEqual({ code: 0, stdout: jsonLines(EXPECTED), stderr: '' });
  });

  it('prints the same for the same cases as JSON', async () => {
    const result = await runCli('clock', [fixture('cases-valid.json'), ...TODAY]);

    expect(result).toEqual({ code: 0, stdout: jsonLines(EXPECTED), stderr: '' });
  });

  it('agrees with docs/statutory-rules.md for same-day and late amendment notices, and every other move', async () => {
    const result = await runCli('clock', [fixture('cases-amendments.csv'), ...TODAY]);

    expect(result).toEqual({ code: 0, stdout: jsonLines(EXPECTED_AMENDMENTS), stderr: '' });
  });

  it('prints no dates for a file with bad rows, but every problem, one per line, and exits 1', async () => {
    const result = await runCli('clock', [fixture('cases-bad.csv'), ...TODAY]);

    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      ...BAD_FIXTURE_PROBLEMS,
      'No dates were worked out: mend the file and run it again.',
      '',
    ]);
  });

  it.each([
    [[], 'FILE is missing'],
    [
      [fixture('cases-valid.csv'), '--today', '2026-02-30'],
      '--today is not a calendar date (expected YYYY-MM-DD): "2026-02-30"',
    ],
    [[fixture('cases-valid.csv'), '--todya', '2026-01-12'], "Unknown option '--todya'"],
  ])('shows the usage and exits 2 for a wrong command line: %j', async (args, message) => {
    const result = await runCli('clock', args);

    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain('Usage: npm run --silent clock -- FILE [--today YYYY-MM-DD]');
  });
});
