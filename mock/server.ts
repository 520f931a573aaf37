/**
 * Starts the Prism mock from the bundled contract (openapi/generated/openapi.json): every operation
 * answers with its example, and a request that breaks the contract gets a validation problem.
 * `npm run mock` runs it on MOCK_PORT (default 4010); tests call `startMock({ port: 0 })`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../src/lib/free-port.ts';

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

/** Spawns Prism and resolves once it listens. `port: 0` picks a free port. */
export async function startMock(
  options: { port?: number; host?: string; log?: boolean } = {},
): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port || (await freePort());
  const child = spawn(prismBin, ['mock', specPath, '--host', host, '--port', String(port)], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = `http://${host}:${port}`;

  await new Promise<void>((ready, fail) => {
    let output = '';
    const timer = setTimeout(() => fail(new Error(`Prism did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      output += text;
      if (options.log) process.stdout.write(text);
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
  if (options.log) {
    child.stdout?.on('data', (chunk: Buffer) => process.stdout.write(chunk));
    child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  }
  return { url, stop: () => stopProcess(child) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.MOCK_PORT ?? 4010);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`MOCK_PORT must be a port number (1-65535), got "${process.env.MOCK_PORT}"`);
    process.exit(1);
  }
  const mock = await startMock({ port, host: process.env.MOCK_HOST ?? '127.0.0.1', log: true });
  console.log(`\ntaskmarket mock: ${mock.url} (point the SDK's baseUrl here)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void mock.stop().then(() => process.exit(0)));
  }
}
