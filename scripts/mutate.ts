/**
 * `npm run mutate`: Stryker over the domain (stryker.config.mjs), then each file's figures, written
 * with the date to docs/MUTATION.md. `npm run mutate:incremental` re-tests only the mutants whose code
 * or tests changed since the last run (reports/mutation/incremental.json).
 *
 * Any Stryker option passes through: `npm run mutate -- --mutate bot/src/review/gates.ts --concurrency 1`
 * tests one file, and replaces only that file's row (marked "partial run"); the other rows stay.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type MutationReport,
  mergeScores,
  parseScoreTable,
  scoreFiles,
  scoresOf,
  scoreTable,
  withScores,
} from './mutation-scores.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STRYKER = join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');
const DOC = join(ROOT, 'docs', 'MUTATION.md');

const args = process.argv.slice(2);
const started = Date.now();
const run = spawnSync(process.execPath, [STRYKER, 'run', ...args], { cwd: ROOT, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
const minutes = Math.round((Date.now() - started) / 6000) / 10;

const partial = args.some((arg) => arg === '-m' || arg === '--mutate' || arg.startsWith('--mutate='));
const today = new Date().toISOString().slice(0, 10);
const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
const fresh = scoreFiles(report, `${today}, ${partial ? 'partial run' : 'whole run'}`);
console.log(`\n${scoreTable(fresh)}\n`);

const doc = readFileSync(DOC, 'utf8');
let heading: string;
let scores = fresh;
if (partial) {
  // The other files keep the figures of their last run; a file no longer there drops out.
  const previous = scoresOf(doc);
  heading = previous.split('\n').find((line) => line.startsWith('Last whole run:')) ?? 'No whole run yet.';
  scores = mergeScores(parseScoreTable(previous), fresh).filter((s) => existsSync(join(ROOT, s.file)));
} else {
  const stryker = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'package.json'), 'utf8'),
  ) as { version: string };
  const command = ['npm run mutate', ...(args.length ? ['--', ...args] : [])].join(' ');
  heading = `Last whole run: ${today}, \`${command}\` (StrykerJS ${stryker.version}, Node ${process.versions.node}, ${minutes} min).`;
}
writeFileSync(DOC, withScores(doc, [heading, '', scoreTable(scores)].join('\n')));
console.log(partial ? 'Its rows written to docs/MUTATION.md.' : 'Figures written to docs/MUTATION.md.');
