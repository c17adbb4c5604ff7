import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../../bot/src/review/case.ts';
import {
  type AdviceContent,
  adviceProblems,
  EMPTY_ADVICE,
} from '../../../bot/src/review/contribute/advice.ts';

const outcomes: Outcome[] = [
  { id: 'o1', area: 'cognition-and-learning', text: 'Reads fluently', provision: [] },
  { id: 'o2', area: 'communication-and-interaction', text: 'Joins in at play', provision: [] },
];
const content = (over: Partial<AdviceContent>): AdviceContent => ({ ...EMPTY_ADVICE, ...over });
const wheres = (c: AdviceContent, complete = false) =>
  adviceProblems(c, outcomes, complete).map((p) => p.where);

describe('the advice form', () => {
  it('starts blank: no outcome judged, no new outcome, need or provision; a blank draft may be saved', () => {
    expect(EMPTY_ADVICE).toEqual({ outcomes: [], newOutcomes: [], needs: [], provision: [] });
    expect(adviceProblems(EMPTY_ADVICE, outcomes, false)).toEqual([]);
  });

  it('offers the progress choices in the seed’s words', () => {
    expect(adviceProblems(EMPTY_ADVICE, outcomes.slice(0, 1), true)[0]).toEqual({
      where: 'outcomes.o1.progress',
      message: 'choose the progress: On track, Complete, Not on track, Not able to comment',
    });
  });

  it('an outcome judged twice is named; a progress that is none of the choices is named', () => {
    const twice = content({
      outcomes: [
        { outcomeId: 'o1', progress: 'on-track', commentary: 'Yes' },
        { outcomeId: 'o1', progress: 'complete', commentary: 'Done' },
      ],
    });
    expect(adviceProblems(twice, outcomes, false)).toEqual([
      { where: 'outcomes.o1', message: 'this outcome is given twice' },
    ]);
    const unknown = content({
      outcomes: [{ outcomeId: 'o2', progress: 'brilliant' as never, commentary: 'Yes' }],
    });
    expect(wheres(unknown)).toEqual(['outcomes.o2.progress']);
  });

  it('commentary that is only spaces asks for commentary that supports the judgement', () => {
    const blank = content({
      outcomes: [
        { outcomeId: 'o1', progress: 'on-track', commentary: '  ' },
        { outcomeId: 'o2', progress: 'on-track', commentary: 'Plays with two friends' },
      ],
    });
    expect(adviceProblems(blank, outcomes, true)).toEqual([
      { where: 'outcomes.o1.commentary', message: 'add commentary that supports your judgement' },
    ]);
  });

  it('a new outcome or need needs an area of need and words, not only spaces', () => {
    const rows = content({
      newOutcomes: [
        { area: 'sensory' as never, text: ' ' },
        { area: 'cognition-and-learning', text: 'Reads a chapter book by July' },
      ],
      needs: [
        { area: 'unknown' as never, description: '\t' },
        { area: 'sensory-and-physical', description: 'Uses a hearing aid' },
      ],
    });
    expect(wheres(rows)).toEqual([
      'newOutcomes.0.area',
      'newOutcomes.0.text',
      'needs.0.area',
      'needs.0.description',
    ]);
  });

  it('each provision part left blank or spaces is named, and says what to give', () => {
    const row = {
      intervention: 'Reading',
      providedBy: ' ',
      frequency: 'daily',
      duration: '',
      groupSize: '1:1',
    };
    const problems = adviceProblems(content({ provision: [row] }), outcomes, false);
    expect(problems.map((p) => p.where)).toEqual(['provision.0.providedBy', 'provision.0.duration']);
    for (const problem of problems) expect(problem.message).toMatch(/\S/);
  });
});
