/**
 * Starts the mock: Prism on the bundled contract (openapi/generated/openapi.json) answers every
 * operation with its example, behind the service's own request handling (mock/app.ts), so that a
 * request that breaks the contract gets the very problem the server would answer. It serves the
 * contract at `/api` like the server, and at its root. `npm run mock` runs it on MOCK_PORT
 * (default 4010); tests call `startMock({ port: 0 })`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { loadConfig } from '../src/config.ts';
import { freePort } from '../src/lib/free-port.ts';
import { createMockApp } from './app.ts';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const specPath = join(projectRoot, 'openapi/generated/openapi.json');
const prismBin = join(projectRoot, 'node_modules/.bin/prism');

export interface RunningMock {
  url: string;
  stop(): Promise<void>;
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** Spawns Prism on a private port and resolves once it listens; its output goes to the terminal once when `log`. */
async function startPrism(log: boolean): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(prismBin, ['mock', specPath, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Prism did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Prism is listening')) {
        clearTimeout(timer);
        ready();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`Prism exited with code ${code}:\n${output}`));
    });
  });
  // From here on, each line once: the terminal's, or nobody's.
  child.stdout?.removeAllListeners('data');
  child.stderr?.removeAllListeners('data');
  if (log) {
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Starts Prism and the front that answers like the server, and resolves once both listen. `port: 0` picks a free port. */
export async function startMock(
  options: { port?: number; host?: string; log?: boolean } = {},
): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort());
  const prism = await startPrism(options.log ?? false);
  const config = loadConfig();
  const app = createMockApp({ prismUrl: prism.url, corsOrigins: config.CORS_ORIGINS, bodyLimitBytes: config.BODY_LIMIT_BYTES });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = serve({ fetch: app.fetch, hostname: host, port }, () => resolve(listening as Server)) as Server;
    listening.once('error', reject);
  }).catch(async (error: NodeJS.ErrnoException) => {
    await stopProcess(prism.child);
    throw error;
  });
  return {
    url: `http://${host}:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await stopProcess(prism.child);
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.MOCK_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`MOCK_PORT must be a port number (1-65535), got "${process.env.MOCK_PORT}"`);
    process.exit(1);
  }
  const mock = await startMock({ port, host: process.env.MOCK_HOST ?? '127.0.0.1', log: true });
  console.log(`\ntaskmarket mock: ${mock.url}/api (like the server; ${mock.url} works too). Point the SDK's baseUrl here.`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void mock.stop().then(() => process.exit(0)));
  }
}
