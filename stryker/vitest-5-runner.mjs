import path from 'node:path';
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from '@stryker-mutator/api/plugin';
import { strykerPlugins as vitestPlugins } from '@stryker-mutator/vitest-runner';

/**
 * Stryker's vitest runner, naming tests the way vitest 5 filters them.
 *
 * @remarks @stryker-mutator/vitest-runner 9.6 names a test by its suites and title joined with a space,
 * and runs a mutant's covering tests through vitest's `testNamePattern`; vitest 5 matches that pattern
 * against the names joined with " > ", so no test ran and every covered mutant "survived". Stryker 10
 * joins with vitest's own separator: once package.json moves to it, drop this file and set
 * `testRunner: 'vitest'` (the mapping below then finds nothing to map and changes nothing).
 */
const vitest = vitestPlugins.find((plugin) => plugin.name === 'vitest');
if (!vitest || vitest.kind !== PluginKind.TestRunner)
  throw new Error('@stryker-mutator/vitest-runner not found');

/** Each test's id as Stryker 9.6 writes it, and as vitest 5 filters it. */
function testIds(task) {
  const names = [task.name];
  const titles = [task.name];
  for (let suite = task.suite; suite; suite = suite.suite) {
    names.unshift(suite.name);
    if (suite.name && !('filepath' in suite)) titles.unshift(suite.name);
  }
  const file = path.relative(process.cwd(), task.file?.filepath ?? 'unknown.js').replace(/\\/g, '/');
  return [`${file}#${names.join(' ').trim()}`, `${file}#${titles.join(' > ')}`];
}

function* testsOf(suite) {
  for (const task of suite.tasks) {
    if (task.type === 'suite') yield* testsOf(task);
    else if (task.type === 'test') yield task;
  }
}

createRunner.inject = tokens(commonTokens.injector);
/** @param {import('@stryker-mutator/api/plugin').Injector} injector */
function createRunner(injector) {
  /** @type {any} */
  const runner = injector.injectFunction(/** @type {any} */ (vitest).factory);
  /** @type {Map<string, string>} */
  const vitestIds = new Map();
  function learnIds() {
    for (const file of runner.ctx.state.getFiles()) {
      for (const test of testsOf(file)) vitestIds.set(...testIds(test));
    }
  }
  return {
    capabilities: () => runner.capabilities(),
    // Stryker runs its dry run in one worker only; each worker learns the test names from its own.
    async init() {
      await runner.init();
      await runner.dryRun({ coverageAnalysis: 'off', disableBail: false });
      learnIds();
    },
    dispose: () => runner.dispose(),
    dryRun: (options) => runner.dryRun(options),
    mutantRun(options) {
      const testFilter = options.testFilter?.map((id) => vitestIds.get(id) ?? id);
      return runner.mutantRun({ ...options, testFilter });
    },
  };
}

export const strykerPlugins = [declareFactoryPlugin(PluginKind.TestRunner, 'vitest-5', createRunner)];
