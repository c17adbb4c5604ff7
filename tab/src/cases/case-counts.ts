import type { CaseSummary } from '../api/types.ts';

/** "12 live cases: 3 overdue, 2 due soon", the line above the list. */
export function caseCounts(cases: readonly Pick<CaseSummary, 'overdue' | 'dueSoon'>[]): string {
  const overdue = cases.filter((c) => c.overdue.length > 0).length;
  const dueSoon = cases.filter((c) => c.overdue.length === 0 && c.dueSoon).length;
  const total = `${cases.length} live ${cases.length === 1 ? 'case' : 'cases'}`;
  const notes = [overdue > 0 ? `${overdue} overdue` : '', dueSoon > 0 ? `${dueSoon} due soon` : ''].filter(
    Boolean,
  );
  return notes.length > 0 ? `${total}: ${notes.join(', ')}` : total;
}
