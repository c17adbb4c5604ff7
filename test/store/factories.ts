import type { Person } from '../../bot/src/review/case.ts';
import type { CaseFile } from '../../bot/src/review/case-file.ts';
import type { Review } from '../../bot/src/review/review.ts';
import type { AuditEntry, ListAuditEntry } from '../../bot/src/store/audit-log.ts';
import { makeFile } from '../review/factories.ts';

export { makeCase, makeFile, makeReview } from '../review/factories.ts';

/** The case file of `caseId` in LA `laCode`, at the setting `settingUrn`, with `review` when given. */
export function makeFileAt(laCode: string, caseId: string, settingUrn = '100001', review?: Review): CaseFile {
  return makeFile({ laCode, caseId, settingUrn }, review);
}

/** A fictional professional; `n` makes the name and address unique. */
export function makePerson(n: number): Person {
  return { name: `Professional ${n}`, email: `professional${n}@example.org`, role: 'other-professional' };
}

/** A case file with `person` added to the case's people: the change concurrent writers make. */
export function withPerson(file: CaseFile, person: Person): CaseFile {
  return { ...file, case: { ...file.case, people: [...file.case.people, person] } };
}

export function makeAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: '2026-03-02T09:15:00.000Z',
    actor: '11111111-1111-1111-1111-111111111111/22222222-2222-2222-2222-222222222222',
    action: 'case.read',
    caseKey: '860/CASE-0001',
    ...overrides,
  };
}

/** A list read of `count` fictional cases of LA 860 (`860/CASE-0001` first), in that order. */
export function makeListAuditEntry(overrides: Partial<ListAuditEntry> = {}, count = 3): ListAuditEntry {
  return {
    at: '2026-03-02T09:15:00.000Z',
    actor: '11111111-1111-1111-1111-111111111111/22222222-2222-2222-2222-222222222222',
    caseKeys: Array.from({ length: count }, (_, n) => `860/CASE-${String(n + 1).padStart(4, '0')}`),
    via: 'api',
    ...overrides,
  };
}
