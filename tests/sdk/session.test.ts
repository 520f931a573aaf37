/**
 * The SDK's session handling, driven through an injected fetch that plays the server: tokens
 * captured from login, bearer only on protected operations, one shared refresh-and-retry on 401,
 * and a cleared session when the refresh token is rejected too.
 */
import { describe, expect, it, vi } from 'vitest';
import { createClient, memoryTokenStore, ProblemError, unwrap, webStorageTokenStore } from '@taskmarket/sdk';

const BASE = 'http://api.test/api';

function problem(status: number, code: string): Response {
  return Response.json(
    { type: `https://taskmarket.example/problems/${code}`, title: code, status, code },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

/** A fake server: access tokens `access-N` are valid only for the latest N. */
function fakeServer() {
  const state = { generation: 1, refreshes: 0, rejectRefresh: false };
  const seen: Array<{ method: string; path: string; auth: string | null; body: string }> = [];
  const fetch = vi.fn(async (input: Request) => {
    const path = new URL(input.url).pathname.replace('/api', '');
    const body = await input.text();
    seen.push({ method: input.method, path, auth: input.headers.get('Authorization'), body });
    if (path === '/auth/login/') {
      return Response.json({ access: 'access-1', refresh: 'refresh-1', user: { username: 'sara' } });
    }
    if (path === '/auth/token/refresh/') {
      state.refreshes += 1;
      const { refresh } = JSON.parse(body) as { refresh: string };
      if (state.rejectRefresh || refresh !== `refresh-${state.generation}`) return problem(401, 'token_invalid');
      state.generation += 1;
      return Response.json({ access: `access-${state.generation}`, refresh: `refresh-${state.generation}` });
    }
    if (path === '/tasks/') return Response.json({ count: 0, next: null, previous: null, results: [] });
    if (input.headers.get('Authorization') !== `Bearer access-${state.generation}`) {
      return problem(401, 'token_expired');
    }
    if (path === '/auth/logout/') return new Response(null, { status: 204 });
    if (path === '/tasks/42/apply/') {
      return Response.json({ application_id: 308, status: 'pending', task_id: 42, echo: JSON.parse(body) }, { status: 201 });
    }
    return Response.json({ count: 0, next: null, previous: null, results: [] });
  });
  return { fetch, seen, state };
}

describe('the SDK session', () => {
  it('keeps the tokens login returns and sends them to protected operations only', async () => {
    const server = fakeServer();
    const client = createClient({ baseUrl: `${BASE}/`, fetch: server.fetch });

    const login = await client.POST('/auth/login/', { body: { email: 'sara@example.com', password: 'StrongPass123' } });
    expect(login.data?.user.username).toBe('sara');
    expect(await client.tokenStore.get()).toEqual({ access: 'access-1', refresh: 'refresh-1' });

    await client.GET('/tasks/');
    await client.GET('/tasks/my-tasks/');
    expect(server.seen.map((r) => [r.path, r.auth])).toEqual([
      ['/auth/login/', null],
      ['/tasks/', null],
      ['/tasks/my-tasks/', 'Bearer access-1'],
    ]);
  });

  it('refreshes once on 401 and replays the request with its body', async () => {
    const server = fakeServer();
    const client = createClient({
      baseUrl: BASE,
      fetch: server.fetch,
      // access-0 has expired; refresh-1 is still valid.
      tokenStore: memoryTokenStore({ access: 'access-0', refresh: 'refresh-1' }),
    });

    const { data, error } = await client.POST('/tasks/{id}/apply/', {
      params: { path: { id: 42 } },
      body: { proposal: 'I can deliver in 3 days', bid_amount: '120.00' },
    });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ application_id: 308, echo: { bid_amount: '120.00' } });
    expect(server.state.refreshes).toBe(1);
    expect(await client.tokenStore.get()).toEqual({ access: 'access-2', refresh: 'refresh-2' });
    expect(server.seen.at(-1)).toMatchObject({ path: '/tasks/42/apply/', auth: 'Bearer access-2' });
  });

  it('shares one refresh between concurrent requests', async () => {
    const server = fakeServer();
    const client = createClient({
      baseUrl: BASE,
      fetch: server.fetch,
      tokenStore: memoryTokenStore({ access: 'stale', refresh: 'refresh-1' }),
    });
    const results = await Promise.all([
      client.GET('/tasks/my-tasks/'),
      client.GET('/tasks/my-applications/'),
      client.GET('/notifications/'),
    ]);
    expect(results.map((r) => r.response.status)).toEqual([200, 200, 200]);
    expect(server.state.refreshes).toBe(1);
  });

  it('clears the session and reports it when the refresh token is rejected', async () => {
    const server = fakeServer();
    server.state.rejectRefresh = true;
    const onSessionExpired = vi.fn();
    const client = createClient({
      baseUrl: BASE,
      fetch: server.fetch,
      tokenStore: memoryTokenStore({ access: 'stale', refresh: 'refresh-1' }),
      onSessionExpired,
    });
    const result = await client.GET('/auth/profile/');
    expect(result.response.status).toBe(401);
    expect(result.error).toMatchObject({ status: 401, code: 'token_expired' });
    expect(() => unwrap(result)).toThrow(ProblemError);
    expect(await client.tokenStore.get()).toBeNull();
    expect(onSessionExpired).toHaveBeenCalledOnce();
    expect(server.state.refreshes).toBe(1);
  });

  it('does not try to refresh without a session', async () => {
    const server = fakeServer();
    const client = createClient({ baseUrl: BASE, fetch: server.fetch });
    const result = await client.GET('/auth/profile/');
    expect(result.response.status).toBe(401);
    expect(server.state.refreshes).toBe(0);
    expect(server.seen[0]?.auth).toBeNull();
  });

  it('forgets the tokens after logout', async () => {
    const server = fakeServer();
    const client = createClient({
      baseUrl: BASE,
      fetch: server.fetch,
      tokenStore: memoryTokenStore({ access: 'access-1', refresh: 'refresh-1' }),
    });
    const { response } = await client.POST('/auth/logout/', { body: { refresh: 'refresh-1' } });
    expect(response.status).toBe(204);
    expect(await client.tokenStore.get()).toBeNull();
  });

  it('persists tokens in Web Storage', () => {
    const backing = new Map<string, string>();
    const storage = {
      getItem: (key: string) => backing.get(key) ?? null,
      setItem: (key: string, value: string) => void backing.set(key, value),
      removeItem: (key: string) => void backing.delete(key),
    };
    const store = webStorageTokenStore(storage);
    expect(store.get()).toBeNull();
    void store.set({ access: 'a', refresh: 'r' });
    expect(webStorageTokenStore(storage).get()).toEqual({ access: 'a', refresh: 'r' });
    void store.clear();
    expect(store.get()).toBeNull();
    backing.set('taskmarket.tokens', '{not json');
    expect(store.get()).toBeNull();
  });
});
