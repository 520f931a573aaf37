/**
 * The SDK as a frontend gets it: `npm pack` gives a tarball that installs into an empty project
 * with nothing else from this repository (its dependency from the registry, its `dist/` built),
 * imports as an ES module, and calls the mock.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { projectRoot } from '../../scripts/generate.ts';

const npm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['npm'];
const run = (args: string[], cwd: string) => {
  const result = spawnSync(npm[0]!, [...npm.slice(1), ...args], { cwd, encoding: 'utf8', timeout: 180_000 });
  if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
};

let mock: RunningMock;
const work = mkdtempSync(join(tmpdir(), 'taskmarket-sdk-package-'));
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(async () => {
  await mock?.stop();
  rmSync(work, { recursive: true, force: true });
});

describe('the packed SDK', () => {
  it('installs and runs in an empty project', { timeout: 240_000 }, async () => {
    run(['pack', '--pack-destination', work, '--silent'], join(projectRoot, 'sdk'));
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'))!;
    const listing = spawnSync('tar', ['-tzf', join(work, tarball)], { encoding: 'utf8' }).stdout.split('\n');
    expect(listing).toContain('package/dist/index.js');
    expect(listing).toContain('package/dist/index.d.ts');
    expect(listing).toContain('package/LICENSE');
    expect(listing.some((entry) => entry.startsWith('package/src/'))).toBe(false);

    const app = join(work, 'app');
    spawnSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'a-frontend', private: true, type: 'module' }));
    run(['install', join(work, tarball), '--no-audit', '--no-fund', '--prefer-offline', '--silent'], app);
    // A real install, not a link into this repository.
    expect(lstatSync(join(app, 'node_modules/@taskmarket/sdk')).isSymbolicLink()).toBe(false);
    expect(existsSync(join(app, 'node_modules/openapi-fetch/package.json'))).toBe(true);

    writeFileSync(
      join(app, 'main.js'),
      `import { createClient, unwrap } from '@taskmarket/sdk';
const api = createClient({ baseUrl: process.argv[2] });
const task = unwrap(await api.GET('/tasks/{id}/', { params: { path: { id: 42 } } }));
const { error } = await api.POST('/auth/login/', { body: { email: 'sara@example.com' } });
console.log(JSON.stringify({ title: task.title, error: error.errors }));
`,
    );
    // Not spawnSync: the mock answers from this process, which must stay free to.
    const result = await promisify(execFile)(process.execPath, ['main.js', `${mock.url}/api`], { cwd: app, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({ title: expect.any(String), error: { password: ['This field is required.'] } });
  });
});
