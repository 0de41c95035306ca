import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCi, runFails } from '../summary-reporter';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = 'tests/tooling/fixtures/one-skip/one-skip.fixture.ts';

/** Runs vitest on a fixture with one passing and one skipped test, through the real reporter. */
const runFixture = (ci: string | undefined) => {
  const env = { ...process.env };
  delete env.CI;
  if (ci !== undefined) env.CI = ci;
  const result = spawnSync(
    process.execPath,
    [
      'node_modules/vitest/vitest.mjs',
      'run',
      '--config',
      'tests/tooling/fixtures/one-skip/vitest.fixture.config.ts',
      fixture,
    ],
    { cwd: root, env, encoding: 'utf8', timeout: 60_000 },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
};

describe('test run summary', () => {
  it('fails a run with a skipped test under CI=true, and names the test', () => {
    const run = runFixture('true');
    expect(run.output).toContain('tests: 1 passed, 0 failed, 1 skipped');
    expect(run.output).toMatch(/skipped: .*one-skip\.fixture\.ts > is skipped/);
    expect(run.status).toBe(1);
  });

  it('lets a developer machine skip (without CI)', () => {
    const run = runFixture(undefined);
    expect(run.output).toContain('tests: 1 passed, 0 failed, 1 skipped');
    expect(run.status).toBe(0);
  });

  it('decides from the counts', () => {
    expect(runFails({ passed: 3, failed: 0, skipped: 0 }, true)).toBe(false);
    expect(runFails({ passed: 3, failed: 1, skipped: 0 }, false)).toBe(true);
    expect(runFails({ passed: 3, failed: 0, skipped: 2 }, false)).toBe(false);
    expect(runFails({ passed: 3, failed: 0, skipped: 2 }, true)).toBe(true);
    expect(isCi({ CI: 'true' })).toBe(true);
    expect(isCi({ CI: '1' })).toBe(true);
    expect(isCi({ CI: 'false' })).toBe(false);
    expect(isCi({})).toBe(false);
  });
});
