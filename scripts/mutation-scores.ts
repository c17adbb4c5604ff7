/**
 * The figures of a Stryker run (its JSON report, mutation-testing-report-schema), per file, and the
 * block of docs/MUTATION.md that holds the last whole run's.
 *
 * @remarks A "text" mutant blanks a string literal that holds words (an explanation, a message, a
 * label): killing each would only pin the wording, so the target (95%) is of the other mutants, and
 * the text survivors are counted apart.
 */

export interface ReportMutant {
  readonly mutatorName: string;
  readonly status: string;
  readonly location: { readonly start: Position; readonly end: Position };
}
interface Position {
  readonly line: number;
  readonly column: number;
}
export interface MutationReport {
  readonly files: Readonly<
    Record<string, { readonly source: string; readonly mutants: readonly ReportMutant[] }>
  >;
}

export interface FileScore {
  readonly file: string;
  readonly mutants: number;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly textMutants: number;
  readonly textSurvived: number;
  /** Static mutants left out by `--ignoreStatic` (Stryker's "Ignored"): not tested, not in any score. */
  readonly ignored: number;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);

/** The source text a mutant replaced (lines 1-based, columns 1-based as Stryker writes them). */
export function originalText(source: string, { start, end }: ReportMutant['location']): string {
  const lines = source.split('\n');
  if (start.line === end.line) return (lines[start.line - 1] ?? '').slice(start.column - 1, end.column - 1);
  const first = (lines[start.line - 1] ?? '').slice(start.column - 1);
  const middle = lines.slice(start.line, end.line - 1);
  const last = (lines[end.line - 1] ?? '').slice(0, end.column - 1);
  return [first, ...middle, last].join('\n');
}

/** A string or template literal holding words: a blanked message, explanation or label. */
export function isText(mutant: ReportMutant, source: string): boolean {
  return mutant.mutatorName === 'StringLiteral' && /\S\s+\S/.test(originalText(source, mutant.location));
}

export function scoreFiles(report: MutationReport): FileScore[] {
  return Object.entries(report.files)
    .map(([file, { source, mutants }]) => {
      const count = (status: string) => mutants.filter((m) => m.status === status).length;
      const text = mutants.filter((m) => isText(m, source));
      return {
        file,
        mutants: mutants.filter((m) => DETECTED.has(m.status) || UNDETECTED.has(m.status)).length,
        killed: count('Killed'),
        timeout: count('Timeout'),
        survived: count('Survived'),
        noCoverage: count('NoCoverage'),
        textMutants: text.filter((m) => DETECTED.has(m.status) || UNDETECTED.has(m.status)).length,
        textSurvived: text.filter((m) => UNDETECTED.has(m.status)).length,
        ignored: count('Ignored'),
      };
    })
    .filter((score) => score.mutants > 0 || score.ignored > 0)
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** Detected of all valid mutants, and of the non-text ones, in per cent (one decimal). */
export function percentages(score: FileScore): { all: number; nonText: number } {
  const detected = score.killed + score.timeout;
  const nonTextDetected = detected - (score.textMutants - score.textSurvived);
  const nonText = score.mutants - score.textMutants;
  const percent = (part: number, whole: number) =>
    whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10;
  return { all: percent(detected, score.mutants), nonText: percent(nonTextDetected, nonText) };
}

export function scoreTable(scores: readonly FileScore[]): string {
  const total = scores.reduce<FileScore>(
    (sum, s) => ({
      file: 'all files',
      mutants: sum.mutants + s.mutants,
      killed: sum.killed + s.killed,
      timeout: sum.timeout + s.timeout,
      survived: sum.survived + s.survived,
      noCoverage: sum.noCoverage + s.noCoverage,
      textMutants: sum.textMutants + s.textMutants,
      textSurvived: sum.textSurvived + s.textSurvived,
      ignored: sum.ignored + s.ignored,
    }),
    {
      file: 'all files',
      mutants: 0,
      killed: 0,
      timeout: 0,
      survived: 0,
      noCoverage: 0,
      textMutants: 0,
      textSurvived: 0,
      ignored: 0,
    },
  );
  const rows = [...scores, total].map((s) => {
    const { all, nonText } = percentages(s);
    const name = s === total ? '**all files**' : `\`${s.file}\``;
    // A file whose mutants were all left out as static has no score, not a perfect one.
    const [score, nonTextScore] = s.mutants === 0 ? ['–', '–'] : [`${all}%`, `**${nonText}%**`];
    return `| ${name} | ${s.mutants} | ${s.killed + s.timeout} | ${s.survived} | ${s.noCoverage} | ${score} | ${s.textSurvived} of ${s.textMutants} | ${nonTextScore} | ${s.ignored} |`;
  });
  return [
    '| file | mutants | killed | survived | no coverage | score | text survivors | non-text score | static, not run |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

export const SCORES_START = '<!-- scores: written by `npm run mutate` -->';
export const SCORES_END = '<!-- /scores -->';

/** `doc` with the block between the markers replaced by `block`. */
export function withScores(doc: string, block: string): string {
  const start = doc.indexOf(SCORES_START);
  const end = doc.indexOf(SCORES_END);
  if (start < 0 || end < start)
    throw new Error(`docs/MUTATION.md lacks the ${SCORES_START} ... ${SCORES_END} block`);
  return `${doc.slice(0, start + SCORES_START.length)}\n${block}\n${doc.slice(end)}`;
}
