import { plainDate } from '../../bot/src/review/plain-date.ts';
import type { CaseSummary } from '../../bot/src/review/summary.ts';

/** A pending case due in a month, nothing overdue; `n` makes the case id unique. */
export function makeSummary(n: number, overrides: Partial<CaseSummary> = {}): CaseSummary {
  return {
    laCode: '999',
    caseId: `NS-${String(n).padStart(4, '0')}`,
    childName: `Child ${n} Fictional`,
    settingUrn: '900001',
    settingName: 'Harbour Primary School',
    stage: 'pending',
    deadline: {
      key: 'review_by',
      date: plainDate('2027-03-01'),
      rule: 'REVIEW_DUE',
      explanation: 'The LA must notify its review decision by this date.',
    },
    nextAction: {
      label: 'Start the review',
      by: 'setting',
      yours: true,
      due: plainDate('2026-12-20'),
      rule: 'DECISION_DUE',
    },
    overdue: [],
    dueSoon: false,
    pfaRequired: false,
    ...overrides,
  };
}
