/**
 * The figures of a Stryker run (its JSON report, mutation-testing-report-schema), per file, and the
 * block of docs/MUTATION.md that holds each file's last figures.
 *
 * @remarks A "text" mutant blanks a string literal that holds words (an explanation, a message, a
 * label): killing each would only pin the wording, so the target (95%) is of the other mutants, and
 * the text survivors are counted apart.
 */

export interface ReportMutant {
  readonly mutatorName: string;
  readonly status: string;
  readonly statusReason?: string;
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
  /**
   * Mutants marked equivalent in the source (`// Stryker disable next-line <mutator>: <why>`): no
   * behaviour can tell them apart from the code, so they are in no score; the reason is beside them.
   */
  readonly equivalent: number;
  /** Static mutants left out by `--ignoreStatic`: not tested, not in any score. */
  readonly staticNotRun: number;
  /** When and how the file was last measured: "2026-12-02, whole run" or "2026-12-02, partial run". */
  readonly measured: string;
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
/** Stryker's reason for a static mutant that `--ignoreStatic` left out; any other "Ignored" is a comment's. */
const STATIC_REASON = /^Static mutant/;

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

export function scoreFiles(report: MutationReport, measured: string): FileScore[] {
  return Object.entries(report.files)
    .map(([file, { source, mutants }]) => {
      const count = (status: string) => mutants.filter((m) => m.status === status).length;
      const text = mutants.filter((m) => isText(m, source));
      const ignored = mutants.filter((m) => m.status === 'Ignored');
      const staticNotRun = ignored.filter((m) => STATIC_REASON.test(m.statusReason ?? '')).length;
      return {
        file,
        mutants: mutants.filter((m) => DETECTED.has(m.status) || UNDETECTED.has(m.status)).length,
        killed: count('Killed'),
        timeout: count('Timeout'),
        survived: count('Survived'),
        noCoverage: count('NoCoverage'),
        textMutants: text.filter((m) => DETECTED.has(m.status) || UNDETECTED.has(m.status)).length,
        textSurvived: text.filter((m) => UNDETECTED.has(m.status)).length,
        equivalent: ignored.length - staticNotRun,
        staticNotRun,
        measured,
      };
    })
    .filter((score) => score.mutants > 0 || score.equivalent > 0 || score.staticNotRun > 0)
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

/** The fields of a {@link FileScore} that count mutants. */
type Count = Exclude<keyof FileScore, 'file' | 'measured'>;

const HEADER = [
  '| file | mutants | killed | survived | no coverage | score | text survivors | non-text score | marked equivalent | static, not run | measured |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
];

export function scoreTable(scores: readonly FileScore[]): string {
  const sum = (field: Count) => scores.reduce((n, s) => n + s[field], 0);
  const total: FileScore = {
    file: 'all files',
    mutants: sum('mutants'),
    killed: sum('killed'),
    timeout: sum('timeout'),
    survived: sum('survived'),
    noCoverage: sum('noCoverage'),
    textMutants: sum('textMutants'),
    textSurvived: sum('textSurvived'),
    equivalent: sum('equivalent'),
    staticNotRun: sum('staticNotRun'),
    measured: '',
  };
  const rows = [...scores, total].map((s) => {
    const { all, nonText } = percentages(s);
    const name = s === total ? '**all files**' : `\`${s.file}\``;
    // A file whose mutants were all left out as static has no score, not a perfect one.
    const [score, nonTextScore] = s.mutants === 0 ? ['–', '–'] : [`${all}%`, `**${nonText}%**`];
    return `| ${name} | ${s.mutants} | ${s.killed + s.timeout} | ${s.survived} | ${s.noCoverage} | ${score} | ${s.textSurvived} of ${s.textMutants} | ${nonTextScore} | ${s.equivalent} | ${s.staticNotRun} | ${s.measured} |`;
  });
  return [...HEADER, ...rows].join('\n');
}

/**
 * The file rows of a table {@link scoreTable} wrote (not its total), so that a run of some files can
 * replace their rows and keep the others.
 */
export function parseScoreTable(block: string): FileScore[] {
  const rows: FileScore[] = [];
  for (const line of block.split('\n')) {
    const cells = /^\| `([^`]+)` \|(.*)\|$/.exec(line);
    if (!cells) continue;
    const [file, rest] = [cells[1] ?? '', cells[2] ?? ''];
    const c = rest.split('|').map((cell) => cell.trim());
    const text = /^(\d+) of (\d+)$/.exec(c[5] ?? '');
    if (c.length !== 10 || !text)
      throw new Error(`docs/MUTATION.md: a row of the scores is not as written: ${line}`);
    const n = (i: number) => Number(c[i]);
    rows.push({
      file,
      mutants: n(0),
      killed: n(1),
      timeout: 0,
      survived: n(2),
      noCoverage: n(3),
      textSurvived: Number(text[1]),
      textMutants: Number(text[2]),
      equivalent: n(7),
      staticNotRun: n(8),
      measured: c[9] ?? '',
    });
  }
  return rows;
}

/** The rows of `previous` with those of the files in `fresh` replaced or added, in file order. */
export function mergeScores(previous: readonly FileScore[], fresh: readonly FileScore[]): FileScore[] {
  const files = new Set(fresh.map((s) => s.file));
  return [...previous.filter((s) => !files.has(s.file)), ...fresh].sort((a, b) =>
    a.file.localeCompare(b.file),
  );
}

export const SCORES_START = '<!-- scores: written by `npm run mutate` -->';
export const SCORES_END = '<!-- /scores -->';

/** Where the block between the markers of `doc` starts and ends. */
function blockOf(doc: string): { start: number; end: number } {
  const start = doc.indexOf(SCORES_START);
  const end = doc.indexOf(SCORES_END);
  if (start < 0 || end < start)
    throw new Error(`docs/MUTATION.md lacks the ${SCORES_START} ... ${SCORES_END} block`);
  return { start: start + SCORES_START.length, end };
}

/** The block between the markers of `doc`. */
export function scoresOf(doc: string): string {
  const { start, end } = blockOf(doc);
  return doc.slice(start, end);
}

/** `doc` with the block between the markers replaced by `block`. */
export function withScores(doc: string, block: string): string {
  const { start, end } = blockOf(doc);
  return `${doc.slice(0, start)}\n${block}\n${doc.slice(end)}`;
}
