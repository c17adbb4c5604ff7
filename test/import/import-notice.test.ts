import { describe, expect, it } from 'vitest';
import { type DecisionDateKept, describeNotice } from '../../bot/src/import/import-notice.ts';
import { plainDate } from '../../bot/src/review/plain-date.ts';

function keptNotice(overrides: Partial<DecisionDateKept> = {}): DecisionDateKept {
  return {
    kind: 'decision-date-kept',
    where: 'row 7',
    column: 'last_review_decision_on',
    imported: plainDate('2025-05-01'),
    kept: plainDate('2026-01-10'),
    ...overrides,
  };
}

describe('describeNotice: one line for the officer, with the row, the column and dates only', () => {
  it('says which date of the file was ignored, and which date of a review closed here was kept', () => {
    expect(describeNotice(keptNotice())).toBe(
      'row 7: last_review_decision_on 2025-05-01 ignored: a review of this case was closed in ' +
        'EHC Review Hub with its decision notified on 2026-01-10, which is kept',
    );
  });

  it('says an amendment the file no longer carries is kept, with its final plan deadline', () => {
    expect(
      describeNotice({
        kind: 'amendment-kept',
        where: 'row 4',
        column: 'amendment_notice_on',
        noticeOn: plainDate('2025-11-28'),
      }),
    ).toBe(
      'row 4: amendment_notice_on is no longer given for the amendment served on 2025-11-28: it is kept ' +
        'in EHC Review Hub with its final plan deadline (AMEND_FINAL) until the file gives ' +
        'final_plan_issued_on or a later last_review_decision_on',
    );
  });

  it('names a JSON item by its position', () => {
    expect(describeNotice(keptNotice({ where: 'item 3' }))).toMatch(/^item 3: last_review_decision_on /);
  });
});
