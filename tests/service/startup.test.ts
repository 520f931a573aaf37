/**
 * When the embedded PostgreSQL cannot start, DATABASE_URL cannot be used, or a port is taken,
 * `npm start` stops with one clear message naming the cause and the way out, and a non-zero exit
 * code: no stack trace, no unhandled 'error' event. Without STRIPE_SECRET_KEY it starts the local Stripe and says where.
 */
import { spawnSync } from 'node:child_process';
import Stripe from 'stripe';
import { createServer, type AddressInfo } from 'node:net';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/generate.ts';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { freePort } from '../../src/lib/free-port.ts';
import { createTestDatabase } from '../support/database.ts';
import { startServiceProcess } from '../support/service-process.ts';

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

/** `npm start`'s command, with DATABASE_URL unset unless `env` sets it. */
function startService(dataDir: string, env: Record<string, string> = {}) {
  const { DATABASE_URL: _external, ...inherited } = process.env;
  const run = spawnSync(process.execPath, ['src/server.ts'], {
    cwd: projectRoot,
    env: { ...inherited, DATA_DIR: dataDir, PORT: '0', STRIPE_LOCAL_PORT: '0', LOG_LEVEL: 'silent', NODE_ENV: 'development', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stderr: run.stderr };
}

function expectClearFailure(run: { status: number | null; stderr: string }, cause: RegExp, wayOut = ['DATABASE_URL', 'DATA_DIR']) {
  expect(run.status, run.stderr).toBe(1);
  expect(run.stderr).toMatch(cause);
  for (const variable of wayOut) expect(run.stderr).toContain(variable);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
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
    expectClearFailure(startService(join(parent, 'data')), /"postgres" \(it refuses root\), and that user cannot enter .*, which holds its data folder\. Open it to other users \(chmod o\+x /);
  });
});

/** Runs `check` with a port another server holds, and a database of its own. */
async function withTakenPort(check: (port: number, databaseUrl: string) => void): Promise<void> {
  const taken = createServer();
  await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  const database = await createTestDatabase();
  try {
    check((taken.address() as AddressInfo).port, database.url);
  } finally {
    taken.close();
    await database.drop();
  }
}

describe('npm start on a port that is taken', () => {
  it('says so and exits 1, stopping its database', async () => {
    await withTakenPort((port, databaseUrl) => {
      const run = startService(tempFolder(), { DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port) });
      expectClearFailure(run, new RegExp(`Cannot listen on 127.0.0.1:${port}: the port is in use`), ['PORT']);
    });
  });
});

describe('npm start with a DATABASE_URL it cannot use', () => {
  it('names the address nothing listens on, hiding the password', async () => {
    const closed = await freePort();
    const run = startService(tempFolder(), { DATABASE_URL: `postgres://app:s3cret@127.0.0.1:${closed}/taskmarket` });
    expectClearFailure(run, new RegExp(`Cannot use the database of DATABASE_URL \\(postgres://app:\\*\\*\\*@127.0.0.1:${closed}/taskmarket\\): nothing accepts connections`), ['DATABASE_URL']);
    expect(run.stderr).not.toContain('s3cret');
  });

  it('names an unknown host', () => {
    expectClearFailure(startService(tempFolder(), { DATABASE_URL: 'postgres://app@db.invalid:5432/taskmarket' }), /the host db.invalid is unknown/, ['DATABASE_URL']);
  });

  it('refuses a URL of another database', () => {
    expectClearFailure(startService(tempFolder(), { DATABASE_URL: 'mysql://root@127.0.0.1:3306/taskmarket' }), /DATABASE_URL: a PostgreSQL URL/, ['DATABASE_URL']);
  });

  it('refuses the embedded PostgreSQL in production', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-characters', SMTP_URL: 'smtp://127.0.0.1:2525', STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' };
    expectClearFailure(startService(tempFolder(), production), /DATABASE_URL: required in production/, ['DATABASE_URL']);
  });
});

describe('npm run dev (node --watch)', () => {
  it('starts the embedded PostgreSQL and serves', async () => {
    const service = startServiceProcess({ DATA_DIR: tempFolder(), SHUTDOWN_GRACE_SECONDS: '0' }, { watch: true });
    try {
      const port = await service.port;
      await service.waitForLog(/DATABASE_URL unset: started an embedded PostgreSQL/);
      const health = await fetch(`http://127.0.0.1:${port}/api/health/`);
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'up' });
    } finally {
      service.child.kill('SIGTERM');
      await service.ended;
    }
  });
});

describe('npm start without STRIPE_SECRET_KEY', () => {
  it('starts the local Stripe, logs where it is, and the SDK pays on it', async () => {
    const database = await createTestDatabase();
    const service = startServiceProcess({ DATABASE_URL: database.url, SHUTDOWN_GRACE_SECONDS: '0' });
    try {
      const { hostname, port } = new URL((await service.waitForLog(/"stripe_emulator":"([^"]+)"/))[1]!);
      const stripe = new Stripe('sk_test_frontend', { host: hostname, port: Number(port), protocol: 'http', maxNetworkRetries: 0 });
      const intent = await stripe.paymentIntents.create({ amount: 20_000, currency: 'usd' });
      expect((await stripe.paymentIntents.confirm(intent.id, { payment_method: 'pm_card_visa' })).status).toBe('succeeded');
    } finally {
      service.child.kill('SIGTERM');
      await service.exited;
      await database.drop();
    }
  });

  it('says which port the local Stripe cannot have, and exits 1', async () => {
    await withTakenPort((port, databaseUrl) => {
      const run = startService(tempFolder(), { DATABASE_URL: databaseUrl, STRIPE_LOCAL_PORT: String(port) });
      expectClearFailure(run, new RegExp(`local Stripe emulator cannot listen on port ${port}: it is in use`), ['STRIPE_LOCAL_PORT', 'STRIPE_SECRET_KEY']);
    });
  });
});
