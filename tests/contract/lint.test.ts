/** The project passes ESLint with typescript-eslint's type-checked rules, at zero warnings. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/generate.ts';

describe('ESLint', () => {
  it('finds nothing', { timeout: 240_000 }, async () => {
    const result = await promisify(execFile)(process.execPath, [join(projectRoot, 'node_modules/eslint/bin/eslint.js'), '.', '--max-warnings', '0'], { cwd: projectRoot, encoding: 'utf8' }).catch(
      (error: { stdout: string; stderr: string; code: number }) => ({ stdout: error.stdout, stderr: error.stderr, code: error.code }),
    );
    expect(result.stdout.trim()).toBe('');
    expect('code' in result ? [result.code, result.stderr] : [0, '']).toEqual([0, '']);
  });
});
