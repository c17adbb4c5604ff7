/**
 * `npm run import -- FILE [--today YYYY-MM-DD]`: loads an LA's cases from a CSV or JSON export into the
 * store. All or nothing: a file with any bad row imports nothing and lists every problem. Running it
 * again changes nothing; after an interruption it finishes what was left.
 */
import { type ImportProgress, importCases } from '../import/import-cases.ts';
import { describeNotice } from '../import/import-notice.ts';
import { readCases } from '../import/read-cases.ts';
import { londonDate } from '../review/plain-date.ts';
import type { OpenedStores } from '../store/open-stores.ts';
import { EXIT, fileArgsOrExit } from './file-args.ts';
import { openStoreFromEnv, StoreConfigError } from './open-store.ts';
import { reportFileProblems } from './output.ts';
import { progressLine, summaryLine } from './progress.ts';

const USAGE = `Usage: npm run import -- FILE [--today YYYY-MM-DD]

Imports an LA's cases from FILE: .csv (a header row, columns in any order) or .json (an array of
objects), with the columns case_id, la_code, setting_urn, child_name, date_of_birth, nc_year,
plan_issued_on, last_review_decision_on, transfer_kind, transfer_on, review_meeting_on,
amendment_notice_on. Check a file first with: npm run --silent clock -- FILE
--today  the date the import counts as today (default: today in Europe/London)

Store: Azure Cosmos DB when COSMOS_ENDPOINT and COSMOS_KEY are set (database COSMOS_DATABASE,
default ehc-review-hub); otherwise the local development store on LOCAL_COSMOS_PORT (default 8081),
data in EHC_DATA_DIR (default .data/).
`;

async function main(): Promise<number> {
  const args = fileArgsOrExit(process.argv.slice(2), USAGE, () => londonDate(new Date()));
  if (typeof args === 'number') return args;
  const { file, today } = args;
  let store: OpenedStores | undefined;
  let progress: ImportProgress | undefined;
  try {
    const rows = await readCases(file);
    store = await openStoreFromEnv(process.env);
    process.stderr.write(`Using ${store.description}.\n`);
    const { counts, notices } = await importCases(rows, {
      store: store.cases,
      audit: store.audit,
      today,
      now: () => new Date(),
      onProgress: (current) => {
        progress = current;
        const line = progressLine(current);
        if (line) process.stderr.write(`${line}\n`);
      },
    });
    for (const notice of notices) process.stderr.write(`${describeNotice(notice)}\n`);
    process.stdout.write(`${summaryLine(counts)}\n`);
    return EXIT.ok;
  } catch (error) {
    if (reportFileProblems(error, process.stderr, 'Nothing was imported.')) return EXIT.failed;
    if (error instanceof StoreConfigError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return EXIT.usage;
    }
    const reason = error instanceof Error ? error.message : String(error);
    const reached = progress ? ` after ${progress.done} of ${progress.total} cases` : '';
    process.stderr.write(
      `The import stopped${reached}: ${reason}\n` +
        'Cases written before it stopped are kept. Run the same command again to finish: ' +
        'it changes nothing that is already done.\n',
    );
    return EXIT.failed;
  } finally {
    await store?.close();
  }
}

process.exitCode = await main();
