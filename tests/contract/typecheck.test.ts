/** The project and the SDK type-check and the SDK builds to JavaScript + declarations. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/generate.ts';

const tsc = join(projectRoot, 'node_modules/.bin/tsc');
const outDir = mkdtempSync(join(tmpdir(), 'taskmarket-sdk-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function run(args: string[]): string {
  try {
    execFileSync(tsc, args, { cwd: projectRoot, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (error) {
    return (error as { stdout: string }).stdout;
  }
}

describe('TypeScript', () => {
  it('tsc --noEmit passes for the project', { timeout: 120_000 }, () => {
    expect(run(['--noEmit', '-p', '.'])).toBe('');
  });

  it('the SDK builds to .js and .d.ts', { timeout: 120_000 }, () => {
    expect(run(['-p', 'sdk/tsconfig.build.json', '--outDir', outDir])).toBe('');
    expect(readdirSync(outDir)).toEqual(expect.arrayContaining(['index.js', 'index.d.ts', 'schema.d.ts']));
  });
});
