/**
 * When the embedded PostgreSQL cannot start, `npm start` stops with one clear message naming the
 * cause and the way out, and a non-zero exit code: no stack trace, no unhandled 'error' event.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/generate.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';

const folders: string[] = [];
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'taskmarket-startup-'));
  // mkdtemp makes it private; PostgreSQL's own user (when running as root) must enter it.
  chmodSync(folder, 0o755);
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** `npm start`'s command with DATABASE_URL unset and DATA_DIR set. */
function startService(dataDir: string) {
  const { DATABASE_URL: _external, ...env } = process.env;
  const run = spawnSync(process.execPath, ['src/server.ts'], {
    cwd: projectRoot,
    env: { ...env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'development' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stderr: run.stderr };
}

function expectClearFailure(run: { status: number | null; stderr: string }, cause: RegExp) {
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(cause);
  expect(run.stderr).toContain('DATABASE_URL');
  expect(run.stderr).toContain('DATA_DIR');
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr.trim().split('\n')).toHaveLength(2);
}

describe('npm start without a usable embedded PostgreSQL', () => {
  it('names a data folder of another PostgreSQL major version', () => {
    const dataDir = tempFolder();
    mkdirSync(join(dataDir, 'postgres'));
    writeFileSync(join(dataDir, 'postgres', 'PG_VERSION'), '15\n');
    expectClearFailure(startService(dataDir), /created by PostgreSQL 15, and this project runs PostgreSQL \d+/);
  });

  it('names the other server running on the same data folder', async () => {
    const dataDir = tempFolder();
    const first = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), database: 'taskmarket', persistent: true });
    try {
      expectClearFailure(startService(dataDir), /another PostgreSQL \(PID \d+\) is already running on the data folder/);
    } finally {
      await first.stop();
    }
  });

  it.runIf(process.getuid?.() === 0)('names a folder that PostgreSQL’s own user cannot enter (running as root)', () => {
    const parent = tempFolder();
    chmodSync(parent, 0o700);
    expectClearFailure(startService(join(parent, 'data')), /"postgres" that PostgreSQL runs as .* cannot enter or write/);
  });
});
