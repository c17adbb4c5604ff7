/**
 * Mutation testing of the domain's rules: `npm run mutate` (whole run) and `npm run mutate:incremental`
 * (only mutants whose code or tests changed since the last run). docs/MUTATION.md explains the figures.
 *
 * Every file under bot/src/review/ is mutated, so a new rule or command file joins the run by being
 * there; files with only types give no mutants.
 *
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest-5',
  plugins: ['@stryker-mutator/*', './stryker/vitest-5-runner.mjs'],
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: ['bot/src/review/**/*.ts'],
  coverageAnalysis: 'perTest',
  // TypeScript 7 has no JavaScript API, so Stryker's tsconfig rewriting (for project references and
  // `extends`, neither of which tsconfig.json uses) fails; naming a file that does not exist skips it.
  tsconfigFile: 'stryker-skips-tsconfig-rewriting.json',
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incrementalFile: 'reports/mutation/incremental.json',
  tempDirName: 'reports/mutation/.stryker-tmp',
  // Stryker 9.6 copies every file but a few into its sandbox: not the reports (nor another run's sandbox).
  ignorePatterns: ['/reports'],
  cleanTempDir: 'always',
  thresholds: { high: 95, low: 90, break: null },
};
