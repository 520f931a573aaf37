/**
 * CI is worth something only if a failing test fails it: `npm test` (the command CI runs) must
 * exit non-zero when a test fails. TASKMARKET_TEST_CANARY=1 makes it run tests/canary/ instead
 * of the suite: one test that passes and one that fails, with the same global setup (the
 * embedded PostgreSQL whose exit hook once turned every failure into exit code 0).
 */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { projectRoot } from '../../scripts/generate.ts';

it('npm test exits non-zero when a test fails', () => {
  const { DATABASE_URL: _external, ...env } = process.env;
  const run = spawnSync('npm', ['test', '--', '--reporter=dot'], {
    cwd: projectRoot,
    env: { ...env, TASKMARKET_TEST_CANARY: '1', NO_COLOR: '1' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const output = `${run.stdout}${run.stderr}`;
  expect(output).toMatch(/Tests\s+1 failed \| 1 passed/);
  expect(run.status, output).not.toBe(0);
}, 150_000);
