/**
 * `@taskmarket/sdk/msw`: frontend unit tests get the contract's examples from MSW handlers, with
 * no mock server running, and override one operation's answer for a test.
 */
import { createClient, unwrap } from '@taskmarket/sdk';
import { answer, handlers } from '@taskmarket/sdk/msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { operationExamples } from '../../sdk/src/examples.ts';

const BASE = 'http://api.test/api';
const server = setupServer(...handlers(BASE));
beforeAll(() => server.listen());
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('the MSW handlers', () => {
  it('answer every operation of the contract', () => {
    expect(handlers(BASE)).toHaveLength(operationExamples.length);
    expect(operationExamples.length).toBeGreaterThanOrEqual(100);
  });

  it("answer the SDK's calls with the contract's examples", async () => {
    const api = createClient({ baseUrl: BASE });
    const session = unwrap(await api.POST('/auth/login/', { body: { email: 'sara@example.com', password: 'StrongPass123' } }));
    expect(session.user.username).toBe('sara');
    const task = unwrap(await api.GET('/tasks/{id}/', { params: { path: { id: 42 } } }));
    expect(task.id).toBe(42);
    // The session the login example gave is sent on.
    const profile = await api.GET('/auth/profile/');
    expect(profile.response.status).toBe(200);
    const page = unwrap(await api.GET('/tasks/', { params: { query: { category: 3 } } }));
    expect(page.results.length).toBeGreaterThan(0);
  });

  it("let a test override one operation's answer", async () => {
    server.use(
      answer(BASE, 'POST /auth/login/', 401, {
        type: 'https://taskmarket.example/problems/invalid_credentials',
        title: 'The email or password is wrong.',
        status: 401,
        code: 'invalid_credentials',
      }),
    );
    const api = createClient({ baseUrl: BASE });
    const { error, response } = await api.POST('/auth/login/', { body: { email: 'sara@example.com', password: 'wrong-password' } });
    expect(response.status).toBe(401);
    expect(error?.code).toBe('invalid_credentials');
    // Only that one: the rest still answer their examples.
    expect((await api.GET('/tasks/{id}/', { params: { path: { id: 42 } } })).response.status).toBe(200);
  });
});
