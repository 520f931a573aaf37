/**
 * The mock answers a bad request as the server does: the same status, the same problem document
 * (code, title, detail, the fields named in `errors`), the same headers that matter (Allow,
 * WWW-Authenticate, CORS), at the same /api paths. A frontend's error handling built against
 * the mock then holds against the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { caller } from '../support/http.ts';
import { actor } from '../support/marketplace.ts';
import { BASE_URL, startTestApp, type TestApp } from '../support/test-app.ts';

let mock: RunningMock;
let t: TestApp;
let serverToken: string;

beforeAll(async () => {
  [mock, t] = await Promise.all([startMock({ port: 0 }), startTestApp()]);
  serverToken = (await actor(caller(t))).token;
});
afterAll(async () => {
  await Promise.all([mock?.stop(), t?.close()]);
});

type Probe = { method: string; path: string; body?: string; headers?: Record<string, string>; signedIn?: boolean };

/** What a frontend sees of an answer: status, the problem without its request-specific parts, and the headers it acts on. */
async function seen(response: Response) {
  const text = await response.text();
  const body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
  const { request_id: requestId, instance: _instance, ...problem } = body ?? {};
  return {
    status: response.status,
    contentType: response.headers.get('content-type')?.split(';')[0],
    problem,
    hasRequestId: typeof requestId === 'string' && requestId === response.headers.get('x-request-id'),
    allow: response.headers.get('allow'),
    challenge: response.headers.get('www-authenticate'),
    allowOrigin: response.headers.get('access-control-allow-origin'),
  };
}

async function both(probe: Probe) {
  const headers = (token: string) => ({ ...(probe.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(probe.signedIn ? { Authorization: `Bearer ${token}` } : {}), ...probe.headers });
  const init = (token: string): RequestInit => ({ method: probe.method, headers: headers(token), body: probe.body });
  const server = await t.app.fetch(new Request(`${BASE_URL}${probe.path}`, init(serverToken)));
  const mocked = await fetch(`${mock.url}/api${probe.path}`, init('any-token-the-mock-accepts'));
  return { server: await seen(server), mock: await seen(mocked) };
}

const probes: [string, Probe][] = [
  ['a login without its password', { method: 'POST', path: '/auth/login/', body: JSON.stringify({ email: 'sara@example.com' }) }],
  ['a body that is not JSON', { method: 'POST', path: '/auth/login/', body: '{"email": ' }],
  ['a field of the wrong type and an unknown one', { method: 'POST', path: '/tasks/42/apply/', signedIn: true, body: JSON.stringify({ proposal: 42, bid_amount: '10.00', tip: 1 }) }],
  ['a query parameter out of range', { method: 'GET', path: '/tasks/?page=0&page_size=500' }],
  ['a path parameter that is not a number', { method: 'GET', path: '/tasks/abc/' }],
  ['a protected operation without a token', { method: 'GET', path: '/auth/profile/' }],
  ['a malformed Authorization header', { method: 'GET', path: '/auth/profile/', headers: { Authorization: 'Token abc' } }],
  ['an unknown path', { method: 'GET', path: '/no/such/thing/' }],
  ['a path without its trailing slash', { method: 'GET', path: '/tasks' }],
  ['a wrong method', { method: 'DELETE', path: '/tasks/' }],
  ['a NUL character', { method: 'POST', path: '/auth/login/', body: JSON.stringify({ email: 'a\u0000@example.com', password: 'x' }) }],
  ['a CORS preflight from an origin not allowed', { method: 'OPTIONS', path: '/tasks/', headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' } }],
  ['a CORS request from an allowed origin', { method: 'GET', path: '/tasks/abc/', headers: { Origin: 'http://localhost:3000' } }],
];

describe('the mock answers a bad request as the server does', () => {
  it.each(probes)('%s', async (_name, probe) => {
    const { server, mock: mocked } = await both(probe);
    expect(mocked).toEqual(server);
    if (server.status >= 400) {
      expect(server.contentType).toBe('application/problem+json');
      expect(server.hasRequestId).toBe(true);
    }
  });

  it('is problem+json with a code for every error, at the root too', async () => {
    const answers = await Promise.all([
      fetch(`${mock.url}/auth/login/`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' }),
      fetch(`${mock.url}/no/such/`),
      fetch(`${mock.url}/tasks/`, { method: 'PATCH' }),
    ]);
    for (const answer of answers) {
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(typeof ((await answer.json()) as { code?: unknown }).code).toBe('string');
    }
  });
});
