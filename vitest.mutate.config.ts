import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Example tests first, property tests (`*.properties.test.ts`) last, each in name order.
 *
 * @remarks Stryker stops a mutant's run at its first failing test. Vitest's own order runs the slowest
 * files first, and the slowest are the property tests, thousands of generated cases each: a mutant an
 * example kills in a millisecond waited seconds for them first. The property tests still run for every
 * mutant the examples let through.
 */
class ExamplesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const late = (spec: TestSpecification) => (spec.moduleId.endsWith('.properties.test.ts') ? 1 : 0);
    return [...files].sort((a, b) => late(a) - late(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

/**
 * The tests Stryker runs against each mutant of the domain (stryker.config.mjs).
 *
 * @remarks Only the domain's own tests: the rest need a browser, a store or a server and kill no
 * domain mutant that these do not. Stryker's `vitest.dir` does not narrow vitest 5's test files (its
 * include globs are read relative to the dir), so the include list is set here. The property tests run
 * thousands of cases through instrumented code on cores shared with other work, so a test's time limit
 * is generous here: a mutant that loops is still stopped by Stryker's own timeout, which it sets from
 * the initial run.
 */
export default defineConfig({
  test: {
    include: ['test/review/**/*.test.ts'],
    testTimeout: 60_000,
    sequence: { sequencer: ExamplesFirst },
  },
});
