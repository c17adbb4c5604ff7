/**
 * `npm run --silent sweep -- [--today YYYY-MM-DD]`: runs the deadline sweep once now on the store the
 * environment names (the local development store by default), as the daily job does, and prints what
 * it did as one JSON line. Warnings already recorded are not recorded again.
 */
import { hostname } from 'node:os';
import { DeadlineSweep } from '../jobs/deadline-sweep.ts';
import { parsePlainDate } from '../review/plain-date.ts';
import { consoleLog } from '../server/log.ts';
import { EXIT } from './file-args.ts';
import { openStoreFromEnv } from './open-store.ts';

const USAGE = `Usage: npm run --silent sweep -- [--today YYYY-MM-DD]

Runs the deadline check now: records each warning due (once; a repeat records nothing) and prints
{"swept", "day", "cases", "recorded", "repeats"} as one JSON line.
--today  the day to sweep as (default: now, Europe/London)
`;

async function main(argv: readonly string[]): Promise<number> {
  let now = new Date();
  if (argv.length > 0) {
    const day = argv[0] === '--today' && argv.length === 2 ? parsePlainDate(argv[1] ?? '') : undefined;
    if (!day) {
      process.stderr.write(USAGE);
      return EXIT.usage;
    }
    // Midday UTC is the same day in London, summer or winter.
    now = new Date(`${day}T12:00:00.000Z`);
  }
  const stores = await openStoreFromEnv(process.env);
  try {
    process.stderr.write(`store: ${stores.description}\n`);
    const sweep = new DeadlineSweep({
      listings: stores.dueListings,
      notices: stores.notices,
      holder: `${hostname()}:${process.pid}:cli`,
      now: () => now,
      warningPolicies: () => stores.laConfig.warningPolicies(),
      log: consoleLog({ out: process.stderr, err: process.stderr }),
    });
    const report = await sweep.runOnce();
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return report.swept ? EXIT.ok : EXIT.failed;
  } finally {
    await stores.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
