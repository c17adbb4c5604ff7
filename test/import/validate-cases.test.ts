import { describe, expect, it } from 'vitest';
import { CaseIdSchema } from '../../bot/src/api/schemas.ts';
import type { CaseColumn } from '../../bot/src/import/columns.ts';
import { validateCases } from '../../bot/src/import/validate-cases.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';
import { problemsOf, rawRow } from './factories.ts';

const today = plainDate('2026-01-12');

/** The problems of one row (spreadsheet row 7) with `overrides` on a valid row. */
function problemsWith(overrides: Partial<Record<CaseColumn, unknown>>) {
  return problemsOf(() => validateCases([rawRow(overrides, 'row 7')], today));
}

describe('validateCases: each row checked, every problem reported with its row and column', () => {
  it('turns a valid row into a typed case, trimming spaces and reading empty optional cells as absent', () => {
    const [imported] = validateCases(
      [
        rawRow({
          case_id: ' CASE-0001 ',
          child_name: '  Sam Fictional',
          nc_year: ' 8 ',
          transfer_kind: 'secondary-to-post16',
          transfer_on: '2027-09-01',
          review_meeting_on: '2026-02-02 ',
        }),
      ],
      today,
    );

    expect(imported).toEqual({
      caseId: 'CASE-0001',
      laCode: '860',
      settingUrn: '100001',
      childName: 'Sam Fictional',
      dateOfBirth: '2011-10-15',
      ncYear: 8,
      planIssuedOn: '2024-03-10',
      phaseTransfer: { kind: 'secondary-to-post16', on: '2027-09-01' },
      reviewMeetingOn: '2026-02-02',
    });
  });

  it('takes JSON numbers for identifiers and the NC year, and null as absent', () => {
    const [imported] = validateCases(
      [rawRow({ la_code: 860, setting_urn: 124001, nc_year: -2, transfer_kind: null, transfer_on: null })],
      today,
    );

    expect(imported).toMatchObject({ laCode: '860', settingUrn: '124001', ncYear: -2 });
    expect(imported?.phaseTransfer).toBeUndefined();
  });

  it.each(['case_id', 'la_code', 'setting_urn', 'child_name', 'date_of_birth', 'plan_issued_on'] as const)(
    'requires %s',
    (column) => {
      expect(problemsWith({ [column]: '  ' })).toEqual([
        { where: `row 7, ${column}`, message: 'is required' },
      ]);
    },
  );

  it('requires real calendar dates written YYYY-MM-DD', () => {
    expect(
      problemsWith({
        date_of_birth: '2011-02-30',
        plan_issued_on: '10/03/2024',
        transfer_kind: 'infant-to-junior',
        transfer_on: 20260901,
      }),
    ).toEqual([
      { where: 'row 7, date_of_birth', message: 'not a calendar date (expected YYYY-MM-DD): "2011-02-30"' },
      { where: 'row 7, plan_issued_on', message: 'not a calendar date (expected YYYY-MM-DD): "10/03/2024"' },
      { where: 'row 7, transfer_on', message: 'not a calendar date (expected YYYY-MM-DD): 20260901' },
    ]);
  });

  it('takes an NC year from -2 (nursery) to 14, whole numbers only', () => {
    for (const year of ['-2', '0', '14'])
      expect(validateCases([rawRow({ nc_year: year })], today)).toHaveLength(1);
    const message = (shown: string) =>
      `not a National Curriculum year (expected a whole number from -2, nursery, to 14): ${shown}`;

    expect(problemsWith({ nc_year: '-3' })).toEqual([{ where: 'row 7, nc_year', message: message('-3') }]);
    expect(problemsWith({ nc_year: '15' })).toEqual([{ where: 'row 7, nc_year', message: message('15') }]);
    expect(problemsWith({ nc_year: 'R' })).toEqual([{ where: 'row 7, nc_year', message: message('"R"') }]);
    expect(problemsWith({ nc_year: 9.5 })).toEqual([{ where: 'row 7, nc_year', message: message('9.5') }]);
  });

  it('takes an LA by its 3-digit local authority number', () => {
    const message = 'must be the 3-digit code of a local authority in England, e.g. 860';
    expect(problemsWith({ la_code: 'Staffs' })).toEqual([
      { where: 'row 7, la_code', message: `${message}: "Staffs"` },
    ]);
    expect(problemsWith({ la_code: '86' })).toEqual([
      { where: 'row 7, la_code', message: `${message}: "86"` },
    ]);
    expect(validateCases([rawRow({ la_code: ' 860 ' })], today)[0]?.laCode).toBe('860');
  });

  it('takes a case id of 1 to 64 characters without control characters, as the API does', () => {
    const message = 'must be 1 to 64 characters, none of them a control character (tab, line break)';
    expect(validateCases([rawRow({ case_id: 'x'.repeat(64) })], today)[0]?.caseId).toHaveLength(64);
    expect(validateCases([rawRow({ case_id: 'NS/2024/0001' })], today)[0]?.caseId).toBe('NS/2024/0001');

    expect(problemsWith({ case_id: 'x'.repeat(70) })).toEqual([
      {
        where: 'row 7, case_id',
        message: `${message}: a text of 70 characters (not repeated: it may be personal data)`,
      },
    ]);
    expect(problemsWith({ case_id: 'CASE\u00070001' })).toEqual([
      { where: 'row 7, case_id', message: `${message}: "CASE\\u00070001"` },
    ]);
  });

  it('takes only the known kinds of phase transfer', () => {
    expect(problemsWith({ transfer_kind: 'primary-secondary', transfer_on: '2026-09-01' })).toEqual([
      {
        where: 'row 7, transfer_kind',
        message: expect.stringMatching(
          /^not a transfer kind \(expected one of early-years-to-school, .*\): "primary-secondary"$/,
        ),
      },
    ]);
  });

  it('needs transfer_kind and transfer_on together (PHASE_TRANSFER needs both), or neither', () => {
    expect(problemsWith({ transfer_kind: 'primary-to-secondary' })).toEqual([
      { where: 'row 7, transfer_on', message: 'is required when transfer_kind is given' },
    ]);
    expect(problemsWith({ transfer_on: '2026-09-01' })).toEqual([
      { where: 'row 7, transfer_kind', message: 'is required when transfer_on is given' },
    ]);
  });

  it('does not also ask for a partner column that is there but invalid', () => {
    expect(problemsWith({ transfer_kind: 'primary-to-secondary', transfer_on: '2026-02-30' })).toEqual([
      { where: 'row 7, transfer_on', message: 'not a calendar date (expected YYYY-MM-DD): "2026-02-30"' },
    ]);
  });

  it('needs the plan issued after the child was born', () => {
    expect(problemsWith({ date_of_birth: '2024-03-10' })).toEqual([
      { where: 'row 7, plan_issued_on', message: 'must be after date_of_birth in the same row' },
    ]);
  });

  it('needs the last review decision on or after the plan was issued', () => {
    expect(validateCases([rawRow({ last_review_decision_on: '2024-03-10' })], today)).toHaveLength(1);
    expect(problemsWith({ last_review_decision_on: '2024-03-09' })).toEqual([
      {
        where: 'row 7, last_review_decision_on',
        message: 'must not be before plan_issued_on in the same row',
      },
    ]);
  });

  it('accepts the proposed amendments served on the day of the decision to amend (reg 22, the lawful norm)', () => {
    const [sameDay] = validateCases(
      [
        rawRow({
          last_review_decision_on: '2025-11-28',
          review_meeting_on: '2025-11-03',
          amendment_notice_on: '2025-11-28',
        }),
      ],
      today,
    );
    expect(sameDay).toMatchObject({ lastReviewDecisionOn: '2025-11-28', amendmentNoticeOn: '2025-11-28' });
    // A draft served late is still an amendment of that decision.
    const [late] = validateCases(
      [rawRow({ last_review_decision_on: '2025-10-01', amendment_notice_on: '2025-12-01' })],
      today,
    );
    expect(late).toMatchObject({ lastReviewDecisionOn: '2025-10-01', amendmentNoticeOn: '2025-12-01' });
  });

  it('refuses an amendment notice before the decision to amend, naming the row and the field', () => {
    expect(
      problemsWith({ last_review_decision_on: '2025-11-10', amendment_notice_on: '2025-11-07' }),
    ).toEqual([
      {
        where: 'row 7, amendment_notice_on',
        message:
          'must not be before last_review_decision_on in the same row: the proposed amendments are served ' +
          'with the decision to amend, or later',
      },
    ]);
  });

  it('needs the decision to amend with an amendment notice, and the notice with a final plan date', () => {
    expect(problemsWith({ amendment_notice_on: '2025-11-07' })).toEqual([
      {
        where: 'row 7, last_review_decision_on',
        message:
          'is required when amendment_notice_on is given: the day the LA notified its decision to amend',
      },
    ]);
    expect(problemsWith({ final_plan_issued_on: '2025-12-07' })).toEqual([
      { where: 'row 7, amendment_notice_on', message: 'is required when final_plan_issued_on is given' },
    ]);
  });

  it('needs the final plan on or after the amendment notice', () => {
    const amended = { last_review_decision_on: '2025-11-07', amendment_notice_on: '2025-11-07' };
    const [issued] = validateCases([rawRow({ ...amended, final_plan_issued_on: '2025-11-07' })], today);
    expect(issued?.finalPlanIssuedOn).toBe('2025-11-07');
    expect(problemsWith({ ...amended, final_plan_issued_on: '2025-11-06' })).toEqual([
      {
        where: 'row 7, final_plan_issued_on',
        message: 'must not be before amendment_notice_on in the same row',
      },
    ]);
  });

  it('needs the meeting of a plan under amendment on or before the decision to amend', () => {
    expect(
      problemsWith({
        last_review_decision_on: '2025-11-07',
        review_meeting_on: '2025-11-10',
        amendment_notice_on: '2025-11-10',
      }),
    ).toEqual([
      {
        where: 'row 7, review_meeting_on',
        message:
          'for a plan under amendment, must not be after last_review_decision_on in the same row: it is the ' +
          'meeting of the review decided to amend',
      },
    ]);
  });

  it('needs a review not yet decided to have begun after the last review decision (or the plan, before any)', () => {
    expect(problemsWith({ last_review_decision_on: '2025-03-03', review_meeting_on: '2025-02-10' })).toEqual([
      {
        where: 'row 7, review_meeting_on',
        message: 'for a review not yet decided, must be after last_review_decision_on in the same row',
      },
    ]);
    expect(problemsWith({ review_meeting_on: '2024-01-05' })).toEqual([
      {
        where: 'row 7, review_meeting_on',
        message: 'for a review not yet decided, must be after plan_issued_on in the same row',
      },
    ]);
  });

  it('refuses dates after today for what has happened: the plan, the last decision, the amendment, the final plan', () => {
    const happened = (column: string) => ({
      where: `row 7, ${column}`,
      message: 'must not be after today (2026-01-12): it records something that has happened',
    });
    const problems = problemsWith({
      date_of_birth: '2011-10-15',
      plan_issued_on: '2026-01-13',
      last_review_decision_on: '2026-02-01',
      review_meeting_on: '2026-01-20',
      amendment_notice_on: '2026-03-05',
      final_plan_issued_on: '2026-04-05',
    });

    expect(problems).toEqual([
      happened('plan_issued_on'),
      happened('last_review_decision_on'),
      happened('amendment_notice_on'),
      happened('final_plan_issued_on'),
    ]);
  });

  it('allows a review meeting and a transfer in the future', () => {
    expect(
      validateCases(
        [
          rawRow({
            review_meeting_on: '2026-06-01',
            transfer_kind: 'post16-to-post16',
            transfer_on: '2027-07-31',
          }),
        ],
        today,
      ),
    ).toHaveLength(1);
  });

  it('refuses the same case twice in one file, naming the row it first appeared on', () => {
    const rows = [
      rawRow({ case_id: 'CASE-0001' }, 'row 2'),
      rawRow({ case_id: 'CASE-0002' }, 'row 3'),
      rawRow({ case_id: 'CASE-0001', la_code: '861' }, 'row 4'),
      rawRow({ case_id: 'CASE-0001' }, 'row 5'),
    ];

    expect(problemsOf(() => validateCases(rows, today))).toEqual([
      { where: 'row 5, case_id', message: 'repeats case CASE-0001 of LA 860 from row 2' },
    ]);
  });

  it('reports a row that could not be read into columns', () => {
    expect(
      problemsOf(() =>
        validateCases([{ where: 'item 3', values: {}, unreadable: 'must be an object' }], today),
      ),
    ).toEqual([{ where: 'item 3', message: 'must be an object' }]);
  });

  it('reports every problem of every row, not only the first', () => {
    const rows = [
      rawRow({ case_id: 'CASE-0001' }, 'row 2'),
      rawRow({ case_id: 'CASE-0002', child_name: '', date_of_birth: '2011-13-01' }, 'row 3'),
      rawRow({ case_id: 'CASE-0003', nc_year: '20' }, 'row 4'),
    ];

    expect(problemsOf(() => validateCases(rows, today)).map((problem) => problem.where)).toEqual([
      'row 3, child_name',
      'row 3, date_of_birth',
      'row 4, nc_year',
    ]);
  });
});

describe('validateCases: a case id the import takes is one the API opens', () => {
  const ids = [
    'CASE-0001',
    'x',
    'x'.repeat(64),
    'x'.repeat(65),
    'x'.repeat(70),
    'NS/2024/0001',
    'Zoë-12',
    'CASE\u00070001',
    'CASE\u007f1',
    'CASE\t1',
    'CASE\n1',
  ];

  it.each(ids)('agrees with the API on %j', (id) => {
    const imported = (() => {
      try {
        return validateCases([rawRow({ case_id: id })], today).length === 1;
      } catch {
        return false;
      }
    })();

    expect(imported).toBe(CaseIdSchema.safeParse(id).success);
  });

  it('takes 64 characters and refuses 65 on both sides', () => {
    expect(CaseIdSchema.safeParse('x'.repeat(64)).success).toBe(true);
    expect(CaseIdSchema.safeParse('x'.repeat(65)).success).toBe(false);
    expect(CaseIdSchema.safeParse('').success).toBe(false);
  });
});

describe('validateCases: messages show what was written, never a name', () => {
  it('names the kind of a JSON value that is not text, without repeating it', () => {
    expect(
      problemsOf(() =>
        validateCases([rawRow({ child_name: { first: 'Sam' }, case_id: true }, 'item 1')], today),
      ),
    ).toEqual([
      { where: 'item 1, case_id', message: 'must be text, not a boolean' },
      { where: 'item 1, child_name', message: 'must be text, not an object' },
    ]);
  });

  it('names the other column of a rule that joins columns, never its value (the date of birth)', () => {
    const problems = problemsWith({
      date_of_birth: '2024-05-01',
      last_review_decision_on: '2024-03-01',
      review_meeting_on: '2024-03-02',
      amendment_notice_on: '2024-01-15',
    });

    expect(problems.map((problem) => problem.where)).toEqual([
      'row 7, plan_issued_on',
      'row 7, last_review_decision_on',
      'row 7, amendment_notice_on',
      'row 7, review_meeting_on',
    ]);
    for (const { message } of problems) {
      expect(message).toMatch(/ in the same row(:|$)/);
      expect(message).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
  });

  it('does not repeat a name that lands in a date column, even a single word', () => {
    const notShown = (length: number) =>
      `not a calendar date (expected YYYY-MM-DD): a text of ${length} characters (not repeated: it may be personal data)`;

    expect(problemsWith({ date_of_birth: 'Sam Fictional', plan_issued_on: 'Sam' })).toEqual([
      { where: 'row 7, date_of_birth', message: notShown(13) },
      { where: 'row 7, plan_issued_on', message: notShown(3) },
    ]);
  });

  it('repeats a bad date, number or code of at most 20 characters, so the officer can find it', () => {
    expect(problemsWith({ date_of_birth: '2011-10-15T00:00:00Z', nc_year: 'R' })).toEqual([
      {
        where: 'row 7, date_of_birth',
        message: 'not a calendar date (expected YYYY-MM-DD): "2011-10-15T00:00:00Z"',
      },
      {
        where: 'row 7, nc_year',
        message: 'not a National Curriculum year (expected a whole number from -2, nursery, to 14): "R"',
      },
    ]);
  });

  it('does not repeat a value longer than 20 characters, or one with a space in a code column', () => {
    expect(
      problemsWith({
        date_of_birth: '2011-10-15 00:00:00.000',
        la_code: 'Sam Fictional',
        transfer_kind: 'primary-to-secondary-school',
        transfer_on: '2026-09-01',
      }),
    ).toEqual([
      {
        where: 'row 7, la_code',
        message: expect.stringMatching(
          /: a text of 13 characters \(not repeated: it may be personal data\)$/,
        ),
      },
      {
        where: 'row 7, date_of_birth',
        message: expect.stringMatching(
          /: a text of 23 characters \(not repeated: it may be personal data\)$/,
        ),
      },
      {
        where: 'row 7, transfer_kind',
        message: expect.stringMatching(
          /: a text of 27 characters \(not repeated: it may be personal data\)$/,
        ),
      },
    ]);
  });

  it('never repeats a child_name cell: it is text, and only its kind is named when it is not', () => {
    expect(problemsOf(() => validateCases([rawRow({ child_name: 42 }, 'item 1')], today))).toEqual([
      { where: 'item 1, child_name', message: 'must be text, not a number' },
    ]);
  });
});
