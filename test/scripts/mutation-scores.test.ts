import { describe, expect, it } from 'vitest';
import {
  isText,
  type MutationReport,
  percentages,
  type ReportMutant,
  SCORES_END,
  SCORES_START,
  scoreFiles,
  scoreTable,
  withScores,
} from '../../scripts/mutation-scores.ts';

const source = ["const where = 'stage';", "const message = 'choose maintain, amend or cease';"].join('\n');

function mutant(
  status: string,
  line: number,
  start: number,
  end: number,
  mutatorName = 'StringLiteral',
): ReportMutant {
  return { mutatorName, status, location: { start: { line, column: start }, end: { line, column: end } } };
}

const where = (status: string) => mutant(status, 1, 15, 22);
const message = (status: string) => mutant(status, 2, 17, 50);

describe('the figures of a mutation run', () => {
  it('counts a blanked message as text, and a blanked key or code as rule', () => {
    expect(isText(message('Survived'), source)).toBe(true);
    expect(isText(where('Survived'), source)).toBe(false);
    expect(isText(mutant('Survived', 2, 17, 50, 'ConditionalExpression'), source)).toBe(false);
  });

  it('scores the non-text mutants apart, and leaves out ignored (counted apart) and compile-error mutants', () => {
    const report: MutationReport = {
      files: {
        'gates.ts': {
          source,
          mutants: [
            where('Killed'),
            where('Survived'),
            message('Survived'),
            message('Killed'),
            where('Ignored'),
          ],
        },
        'types.ts': { source: 'export type A = 1;', mutants: [] },
      },
    };
    const [gates, ...others] = scoreFiles(report);
    expect(others).toEqual([]);
    expect(gates).toEqual({
      file: 'gates.ts',
      mutants: 4,
      killed: 2,
      timeout: 0,
      survived: 2,
      noCoverage: 0,
      textMutants: 2,
      textSurvived: 1,
      ignored: 1,
    });
    expect(gates && percentages(gates)).toEqual({ all: 50, nonText: 50 });
  });

  it('lists a file whose mutants were all left out as static, with how many and no score', () => {
    const report: MutationReport = {
      files: { 'rules.ts': { source, mutants: [where('Ignored'), message('Ignored')] } },
    };
    const rows = scoreTable(scoreFiles(report)).split('\n');
    expect(rows[2]).toBe('| `rules.ts` | 0 | 0 | 0 | 0 | – | 0 of 0 | – | 2 |');
  });

  it('replaces only the block between the markers of docs/MUTATION.md', () => {
    const doc = `# Title\n${SCORES_START}\nold figures\n${SCORES_END}\nHand-written notes\n`;
    expect(withScores(doc, 'new figures')).toBe(
      `# Title\n${SCORES_START}\nnew figures\n${SCORES_END}\nHand-written notes\n`,
    );
    expect(() => withScores('# Title\n', 'x')).toThrow(/lacks/);
  });
});
