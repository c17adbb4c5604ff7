import { describe, expect, it } from 'vitest';
import {
  isText,
  type MutationReport,
  mergeScores,
  parseScoreTable,
  percentages,
  type ReportMutant,
  SCORES_END,
  SCORES_START,
  scoreFiles,
  scoresOf,
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
  statusReason?: string,
): ReportMutant {
  return {
    mutatorName,
    status,
    ...(statusReason === undefined ? {} : { statusReason }),
    location: { start: { line, column: start }, end: { line, column: end } },
  };
}

const STATIC = 'Static mutant (and "ignoreStatic" was enabled)';
const RUN = '2026-12-02, whole run';

const where = (status: string) => mutant(status, 1, 15, 22);
const message = (status: string) => mutant(status, 2, 17, 50);

describe('the figures of a mutation run', () => {
  it('counts a blanked message as text, and a blanked key or code as rule', () => {
    expect(isText(message('Survived'), source)).toBe(true);
    expect(isText(where('Survived'), source)).toBe(false);
    expect(isText(mutant('Survived', 2, 17, 50, 'ConditionalExpression'), source)).toBe(false);
  });

  it('scores the non-text mutants apart, and leaves out static, marked-equivalent (each counted apart) and compile-error mutants', () => {
    const report: MutationReport = {
      files: {
        'gates.ts': {
          source,
          mutants: [
            where('Killed'),
            where('Survived'),
            message('Survived'),
            message('Killed'),
            mutant('Ignored', 1, 15, 22, 'StringLiteral', STATIC),
            mutant('Ignored', 1, 15, 22, 'ConditionalExpression', 'a cache: only speed'),
            mutant('Ignored', 2, 17, 50, 'StringLiteral'),
            mutant('CompileError', 1, 15, 22),
          ],
        },
        'types.ts': { source: 'export type A = 1;', mutants: [] },
      },
    };
    const [gates, ...others] = scoreFiles(report, RUN);
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
      equivalent: 2,
      staticNotRun: 1,
      measured: RUN,
    });
    expect(gates && percentages(gates)).toEqual({ all: 50, nonText: 50 });
  });

  it('lists a file whose mutants were all left out as static, with how many and no score', () => {
    const report: MutationReport = {
      files: {
        'rules.ts': {
          source,
          mutants: [
            mutant('Ignored', 1, 15, 22, 'StringLiteral', STATIC),
            mutant('Ignored', 2, 17, 50, 'StringLiteral', STATIC),
          ],
        },
      },
    };
    const rows = scoreTable(scoreFiles(report, RUN)).split('\n');
    expect(rows[2]).toBe('| `rules.ts` | 0 | 0 | 0 | 0 | – | 0 of 0 | – | 0 | 2 | 2026-12-02, whole run |');
  });

  it('reads its own table back, so that a run of some files replaces only their rows', () => {
    const report = (file: string, statuses: string[]): MutationReport => ({
      files: { [file]: { source, mutants: statuses.map((status) => where(status)) } },
    });
    const whole = [
      ...scoreFiles(report('clock.ts', ['Killed', 'Survived']), RUN),
      ...scoreFiles(report('gates.ts', ['Killed', 'Timeout', 'NoCoverage']), RUN),
    ];
    const doc = withScores(
      `${SCORES_START}\n${SCORES_END}\n`,
      `Last whole run: today.\n\n${scoreTable(whole)}`,
    );
    const read = parseScoreTable(scoresOf(doc));
    // A timeout is detected, and the table counts it with the killed.
    expect(read.map((s) => [s.file, s.mutants, s.killed + s.timeout, s.survived, s.noCoverage])).toEqual([
      ['clock.ts', 2, 1, 1, 0],
      ['gates.ts', 3, 2, 0, 1],
    ]);
    const later = scoreFiles(report('gates.ts', ['Killed', 'Killed', 'Killed']), '2026-12-03, partial run');
    const merged = scoreTable(mergeScores(read, later)).split('\n');
    expect(merged.slice(2)).toEqual([
      '| `clock.ts` | 2 | 1 | 1 | 0 | 50% | 0 of 0 | **50%** | 0 | 0 | 2026-12-02, whole run |',
      '| `gates.ts` | 3 | 3 | 0 | 0 | 100% | 0 of 0 | **100%** | 0 | 0 | 2026-12-03, partial run |',
      '| **all files** | 5 | 4 | 1 | 0 | 80% | 0 of 0 | **80%** | 0 | 0 |  |',
    ]);
    expect(() => parseScoreTable('| `x.ts` | 1 | 1 |')).toThrow(/not as written/);
  });

  it('replaces only the block between the markers of docs/MUTATION.md', () => {
    const doc = `# Title\n${SCORES_START}\nold figures\n${SCORES_END}\nHand-written notes\n`;
    expect(withScores(doc, 'new figures')).toBe(
      `# Title\n${SCORES_START}\nnew figures\n${SCORES_END}\nHand-written notes\n`,
    );
    expect(() => withScores('# Title\n', 'x')).toThrow(/lacks/);
  });
});
