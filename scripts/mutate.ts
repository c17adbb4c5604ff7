/**
 * `npm run mutate`: Stryker over the domain (stryker.config.mjs), then each file's figures; a whole run
 * also writes them, with the date, to docs/MUTATION.md. `npm run mutate:incremental` re-tests only the
 * mutants whose code or tests changed since the last run (reports/mutation/incremental.json).
 *
 * Any Stryker option passes through: `npm run mutate -- --mutate bot/src/review/gates.ts --concurrency 1`
 * tests one file (and leaves docs/MUTATION.md alone, since its figures would be partial).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MutationReport, scoreFiles, scoreTable, withScores } from './mutation-scores.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const STRYKER = join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const REPORT = join(ROOT, 'reports', 'mutation', 'mutation.json');
const DOC = join(ROOT, 'docs', 'MUTATION.md');

const args = process.argv.slice(2);
const started = Date.now();
const run = spawnSync(process.execPath, [STRYKER, 'run', ...args], { cwd: ROOT, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
const minutes = Math.round((Date.now() - started) / 6000) / 10;

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as MutationReport;
const table = scoreTable(scoreFiles(report));
console.log(`\n${table}\n`);

const partial = args.some((arg) => arg === '-m' || arg === '--mutate' || arg.startsWith('--mutate='));
if (partial) {
  console.log('Part of the domain only: docs/MUTATION.md left as it was.');
} else {
  const stryker = JSON.parse(
    readFileSync(join(ROOT, 'node_modules', '@stryker-mutator', 'core', 'package.json'), 'utf8'),
  ) as { version: string };
  const command = ['npm run mutate', ...(args.length ? ['--', ...args] : [])].join(' ');
  const block = [
    `Last whole run: ${new Date().toISOString().slice(0, 10)}, \`${command}\` (StrykerJS ${stryker.version}, Node ${process.versions.node}, ${minutes} min).`,
    '',
    table,
  ].join('\n');
  writeFileSync(DOC, withScores(readFileSync(DOC, 'utf8'), block));
  console.log('Figures written to docs/MUTATION.md.');
}
