/**
 * The service as a whole: it serves exactly the contract's operations (those not built yet answer
 * 501 from their real routes), and every failure leaves as problem+json.
 */
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app.ts';
import { caller, loginAs } from '../support/http.ts';
import { loadBundledSpec, resolveRef, type ParameterObject } from '../support/spec.ts';
import { BASE_URL, startTestApp, type TestApp, UNUSED_STRIPE, UNUSED_ASSISTANT } from '../support/test-app.ts';

const spec = loadBundledSpec();
let t: TestApp;
let call: ReturnType<typeof caller>;
let token: string;

beforeAll(async () => {
  t = await startTestApp({ seed: true });
  call = caller(t);
  token = await loginAs(call, 'sara@example.com');
});
afterAll(async () => {
  await t?.close();
});

/** "METHOD /path/" → [name@in(required)] of an OpenAPI document's operations. */
function operationSignatures(document: { paths: Record<string, Record<string, unknown>> }, resolve: (p: ParameterObject) => ParameterObject) {
  const signatures = new Map<string, string[]>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const operation = item[method] as { parameters?: ParameterObject[] } | undefined;
      if (!operation) continue;
      const inherited = (item.parameters as ParameterObject[] | undefined) ?? [];
      const parameters = [...inherited, ...(operation.parameters ?? [])]
        .map(resolve)
        .map((p) => `${p.in === 'header' ? p.name.toLowerCase() : p.name}@${p.in}${p.required ? '!' : ''}`)
        .sort();
      signatures.set(`${method.toUpperCase()} ${path}`, parameters);
    }
  }
  return signatures;
}

describe('the served contract', () => {
  it('has the same operations and parameters as the spec, with the spec schema names', () => {
    const { api } = createApp({ config: t.config, orm: t.orm, queue: undefined as never, logger: undefined as never, now: () => new Date(), stripe: UNUSED_STRIPE, assistant: UNUSED_ASSISTANT });
    const served = api.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'served', version: '1' } });
    const servedSignatures = operationSignatures(served as never, (p) => p);
    const specSignatures = operationSignatures(spec as never, (p) => resolveRef(spec, p));
    expect(servedSignatures.size).toBe(specSignatures.size);
    expect(specSignatures.size).toBeGreaterThanOrEqual(100);
    expect(Object.fromEntries(servedSignatures)).toEqual(Object.fromEntries(specSignatures));
    const specSchemas = Object.keys(spec.components.schemas);
    expect(Object.keys(served.components?.schemas ?? {}).filter((name) => !specSchemas.includes(name))).toEqual([]);
  });

  it('answers /api/, the address npm start prints, with where everything is', async () => {
    const index = await t.app.fetch(new Request(`${BASE_URL}/`));
    expect(index.status).toBe(200);
    const { info } = spec as unknown as { info: { title: string; version: string } };
    expect(await index.json()).toEqual({
      name: info.title,
      version: info.version,
      links: { docs: '/api/docs/', openapi: '/api/openapi.json', health: '/api/health/', ready: '/api/health/ready/' },
    });
  });

  it('serves the bundled spec and interactive docs', async () => {
    const document = await t.fetch('/api/openapi.json');
    expect(await document.json()).toEqual(spec);
    const docs = await t.app.fetch(new Request(`${BASE_URL}/docs/`));
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain('/api/openapi.json');
    // Everything the page loads comes from the service: it works offline.
    const loaded = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
    expect(loaded.length).toBeGreaterThanOrEqual(3);
    for (const url of loaded) {
      expect(url).toMatch(/^\/api\/docs\/assets\//);
      const asset = await t.app.fetch(new Request(`http://taskmarket.test${url}`));
      expect(asset.status, url).toBe(200);
      expect((await asset.arrayBuffer()).byteLength, url).toBeGreaterThan(500);
    }
    expect((await t.app.fetch(new Request(`${BASE_URL}/docs/assets/package.json`))).status).toBe(404);
    const health = await t.app.fetch(new Request(`${BASE_URL}/health/`));
    expect(await health.json()).toEqual({
      status: 'ok',
      database: 'up',
      draining: false,
      queues: [
        { queue: 'mail.send', waiting: expect.any(Number), oldest_waiting_seconds: expect.any(Number), dead_lettered: 0 },
        { queue: 'withdrawals.payout', waiting: expect.any(Number), oldest_waiting_seconds: expect.any(Number), dead_lettered: 0 },
      ],
    });
    const ready = await t.app.fetch(new Request(`${BASE_URL}/health/ready/`));
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });


});

describe('errors are problem+json', () => {
  it('for an unknown path (404) and a wrong method (405 with Allow)', async () => {
    const unknown = await call('GET', '/no/such/thing/');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'not_found' } });
    const noSlash = await call('GET', '/tasks');
    expect(noSlash.status).toBe(404);
    const wrongMethod = await call('DELETE', '/auth/login/');
    expect(wrongMethod).toMatchObject({ status: 405, body: { code: 'method_not_allowed' } });
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect(wrongMethod.headers.get('content-type')).toBe('application/problem+json');
  });

  it('for malformed JSON, a body too large and a wrong path parameter', async () => {
    const malformed = await call('POST', '/auth/login/', { body: '{"email": ' });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'validation_error' } });
    const huge = await call('POST', '/auth/login/', { body: { email: 'a@b.co', password: 'x'.repeat(2_000_000) } });
    expect(huge).toMatchObject({ status: 413, body: { code: 'payload_too_large' } });
    const badId = await call('GET', '/auth/portfolio/abc/', { token });
    expect(badId.body.errors).toHaveProperty(['path.id']);
  });

  it('for a body that is not JSON', async () => {
    const answer = await call('POST', '/auth/login/', { body: 'email=a', headers: { 'Content-Type': 'text/plain' } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });
});

describe('every response', () => {
  it('carries a request id (echoing the caller’s) and security headers', async () => {
    const response = await t.app.fetch(new Request(`${BASE_URL}/health/`, { headers: { 'X-Request-Id': 'trace-abc-123' } }));
    expect(response.headers.get('x-request-id')).toBe('trace-abc-123');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const problem = await call('GET', '/no/such/thing/');
    expect(problem.body.request_id).toBe(problem.headers.get('x-request-id'));
  });

  it('keeps a caller’s request id only when it is short and safe to echo and log', async () => {
    const idOf = async (sent: string) =>
      (await t.app.fetch(new Request(`${BASE_URL}/health/`, { headers: { 'X-Request-Id': sent } }))).headers.get('x-request-id');
    expect(await idOf('a'.repeat(64))).toBe('a'.repeat(64));
    for (const unsafe of ['a'.repeat(65), 'id with spaces', '<script>', 'line\tbreak', '../../etc']) {
      const answered = await idOf(unsafe);
      expect(answered).not.toBe(unsafe);
      expect(answered).toMatch(/^[A-Za-z0-9_=-]{1,64}$/);
    }
  });

  it('challenges every 401 with a Bearer WWW-Authenticate header', async () => {
    const anonymous = await call('GET', '/auth/profile/');
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="taskmarket"');
    const forged = await call('GET', '/auth/profile/', { token: 'not.a.token' });
    expect(forged.headers.get('www-authenticate')).toMatch(/^Bearer realm="taskmarket", error="invalid_token", error_description="[^"]+"$/);
    const wrongPassword = await call('POST', '/auth/login/', { body: { email: 'sara@example.com', password: 'WrongPass999' } });
    expect(wrongPassword.headers.get('www-authenticate')).toBe('Bearer realm="taskmarket"');
  });

  it('allows the configured CORS origins only', async () => {
    const preflight = (origin: string) =>
      t.app.fetch(new Request(`${BASE_URL}/auth/login/`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } }));
    expect((await preflight('http://localhost:3000')).headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('a body over the limit on a kept-alive connection', () => {
  it('is answered 413 with Connection: close, and the client’s next request works', async () => {
    const limited = await startTestApp({ env: { BODY_LIMIT_BYTES: '1024' } });
    const server = serve({ fetch: limited.app.fetch, hostname: '127.0.0.1', port: 0 });
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const post = (body: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        const request = http.request(
          { agent, host: '127.0.0.1', port, method: 'POST', path: '/api/auth/login/', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
          (response) => {
            response.resume();
            response.on('end', () => resolve({ status: response.statusCode!, connection: response.headers.connection }));
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    try {
      const tooLarge = await post(JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(4000) }));
      expect(tooLarge).toEqual({ status: 413, connection: 'close' });
      // Through the same keep-alive agent: a reused, half-read connection would fail here.
      expect((await post(JSON.stringify({ email: 'nobody@example.com', password: 'WrongPass999' }))).status).toBe(401);
    } finally {
      agent.destroy();
      server.close();
      await limited.close();
    }
  });
});
