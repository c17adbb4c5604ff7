import { defineConfig } from 'vitest/config';

/**
 * The tests Stryker runs against each mutant of the domain (stryker.config.mjs).
 *
 * @remarks Only the domain's own tests: the rest need a browser, a store or a server and kill no
 * domain mutant that these do not. Stryker's `vitest.dir` does not narrow vitest 5's test files (its
 * include globs are read relative to the dir), so the include list is set here.
 */
export default defineConfig({
  test: {
    include: ['test/review/**/*.test.ts'],
  },
});
