import type { ImportCounts, ImportProgress } from '../import/import-cases.ts';

/** A large import reports every this many cases, and at the end. */
export const PROGRESS_EVERY = 500;

const number = new Intl.NumberFormat('en-GB');

/** The progress line after a case, or undefined when none is due (a file of up to 500 cases has none). */
export function progressLine({ done, total }: ImportProgress): string | undefined {
  if (total <= PROGRESS_EVERY || (done % PROGRESS_EVERY !== 0 && done !== total)) return undefined;
  return `Imported ${number.format(done)} of ${number.format(total)} cases (${Math.floor((done * 100) / total)}%)`;
}

/** `Imported 30 cases: 28 created, 2 updated, 0 unchanged.` */
export function summaryLine({ created, updated, unchanged }: ImportCounts): string {
  const total = created + updated + unchanged;
  return (
    `Imported ${number.format(total)} case${total === 1 ? '' : 's'}: ` +
    `${number.format(created)} created, ${number.format(updated)} updated, ${number.format(unchanged)} unchanged.`
  );
}
