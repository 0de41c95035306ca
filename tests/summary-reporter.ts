import type { Reporter, TestModule } from 'vitest/node';

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Whether a run with these counts fails. Under CI=true a skipped test fails the run: a skip
 * there means a missing install step, and a skip would hide it. On a developer's machine a
 * skip is allowed (each skip prints its reason).
 */
export const runFails = (counts: RunCounts, ci: boolean): boolean =>
  counts.failed > 0 || (ci && counts.skipped > 0);

export const isCi = (env: NodeJS.ProcessEnv): boolean => /^(1|true|yes)$/i.test(env.CI ?? '');

/**
 * Prints one plain closing line, "tests: N passed, N failed, N skipped", for CI logs, and under
 * CI=true fails the run when any test was skipped (naming them).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>) {
    const counts: RunCounts = { passed: 0, failed: 0, skipped: 0 };
    const skippedNames: string[] = [];
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else {
          counts.skipped += 1;
          skippedNames.push(`${module.moduleId} > ${test.fullName}`);
        }
      }
      const moduleFailed = module.state() === 'failed';
      const testFailed = [...module.children.allTests()].some((test) => test.result().state === 'failed');
      // A file that failed outside its tests (import error, failing hook) counts as one failure.
      if (moduleFailed && !testFailed) counts.failed += 1;
    }
    console.log(`tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
    const ci = isCi(process.env);
    if (ci && counts.skipped > 0) {
      console.log('CI=true: a skipped test fails the run (something the tests need is not installed):');
      for (const name of skippedNames) console.log(`  skipped: ${name}`);
    }
    if (runFails(counts, ci)) process.exitCode = 1;
  }
}
