/**
 * `npm run bench`: the hot paths at a real LA's scale, each against a baseline measured in the same
 * run (the machines are shared and noisy), written to docs/PERFORMANCE.md. Not part of `npm test`.
 *
 * Three processes: this one (the load generator, the import and the clock), the local Cosmos DB
 * server, and the real server (`startApp`, local mode) whose resident memory is reported.
 * `BENCH_QUICK=1` runs a small version (a smoke test of the script itself).
 */
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { londonDate } from '../bot/src/review/plain-date.ts';
import { STATUTORY_DEFAULTS } from '../bot/src/review/policy.ts';
import { openDatabase, type StoreDatabase } from '../bot/src/store/database.ts';
import { breakdown } from './breakdown.ts';
import { benchClock, ENGLAND_PLANS } from './clock-bench.ts';
import {
  BENCH_OFFICER,
  BENCH_SENCO,
  BIG_LA,
  BIG_LA_CASES,
  laCases,
  SENCO_CASES,
  sencoCases,
} from './data.ts';
import { load } from './http-load.ts';
import { benchImport, exportRows } from './import-bench.ts';
import { type Child, start } from './processes.ts';
import { performanceReport, type Results } from './report.ts';
import { seedCases } from './seed.ts';
import type { RunStats } from './stats.ts';

interface Memory {
  readonly rss: number;
  readonly heapUsed: number;
}
type Measure = (
  name: string,
  path: string,
  user: { id: string },
  requests: number,
  concurrency: number,
) => Promise<RunStats>;

const quick = process.env.BENCH_QUICK === '1';
const scale = quick ? 0.1 : 1;
const now = new Date();
const today = londonDate(now);
const began = performance.now();
const say = (line: string) => process.stdout.write(`${line}\n`);

say(`bench: ${quick ? 'QUICK ' : ''}run on ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'})`);

// P2 first, while nothing else of the bench runs.
const plans = Math.round(ENGLAND_PLANS * scale);
say(`P2: the clock over ${plans} plans...`);
const clock = benchClock(today, 3, plans);
say(`  best ${Math.round(clock.best)} ms (runs ${clock.runs.map(Math.round).join(', ')} ms)`);

const cosmos = await start<{ endpoint: string; key: string }>('cosmos-process.ts');
const open = (name: string): Promise<StoreDatabase> =>
  openDatabase({
    endpoint: cosmos.ready.endpoint,
    key: cosmos.ready.key,
    databaseId: `${name}-${randomUUID()}`,
  });
const databases: StoreDatabase[] = [];
let app: Child<{ url: string }> | undefined;
const runs: Results['runs'] = [];
const n = (count: number) => Math.max(20, Math.round(count * (quick ? 0.2 : 1)));
const maxSeconds = quick ? 4 : 12;

/** Starts the real server over `db`, runs `body` against it, stops it. */
async function withApp<T>(
  db: StoreDatabase,
  body: (measure: Measure, memory: () => Promise<Memory>) => Promise<T>,
): Promise<T> {
  app = await start<{ url: string }>(
    'app-process.ts',
    {
      BENCH_COSMOS_ENDPOINT: cosmos.ready.endpoint,
      BENCH_COSMOS_KEY: cosmos.ready.key,
      BENCH_DATABASE: db.database.id,
      BENCH_NOW: now.toISOString(),
    },
    ['--expose-gc'],
  );
  const running = app;
  const memory = () => running.ask<Memory>('memory');
  const measure: Measure = async (name, path, user, requests, concurrency) => {
    const stats = await load(
      `${running.ready.url}${path}`,
      { 'X-Ehc-User': user.id },
      {
        requests: n(requests),
        concurrency,
        maxSeconds,
      },
    );
    const after = await memory();
    runs.push({ name, path, stats, rssAfter: after.rss, heapAfter: after.heapUsed });
    say(
      `  ${name} c=${concurrency}: ${stats.requests} requests, p50 ${stats.p50.toFixed(1)} ms, p95 ${stats.p95.toFixed(1)} ms, ${stats.perSecond.toFixed(0)} req/s, ${stats.errors} errors, rss ${(after.rss / 2 ** 20).toFixed(0)} MB`,
    );
    if (stats.errors > 0) throw new Error(`${name}: ${stats.errors} requests failed`);
    return stats;
  };
  try {
    return await body(measure, memory);
  } finally {
    await running.stop();
    app = undefined;
  }
}

try {
  // Two databases, because the local server scans a whole container for every query (it has no
  // index and ignores the partition key): with the county in the same container every SENCo query
  // would pay for its 10,000 documents, which Azure's partitions and indexes never do.
  const schoolDb = await open('bench-school');
  const countyDb = await open('bench-county');
  databases.push(schoolDb, countyDb);
  const bigLa = Math.round(BIG_LA_CASES * scale);
  say(`seeding ${SENCO_CASES} cases of one school across 7 LAs, and ${bigLa} cases of LA ${BIG_LA}...`);
  const s0 = performance.now();
  await seedCases(schoolDb, sencoCases(today), STATUTORY_DEFAULTS);
  await seedCases(countyDb, laCases(today, BIG_LA, bigLa), STATUTORY_DEFAULTS);
  say(`  seeded in ${Math.round(performance.now() - s0)} ms`);

  say('P3: the SENCo’s list, with GET /api/me in the same run:');
  const school = await withApp(schoolDb, async (measure, memory) => {
    const atStart = (await memory()).rss;
    for (const concurrency of [1, 8]) {
      await measure('me-school', '/api/me', BENCH_SENCO, concurrency === 1 ? 400 : 2000, concurrency);
      await measure('senco-list', '/api/cases', BENCH_SENCO, concurrency === 1 ? 200 : 400, concurrency);
    }
    say('  memory across repeated runs of the SENCo’s list at concurrency 8:');
    const repeated: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      await load(
        `${(app as Child<{ url: string }>).ready.url}/api/cases`,
        { 'X-Ehc-User': BENCH_SENCO.id },
        {
          requests: n(300),
          concurrency: 8,
          warmup: 0,
          maxSeconds: maxSeconds / 2,
        },
      );
      repeated.push((await memory()).rss);
    }
    say(`  rss ${repeated.map((rss) => (rss / 2 ** 20).toFixed(0)).join(', ')} MB`);
    return { atStart, repeated };
  });
  const split = await breakdown(schoolDb, BENCH_SENCO, today, quick ? 5 : 20);
  say(
    `  in-process: ${split.total.toFixed(1)} ms a list, ${split.listQueries.toFixed(1)} ms of it the store's list queries`,
  );

  say('the LA’s first page of 50 of its 10,000, with GET /api/me in the same run:');
  await withApp(countyDb, async (measure) => {
    for (const concurrency of [1, 8]) {
      await measure('me-county', '/api/me', BENCH_OFFICER, concurrency === 1 ? 400 : 2000, concurrency);
      await measure(
        'la-first-page',
        `/api/las/${BIG_LA}/cases`,
        BENCH_OFFICER,
        concurrency === 1 ? 200 : 400,
        concurrency,
      );
    }
    say('  the officer’s whole list (every live case of the LA in one answer), for scale:');
    await measure('la-whole-list', '/api/cases', BENCH_OFFICER, 5, 1);
  });

  const rows = Math.round(BIG_LA_CASES * scale);
  say(`import of ${rows} rows into an empty store, against a bulk upsert of the same documents...`);
  const [target, floorAll, floorCases] = await Promise.all([
    open('import'),
    open('floor-all'),
    open('floor-cases'),
  ]);
  databases.push(target, floorAll, floorCases);
  const imported = await benchImport(exportRows(today, '909', rows), today, target, floorAll, floorCases);
  say(
    `  import ${Math.round(imported.importMs)} ms; floor ${Math.round(imported.floorAllMs)} ms (every document), ${Math.round(imported.floorCasesMs)} ms (case documents alone)`,
  );
  const cosmosRss = (await cosmos.ask<{ rss: number }>('rss')).rss;

  const results: Results = {
    when: now.toISOString(),
    quick,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? 'unknown',
      memoryGb: os.totalmem() / 2 ** 30,
      node: process.version,
      platform: `${os.type()} ${os.release()}`,
      load: os.loadavg(),
    },
    clock,
    runs,
    memory: { atStart: school.atStart, repeated: school.repeated, cosmosRss },
    breakdown: split,
    import: imported,
    seconds: (performance.now() - began) / 1000,
  };
  const out = quick ? '/dev/stdout' : fileURLToPath(new URL('../docs/PERFORMANCE.md', import.meta.url));
  await writeFile(out, performanceReport(results));
  say(`bench: done in ${results.seconds.toFixed(0)} s${quick ? '' : '; wrote docs/PERFORMANCE.md'}`);
} finally {
  await app?.stop();
  for (const db of databases) db.close();
  await cosmos.stop();
}
