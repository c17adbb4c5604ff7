import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { clockFor } from '../../bot/src/review/clock.ts';
import {
  amendmentKept,
  caseFileFromImport,
  decisionDateKept,
  type ImportedCase,
  mergeImport,
} from '../../bot/src/review/imported-case.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { abandonReview, startReview } from '../../bot/src/review/transitions.ts';
import { d, makeCase, makeMeeting, makeReview } from './factories.ts';

const today = d('2026-01-12');

/** A case as a valid export row gives it: no review in progress. */
function imported(overrides: Partial<ImportedCase> = {}): ImportedCase {
  return {
    laCode: '860',
    caseId: 'CASE-0001',
    settingUrn: '100001',
    childName: 'Sam Fictional',
    dateOfBirth: d('2011-10-15'),
    planIssuedOn: d('2024-03-10'),
    ...overrides,
  };
}

describe('caseFileFromImport: an LA export row becomes a case file', () => {
  it('copies the LA-held fields and starts with no outcomes, people or views', () => {
    const file = caseFileFromImport(
      imported({
        lastReviewDecisionOn: d('2025-03-03'),
        phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
      }),
      today,
    );

    expect(file).toEqual({
      case: {
        laCode: '860',
        caseId: 'CASE-0001',
        settingUrn: '100001',
        child: { name: 'Sam Fictional', dateOfBirth: d('2011-10-15') },
        planIssuedOn: d('2024-03-10'),
        lastReviewDecisionOn: d('2025-03-03'),
        lastReviewDecisionFrom: 'import',
        phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
        outcomes: [],
        people: [],
        views: {},
      },
    });
  });

  it('records an NC year for the academic year containing today', () => {
    expect(caseFileFromImport(imported({ ncYear: 8 }), d('2026-08-31')).case.child.ncYear).toEqual({
      year: 8,
      academicYearStart: 2025,
    });
    expect(caseFileFromImport(imported({ ncYear: 8 }), d('2026-09-01')).case.child.ncYear).toEqual({
      year: 8,
      academicYearStart: 2026,
    });
  });

  it('brings a review with a meeting still to come in at contributing: arranged and invited elsewhere', () => {
    const { review } = caseFileFromImport(imported({ reviewMeetingOn: d('2026-02-02') }), today);

    expect(review).toEqual({
      id: 'imported-2026-02-02',
      stage: 'contributing',
      startedOn: today,
      meeting: { on: d('2026-02-02'), startTime: '00:00', endTime: '00:00', venue: '', online: false },
      invitees: [],
      adviceRequests: [],
      advice: [],
      views: {},
      attendance: [],
      history: [],
      imported: true,
    });
  });

  it('brings a review whose meeting is today or past in at the meeting stage (the report is next)', () => {
    expect(caseFileFromImport(imported({ reviewMeetingOn: today }), today).review?.stage).toBe('meeting');
    expect(caseFileFromImport(imported({ reviewMeetingOn: d('2025-12-15') }), today).review?.stage).toBe(
      'meeting',
    );
  });

  it('brings a plan under amendment in at amending, decided to amend on the last review decision date', () => {
    const { review } = caseFileFromImport(
      imported({
        lastReviewDecisionOn: d('2025-11-20'),
        reviewMeetingOn: d('2025-11-03'),
        amendmentNoticeOn: d('2025-11-28'),
      }),
      today,
    );

    expect(review).toMatchObject({
      id: 'imported-2025-11-03',
      stage: 'amending',
      meeting: { on: d('2025-11-03') },
      decision: { outcome: 'amend', notifiedOn: d('2025-11-20'), decidedBy: 'imported', reason: 'imported' },
      amendment: { noticeOn: d('2025-11-28') },
      imported: true,
    });
  });

  it('runs the next review from the decision to amend, not from a draft served late (REVIEW_DUE)', () => {
    const file = caseFileFromImport(
      imported({ lastReviewDecisionOn: d('2025-10-01'), amendmentNoticeOn: d('2025-12-01') }),
      today,
    );
    const { dates } = clockFor(file, today);
    expect(dates.review_by?.date).toBe('2026-09-30');
    expect(dates.final_plan_by?.date).toBe('2026-01-26');
  });

  it('brings no review in for an amendment whose final plan was issued, which names a transfer’s new setting', () => {
    const file = caseFileFromImport(
      imported({
        lastReviewDecisionOn: d('2025-11-10'),
        amendmentNoticeOn: d('2025-11-10'),
        finalPlanIssuedOn: d('2025-12-15'),
        phaseTransfer: { kind: 'primary-to-secondary', on: d('2026-09-02') },
      }),
      today,
    );
    expect(file.review).toBeUndefined();
    expect(file.case).toMatchObject({
      amendedPlanIssuedOn: d('2025-12-15'),
      phaseTransfer: { namedInPlanOn: d('2025-12-15') },
    });
    expect(clockFor(file, d('2026-02-20')).overdue).toEqual([]);
  });

  it('builds the same file from the same row, so importing twice finds nothing to change', () => {
    const row = imported({ ncYear: 9, reviewMeetingOn: d('2026-02-02') });
    expect(caseFileFromImport(row, today)).toEqual(caseFileFromImport(row, today));
  });
});

describe('mergeImport: a later import of a case already in the product', () => {
  const existingCase = makeCase({
    settingUrn: '100001',
    coordinator: { name: 'Pat Coordinator', email: 'pat@la.example', role: 'case-coordinator' },
    people: [{ name: 'Jo Parent', email: 'jo@example.org', role: 'parent' }],
    views: { parent: { text: 'Doing well', recordedBy: 'Jo Parent', updatedOn: d('2025-06-01') } },
    phaseTransfer: { kind: 'infant-to-junior', on: d('2026-09-01') },
  });

  it('takes the LA-held fields from the import and keeps what was entered in the product', () => {
    const incoming = caseFileFromImport(
      imported({ settingUrn: '100002', childName: 'Sam Renamed', planIssuedOn: d('2024-03-11'), ncYear: 8 }),
      today,
    );

    const merged = mergeImport({ case: existingCase }, incoming);

    expect(merged.case).toEqual({
      ...existingCase,
      settingUrn: '100002',
      child: {
        name: 'Sam Renamed',
        dateOfBirth: d('2011-10-15'),
        ncYear: { year: 8, academicYearStart: 2025 },
      },
      planIssuedOn: d('2024-03-11'),
      phaseTransfer: undefined,
    });
    expect('phaseTransfer' in merged.case).toBe(false);
  });

  it('keeps the day a plan amended here named the new setting, while the import has the same move', () => {
    const transfer = { kind: 'primary-to-secondary', on: d('2026-09-02') } as const;
    const named: CaseFile = {
      case: { ...existingCase, phaseTransfer: { ...transfer, namedInPlanOn: d('2026-01-30') } },
    };
    const same = caseFileFromImport(imported({ phaseTransfer: transfer }), today);
    const moved = caseFileFromImport(
      imported({ phaseTransfer: { ...transfer, on: d('2027-09-01') } }),
      today,
    );

    expect(mergeImport(named, same).case.phaseTransfer).toEqual({
      ...transfer,
      namedInPlanOn: d('2026-01-30'),
    });
    expect(mergeImport(named, moved).case.phaseTransfer).toEqual({ ...transfer, on: d('2027-09-01') });
  });

  it('a transfer of another kind on the same day is another move: the day the plan named it is not kept', () => {
    const transfer = { kind: 'primary-to-secondary', on: d('2026-09-02') } as const;
    const named: CaseFile = {
      case: { ...existingCase, phaseTransfer: { ...transfer, namedInPlanOn: d('2026-01-30') } },
    };
    const other = { kind: 'infant-to-junior', on: transfer.on } as const;
    const incoming = caseFileFromImport(imported({ phaseTransfer: other }), today);
    expect(mergeImport(named, incoming).case.phaseTransfer).toEqual(other);
  });

  it('takes a transfer first given by a later export, for a case that had none', () => {
    const transfer = { kind: 'primary-to-secondary', on: d('2026-09-02') } as const;
    const { phaseTransfer: _none, ...withoutTransfer } = existingCase;
    const incoming = caseFileFromImport(imported({ phaseTransfer: transfer }), today);
    expect(mergeImport({ case: withoutTransfer }, incoming).case.phaseTransfer).toEqual(transfer);
  });

  it('never replaces a review already in the product, whatever the import says about it', () => {
    const progressed = makeReview({
      stage: 'report',
      meeting: makeMeeting('2025-12-01'),
      reportSubmittedOn: undefined,
    });
    const incoming = caseFileFromImport(imported({ reviewMeetingOn: d('2026-02-02') }), today);

    expect(mergeImport({ case: existingCase, review: progressed }, incoming).review).toBe(progressed);
  });

  it('adds the review from the import when the case has none', () => {
    const incoming = caseFileFromImport(imported({ reviewMeetingOn: d('2026-02-02') }), today);

    expect(mergeImport({ case: existingCase }, incoming).review).toEqual(incoming.review);
  });

  it('does not bring back a review that has since closed here, from an old export', () => {
    // The review met on 1 Dec 2025 and closed in the product with its decision on 20 Dec 2025.
    const closedHere: CaseFile = {
      case: { ...existingCase, lastReviewDecisionOn: d('2025-12-20'), lastReviewDecisionFrom: 'review' },
    };
    const oldExport = caseFileFromImport(
      imported({ lastReviewDecisionOn: d('2024-12-16'), reviewMeetingOn: d('2025-12-01') }),
      today,
    );

    const merged = mergeImport(closedHere, oldExport);

    expect(merged.review).toBeUndefined();
    expect(merged.case.lastReviewDecisionOn).toBe(d('2025-12-20'));
  });

  it('keeps the date of a review closed here over an older export: the review-by date cannot move back', () => {
    const decidedHere: CaseFile = {
      case: { ...existingCase, lastReviewDecisionOn: d('2025-12-20'), lastReviewDecisionFrom: 'review' },
    };
    const older = caseFileFromImport(imported({ lastReviewDecisionOn: d('2024-12-16') }), today);
    const newer = caseFileFromImport(imported({ lastReviewDecisionOn: d('2026-01-05') }), today);

    expect(mergeImport(decidedHere, older).case).toMatchObject({
      lastReviewDecisionOn: d('2025-12-20'),
      lastReviewDecisionFrom: 'review',
    });
    expect(mergeImport(decidedHere, newer).case).toMatchObject({
      lastReviewDecisionOn: d('2026-01-05'),
      lastReviewDecisionFrom: 'import',
    });
  });

  it('takes the last review decision date of an export over an earlier export, even an earlier date', () => {
    const wrong = caseFileFromImport(imported({ lastReviewDecisionOn: d('2026-01-05') }), today);
    const corrected = caseFileFromImport(imported({ lastReviewDecisionOn: d('2025-01-06') }), today);

    expect(mergeImport(wrong, corrected).case).toMatchObject({
      lastReviewDecisionOn: d('2025-01-06'),
      lastReviewDecisionFrom: 'import',
    });
    expect(decisionDateKept(wrong, corrected)).toBeUndefined();
  });

  it('removes an imported last review decision date the next export leaves out, as other LA-held facts', () => {
    const wrong = caseFileFromImport(imported({ lastReviewDecisionOn: d('2026-01-05') }), today);
    const merged = mergeImport(wrong, caseFileFromImport(imported(), today));

    expect(merged.case.lastReviewDecisionOn).toBeUndefined();
    expect('lastReviewDecisionFrom' in merged.case).toBe(false);
  });

  it('treats a date stored before its source was recorded as from an import, which an export corrects', () => {
    const stored: CaseFile = { case: { ...existingCase, lastReviewDecisionOn: d('2026-01-05') } };
    const corrected = caseFileFromImport(imported({ lastReviewDecisionOn: d('2025-01-06') }), today);

    expect(mergeImport(stored, corrected).case).toMatchObject({
      lastReviewDecisionOn: d('2025-01-06'),
      lastReviewDecisionFrom: 'import',
    });
  });

  it('says which imported date it did not take, and the date of the review closed here that it kept', () => {
    const decidedHere: CaseFile = {
      case: { ...existingCase, lastReviewDecisionOn: d('2026-01-10'), lastReviewDecisionFrom: 'review' },
    };
    const fromExport = (on?: string) =>
      caseFileFromImport(imported(on ? { lastReviewDecisionOn: d(on) } : {}), today);

    expect(decisionDateKept(decidedHere, fromExport('2025-05-01'))).toEqual({
      imported: d('2025-05-01'),
      kept: d('2026-01-10'),
    });
    expect(decisionDateKept(decidedHere, fromExport('2026-01-10'))).toBeUndefined();
    expect(decisionDateKept(decidedHere, fromExport('2026-01-11'))).toBeUndefined();
    expect(decisionDateKept(decidedHere, fromExport())).toBeUndefined();
    expect(mergeImport(decidedHere, fromExport()).case.lastReviewDecisionOn).toBe(d('2026-01-10'));
  });

  it('does not bring back a review that was abandoned here', () => {
    const incoming = caseFileFromImport(imported({ reviewMeetingOn: d('2026-02-02') }), today);
    const started = mergeImport({ case: existingCase }, incoming);
    const abandoned = abandonReview(started, 'Family moved away', {
      today,
      by: 'tenant/senco',
      policy: STATUTORY_DEFAULTS,
    });

    const again = mergeImport(abandoned, incoming);

    expect(again.review).toBeUndefined();
    expect(again.abandonedReviewIds).toEqual(['imported-2026-02-02']);
    const rearranged = caseFileFromImport(imported({ reviewMeetingOn: d('2026-03-02') }), today);
    expect(mergeImport(abandoned, rearranged).review?.id).toBe('imported-2026-03-02');
  });

  it('changes nothing when the case was imported from the same row', () => {
    const file = caseFileFromImport(imported({ ncYear: 9, reviewMeetingOn: d('2026-02-02') }), today);
    expect(mergeImport(file, file)).toEqual(file);
  });
});

describe('mergeImport: an imported review the LA has since decided in its own system', () => {
  const later = d('2026-02-12');
  const meetingRow = imported({ reviewMeetingOn: d('2026-01-20') });
  const decidedRow = imported({ lastReviewDecisionOn: d('2026-02-10') });

  it('drops it, so the clock no longer counts its report and decision as overdue', () => {
    const first = caseFileFromImport(meetingRow, d('2026-01-21'));
    expect(first.review).toMatchObject({ stage: 'meeting', imported: true });

    const merged = mergeImport(first, caseFileFromImport(decidedRow, later));

    expect(merged.review).toBeUndefined();
    expect(merged.case.lastReviewDecisionOn).toBe(d('2026-02-10'));
  });

  it('lets the next review start in the product', () => {
    const merged = mergeImport(
      caseFileFromImport(meetingRow, d('2026-01-21')),
      caseFileFromImport(decidedRow, later),
    );
    const ctx = { today: later, by: 'tenant/senco', policy: STATUTORY_DEFAULTS };

    expect(startReview(merged, 'REVIEW-0002', ctx).review).toMatchObject({
      id: 'REVIEW-0002',
      stage: 'arranging',
    });
  });

  describe('an amendment brought in by an earlier file', () => {
    const decidedOn = d('2026-01-05');
    const amendingRow = imported({ lastReviewDecisionOn: decidedOn, amendmentNoticeOn: decidedOn });
    const amending = caseFileFromImport(amendingRow, today);

    it('is kept while the file carries it, with nothing to tell', () => {
      const again = caseFileFromImport(amendingRow, later);
      expect(mergeImport(amending, again).review).toBe(amending.review);
      expect(amendmentKept(amending, again)).toBeUndefined();
    });

    it('is kept, with its final plan deadline, when the file leaves it out: the officer is told', () => {
      const without = caseFileFromImport(imported({ lastReviewDecisionOn: decidedOn }), later);
      const merged = mergeImport(amending, without);
      expect(merged.review).toBe(amending.review);
      expect(clockFor(merged, later).dates.final_plan_by?.date).toBe('2026-03-02');
      expect(amendmentKept(amending, without)).toEqual({ noticeOn: decidedOn });
    });

    it('ends when the file gives the day its final plan was issued', () => {
      const issued = caseFileFromImport(
        imported({ ...amendingRow, finalPlanIssuedOn: d('2026-02-10') }),
        later,
      );
      const merged = mergeImport(amending, issued);
      expect(merged.review).toBeUndefined();
      expect(merged.case.amendedPlanIssuedOn).toBe(d('2026-02-10'));
      expect(amendmentKept(amending, issued)).toBeUndefined();
    });

    it('ends when a later review decision is in the file', () => {
      const next = caseFileFromImport(imported({ lastReviewDecisionOn: d('2026-02-10') }), later);
      expect(mergeImport(amending, next).review).toBeUndefined();
      expect(amendmentKept(amending, next)).toBeUndefined();
    });
  });

  it('adds an amendment decided on the last review decision to a case with no review, meeting and all', () => {
    const row = imported({
      lastReviewDecisionOn: d('2026-01-05'),
      reviewMeetingOn: d('2025-12-01'),
      amendmentNoticeOn: d('2026-01-05'),
    });
    const incoming = caseFileFromImport(row, today);
    expect(incoming.review).toMatchObject({ stage: 'amending', meeting: { on: d('2025-12-01') } });
    const merged = mergeImport({ case: makeCase() }, incoming);
    expect(merged.review).toEqual(incoming.review);
    expect(amendmentKept({ case: makeCase() }, incoming)).toBeUndefined();
  });

  it('tells of no kept amendment for a case with no review, nor for one amended in the product', () => {
    const without = caseFileFromImport(imported({ lastReviewDecisionOn: d('2026-01-05') }), later);
    expect(amendmentKept({ case: makeCase() }, without)).toBeUndefined();
    const amendedHere: CaseFile = {
      case: makeCase({ lastReviewDecisionOn: d('2026-01-05'), lastReviewDecisionFrom: 'review' }),
      review: makeReview({
        stage: 'amending',
        decision: { outcome: 'amend', notifiedOn: d('2026-01-05'), decidedBy: 'officer', reason: 'r' },
        amendment: { noticeOn: d('2026-01-05') },
      }),
    };
    expect(mergeImport(amendedHere, without).review).toBe(amendedHere.review);
    expect(amendmentKept(amendedHere, without)).toBeUndefined();
  });

  it('tells of no kept amendment once its final plan was issued in the product', () => {
    const decidedOn = d('2026-01-05');
    const amending = caseFileFromImport(
      imported({ lastReviewDecisionOn: decidedOn, amendmentNoticeOn: decidedOn }),
      today,
    );
    const review = amending.review as NonNullable<CaseFile['review']>;
    const issuedHere: CaseFile = {
      ...amending,
      review: { ...review, amendment: { noticeOn: decidedOn, finalIssuedOn: d('2026-02-01') } },
    };
    const without = caseFileFromImport(imported({ lastReviewDecisionOn: decidedOn }), later);
    expect(mergeImport(issuedHere, without).review).toBe(issuedHere.review);
    expect(amendmentKept(issuedHere, without)).toBeUndefined();
  });

  it('keeps an imported review that no meeting or decision dates: nothing shows it is over', () => {
    const undated: CaseFile = {
      case: makeCase(),
      review: makeReview({ stage: 'contributing', imported: true }),
    };
    const merged = mergeImport(undated, caseFileFromImport(decidedRow, later));
    expect(merged.review).toBe(undated.review);
  });

  it('adds no review from a file whose review no meeting or decision dates, once a decision is known', () => {
    const incoming: CaseFile = {
      ...caseFileFromImport(decidedRow, later),
      review: makeReview({ stage: 'contributing', imported: true }),
    };
    expect(mergeImport({ case: makeCase() }, incoming).review).toBeUndefined();
  });

  it('puts the next review from the import in its place', () => {
    const next = caseFileFromImport(
      imported({ lastReviewDecisionOn: d('2026-02-10'), reviewMeetingOn: d('2027-01-11') }),
      later,
    );

    const merged = mergeImport(caseFileFromImport(meetingRow, d('2026-01-21')), next);

    expect(merged.review).toEqual(next.review);
    expect(merged.review?.id).toBe('imported-2027-01-11');
  });

  it('keeps an imported review that began after the last review decision', () => {
    const current = caseFileFromImport(
      imported({ lastReviewDecisionOn: d('2025-02-03'), reviewMeetingOn: d('2026-01-20') }),
      today,
    );
    const sameDecision = caseFileFromImport(imported({ lastReviewDecisionOn: d('2025-02-03') }), later);

    expect(mergeImport(current, sameDecision).review).toBe(current.review);
  });

  it('never drops a review worked in the product, even one that met before the date in the export', () => {
    const workedHere = makeReview({ stage: 'report', meeting: makeMeeting('2026-01-20') });
    const file: CaseFile = { case: makeCase(), review: workedHere };

    const merged = mergeImport(file, caseFileFromImport(decidedRow, later));

    expect(merged.review).toBe(workedHere);
  });
});
