import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { caseFileFromImport, type ImportedCase, mergeImport } from '../../bot/src/review/imported-case.ts';
import { STATUTORY_DEFAULTS } from '../../bot/src/review/policy.ts';
import { abandonReview } from '../../bot/src/review/transitions.ts';
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

  it('brings a review with an amendment notice in at amending, with the decision to amend served that day', () => {
    const { review } = caseFileFromImport(
      imported({ reviewMeetingOn: d('2025-11-03'), amendmentNoticeOn: d('2025-11-28') }),
      today,
    );

    expect(review).toMatchObject({
      stage: 'amending',
      meeting: { on: d('2025-11-03') },
      decision: { outcome: 'amend', notifiedOn: d('2025-11-28'), decidedBy: 'imported', reason: 'imported' },
      amendment: { noticeOn: d('2025-11-28') },
      imported: true,
    });
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
    const closedHere: CaseFile = { case: { ...existingCase, lastReviewDecisionOn: d('2025-12-20') } };
    const oldExport = caseFileFromImport(
      imported({ lastReviewDecisionOn: d('2024-12-16'), reviewMeetingOn: d('2025-12-01') }),
      today,
    );

    const merged = mergeImport(closedHere, oldExport);

    expect(merged.review).toBeUndefined();
    expect(merged.case.lastReviewDecisionOn).toBe(d('2025-12-20'));
  });

  it('keeps the later last review decision date: an older export cannot move the review-by date back', () => {
    const decidedHere: CaseFile = { case: { ...existingCase, lastReviewDecisionOn: d('2025-12-20') } };
    const older = caseFileFromImport(imported({ lastReviewDecisionOn: d('2024-12-16') }), today);
    const newer = caseFileFromImport(imported({ lastReviewDecisionOn: d('2026-01-05') }), today);

    expect(mergeImport(decidedHere, older).case.lastReviewDecisionOn).toBe(d('2025-12-20'));
    expect(mergeImport(decidedHere, newer).case.lastReviewDecisionOn).toBe(d('2026-01-05'));
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
