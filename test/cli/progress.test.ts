import { describe, expect, it } from 'vitest';
import { progressLine, summaryLine } from '../../bot/src/cli/progress.ts';

const at = (done: number, total: number) => ({ done, total, created: done, updated: 0, unchanged: 0 });

describe('import progress and summary lines', () => {
  it('says nothing while a file of up to 500 cases imports', () => {
    expect([1, 250, 500].map((done) => progressLine(at(done, 500)))).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reports a larger file every 500 cases and at the end, with a percentage', () => {
    expect(progressLine(at(499, 1234))).toBeUndefined();
    expect(progressLine(at(500, 1234))).toBe('Imported 500 of 1,234 cases (40%)');
    expect(progressLine(at(1234, 1234))).toBe('Imported 1,234 of 1,234 cases (100%)');
  });

  it('sums up what the import did', () => {
    expect(summaryLine({ created: 28, updated: 2, unchanged: 0 })).toBe(
      'Imported 30 cases: 28 created, 2 updated, 0 unchanged.',
    );
    expect(summaryLine({ created: 0, updated: 0, unchanged: 1 })).toBe(
      'Imported 1 case: 0 created, 0 updated, 1 unchanged.',
    );
  });
});
