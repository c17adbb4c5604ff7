import type { Child, EhcCase, Person, PersonRole } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import { type PlainDate, plainDate } from '../../bot/src/review/plain-date.ts';
import type { Invitee, Meeting, Report, Review } from '../../bot/src/review/review.ts';

/** A checked date for a test: `d('2025-03-10')`. */
export function d(text: string): PlainDate {
  return plainDate(text);
}

/** A Year 9 child (2025/26) with no recorded NC year. */
export function makeChild(overrides: Partial<Child> = {}): Child {
  return { name: 'Sam Fictional', dateOfBirth: d('2011-10-15'), ...overrides };
}

/** A case whose plan was issued on 10 March 2024 and that has had no review yet. */
export function makeCase(overrides: Partial<EhcCase> = {}): EhcCase {
  return {
    laCode: '860',
    caseId: 'CASE-0001',
    settingUrn: '100001',
    child: makeChild(),
    planIssuedOn: d('2024-03-10'),
    outcomes: [],
    people: [],
    views: {},
    ...overrides,
  };
}

/** A review being arranged, with nothing in it yet. */
export function makeReview(overrides: Partial<Review> = {}): Review {
  return {
    id: 'REVIEW-0001',
    stage: 'arranging',
    startedOn: d('2025-01-06'),
    invitees: [],
    adviceRequests: [],
    advice: [],
    views: {},
    attendance: [],
    history: [],
    ...overrides,
  };
}

/** A meeting on `on`, 10:00-11:00 at the setting, with a Teams link. */
export function makeMeeting(on: string, overrides: Partial<Meeting> = {}): Meeting {
  return {
    on: d(on),
    startTime: '10:00',
    endTime: '11:00',
    venue: 'School library',
    online: true,
    ...overrides,
  };
}

/** A case file: the case, and a review when one is given. */
export function makeFile(caseOverrides: Partial<EhcCase> = {}, review?: Review): CaseFile {
  return review ? { case: makeCase(caseOverrides), review } : { case: makeCase(caseOverrides) };
}

/** An invitee `id`, "Person id" at id@example.test, from whom information is to be requested. */
export function makeInvitee(id: string, role: PersonRole, extra: Partial<Person> = {}): Invitee {
  return {
    id,
    person: { name: `Person ${id}`, email: `${id}@example.test`, role, ...extra },
    requestInformation: true,
  };
}

/** One invitee for each statutory invitee (INVITEES): parent, head, coordinator, health, social care. */
export function requiredInvitees(): Invitee[] {
  return [
    makeInvitee('parent', 'parent'),
    makeInvitee('head', 'head-of-setting'),
    makeInvitee('coordinator', 'case-coordinator'),
    makeInvitee('health', 'health'),
    makeInvitee('social', 'social-care'),
  ];
}

/** A report with every section complete, for a case with the one outcome `o1`, recommending maintain. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    setting: { attendance: '96%', exclusions: 'None', details: 'Year 5 class' },
    outcomes: [{ outcomeId: 'o1', agreedResponse: 'On track; keep the reading intervention' }],
    transport: 'Not needed',
    personalBudget: 'Discussed; not requested',
    significantChanges: { sen: 'None', health: 'None', socialCare: 'None', newAdviceNeeded: false },
    recommendation: 'maintain',
    summary: 'Good progress',
    agreedActions: 'Review reading in spring',
    ...overrides,
  };
}
