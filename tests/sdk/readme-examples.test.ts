/**
 * The SDK README's main example runs, unchanged but for its base URL, against the mock and
 * against a server with the demo data: a README that drifts from the API fails here.
 */
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import * as sdk from '@taskmarket/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { caller, loginAs } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const readme = readFileSync(new URL('../../sdk/README.md', import.meta.url), 'utf8');
/** The first TypeScript block after "## Use", as JavaScript. */
const example = stripTypeScriptTypes(/## Use\n+```ts\n([\s\S]*?)```/.exec(readme)![1]!, { mode: 'strip' });

/** Runs the example on `baseUrl`, with what a browser page would have: localStorage and a router. */
async function runExample(baseUrl: string): Promise<string[]> {
  const printed: string[] = [];
  const storage = new Map<string, string>();
  const localStorage = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value), removeItem: (key: string) => void storage.delete(key) };
  const body = example.replace(/^import .*$/m, '').replaceAll("'http://localhost:8000/api'", 'BASE_URL');
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...values: unknown[]) => Promise<void>;
  const run = new AsyncFunction('createClient', 'webStorageTokenStore', 'localStorage', 'router', 'console', 'BASE_URL', body);
  await run(sdk.createClient, sdk.webStorageTokenStore, localStorage, { push: () => {} }, { log: (...values: unknown[]) => printed.push(values.join(' ')) }, baseUrl);
  return printed;
}

let mock: RunningMock;
let t: TestApp;
let server: Server;
beforeAll(async () => {
  [mock, t] = await Promise.all([startMock({ port: 0 }), startTestApp({ seed: true })]);
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
  await new Promise((resolve) => server.once('listening', resolve));
});
afterAll(async () => {
  server?.close();
  await Promise.all([mock?.stop(), t?.close()]);
});

describe("the SDK README's example", () => {
  it('runs against the mock', async () => {
    const printed = await runExample(`${mock.url}/api`);
    expect(printed.at(-1)).toBe('pending');
  });

  it('runs against a server with the demo data, and applies for Lina', async () => {
    const printed = await runExample(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api`);
    expect(printed[0]).toBe('freelancer_user');
    expect(printed.at(-1)).toBe('pending');
    const call = caller(t);
    const omar = await loginAs(call, 'omar@example.com');
    const applications = await call('GET', '/tasks/56/applications/', { token: omar });
    expect(applications.body.results.map((entry: { freelancer: { username: string } }) => entry.freelancer.username)).toContain('freelancer_user');
  });
});
