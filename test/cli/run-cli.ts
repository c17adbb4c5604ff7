import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node bot/src/cli/<script>.ts ...args` from the repository root, as `npm run` does. */
export function runCli(
  script: 'clock' | 'import' | 'sweep',
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`bot/src/cli/${script}.ts`, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Every problem of test/fixtures/cases-bad.csv with today 2026-01-12, one line each, in file order. */
export const BAD_FIXTURE_PROBLEMS = [
  'row 3, date_of_birth: not a calendar date (expected YYYY-MM-DD): "2011-02-30"',
  'row 4, nc_year: not a National Curriculum year (expected a whole number from -2, nursery, to 14): 15',
  'row 4, transfer_on: is required when transfer_kind is given',
  'row 5, case_id: repeats case EHC-0101 of LA 860 from row 2',
  'row 6, child_name: is required',
  'row 6, plan_issued_on: must not be after today (2026-01-12): it records something that has happened',
  'row 7, amendment_notice_on: must not be before last_review_decision_on in the same row: the proposed amendments are served with the decision to amend, or later',
  'row 8: has 7 fields but the header has 12',
];
