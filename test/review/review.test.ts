import { describe, expect, it } from 'vitest';
import { reached, STAGES, type Stage, stageIndex } from '../../bot/src/review/review.ts';

describe('how far a review has come', () => {
  it('each stage on the main path has reached itself and every stage before it, and none after', () => {
    const path = STAGES.filter((stage) => stage !== 'abandoned');
    for (const [i, stage] of path.entries()) {
      for (const [j, milestone] of path.entries()) expect(reached(stage, milestone)).toBe(i >= j);
    }
  });

  it('an abandoned review has reached no milestone, not even the first', () => {
    for (const milestone of STAGES) expect(reached('abandoned', milestone)).toBe(false);
  });

  it('a stage this version does not know (a record written by a later one) has reached no milestone', () => {
    // The store does not check a record's stage when it reads it: a newer server may have written it.
    const unknown = 'reconsidering' as Stage;
    expect(stageIndex(unknown)).toBe(-1);
    for (const milestone of STAGES) expect(reached(unknown, milestone)).toBe(false);
  });
});
