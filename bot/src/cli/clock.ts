/**
 * `npm run --silent clock -- FILE [--today YYYY-MM-DD]`: the statutory clock of every case in an LA's
 * export, one JSON object per case and line, in file order, so an officer can check an export before
 * importing it. The file is validated exactly as the import validates it; nothing is stored.
 */
import { readCases } from '../import/read-cases.ts';
import { validateCases } from '../import/validate-cases.ts';
import { clockFor } from '../review/clock.ts';
import { caseFileFromImport } from '../review/imported-case.ts';
import { londonDate } from '../review/plain-date.ts';
import { clockLine } from './clock-line.ts';
import { EXIT, fileArgsOrExit } from './file-args.ts';
import { reportFileProblems } from './output.ts';

const USAGE = `Usage: npm run --silent clock -- FILE [--today YYYY-MM-DD]

Prints the statutory clock of every case in FILE (.csv or .json, the import's format), one JSON
object per line: {"case_id", "dates": {KEY: {"date", "rule"}}, "pfa_required", "overdue"}.
--today  the date to count from (default: today in Europe/London)
`;

async function main(): Promise<number> {
  const args = fileArgsOrExit(process.argv.slice(2), USAGE, () => londonDate(new Date()));
  if (typeof args === 'number') return args;
  const { file, today } = args;
  try {
    const cases = validateCases(await readCases(file), today);
    const lines = cases.map((row) =>
      JSON.stringify(clockLine(row.caseId, clockFor(caseFileFromImport(row, today), today))),
    );
    process.stdout.write(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    return EXIT.ok;
  } catch (error) {
    if (
      reportFileProblems(error, process.stderr, 'No dates were worked out: mend the file and run it again.')
    ) {
      return EXIT.failed;
    }
    throw error;
  }
}

process.exitCode = await main();
