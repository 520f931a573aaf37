/**
 * The SDK's behaviour around the answers, against a scripted fetch: an Idempotency-Key on the
 * operations that move money (the same one on a retry), retries of calls safe to repeat on 429
 * and 503 after Retry-After, none for the rest, a typed NetworkError when nothing answers, the
 * caller's abort kept as such, the request id on every error, and paging through lists.
 */
import { describe, expect, it } from 'vitest';
import { createClient, NetworkError, ProblemError, unwrap } from '@taskmarket/sdk';

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fetch that answers from `script` in order and keeps the requests it saw. */
function scripted(...script: Answer[]) {
  const seen: Request[] = [];
  const fetch = (request: Request): Promise<Response> => {
    seen.push(request.clone());
    // As fetch does: an aborted request rejects with the signal's reason.
    if (request.signal.aborted) return Promise.reject(request.signal.reason as Error);
    const next = script.shift() ?? { status: 500 };
    if (next instanceof Error) return Promise.reject(next);
    const json = next.body !== undefined;
    return Promise.resolve(
      new Response(json ? JSON.stringify(next.body) : null, {
        status: next.status,
        headers: { ...(json ? { 'Content-Type': next.status >= 400 ? 'application/problem+json' : 'application/json' } : {}), ...next.headers },
      }),
    );
  };
  return { seen, client: createClient({ baseUrl: 'http://api.test/api', fetch, tokenStore: undefined }) };
}

const problem = (status: number, code: string) => ({ type: `https://taskmarket.example/problems/${code}`, title: 'x', status, code, request_id: 'req-1' });
const busy = { status: 503, body: problem(503, 'service_unavailable'), headers: { 'Retry-After': '0' } };

describe('money-moving calls', () => {
  it('carry an Idempotency-Key, the same one when retried', async () => {
    const { seen, client } = scripted(busy, { status: 200, body: { id: 12 } });
    const { response } = await client.POST('/payments/escrow/{id}/release/', { params: { path: { id: 12 } } });
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    const keys = seen.map((request) => request.headers.get('idempotency-key'));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });

  it('keep a key the caller gave', async () => {
    const { seen, client } = scripted({ status: 201, body: {} });
    await client.POST('/payments/intents/create/', { params: { header: { 'Idempotency-Key': 'my-key' } }, body: { task_id: 42, amount: '100.00', currency: 'usd' } as never });
    expect(seen[0]!.headers.get('idempotency-key')).toBe('my-key');
  });
});

describe('retries', () => {
  it('repeat a read after 429 or 503, honouring Retry-After', async () => {
    const { seen, client } = scripted({ status: 429, body: problem(429, 'rate_limited'), headers: { 'Retry-After': '0' } }, busy, { status: 200, body: { id: 42 } });
    const { data } = await client.GET('/tasks/{id}/', { params: { path: { id: 42 } } });
    expect(data).toEqual({ id: 42 });
    expect(seen).toHaveLength(3);
  });

  it('give up after their budget, answering the last error', async () => {
    const { seen, client } = scripted(busy, busy, busy, { status: 200, body: {} });
    const { error, response } = await client.GET('/tasks/{id}/', { params: { path: { id: 42 } } });
    expect(response.status).toBe(503);
    expect(error?.code).toBe('service_unavailable');
    expect(seen).toHaveLength(3);
  });

  it('never repeat a write that has no Idempotency-Key, nor wait longer than allowed', async () => {
    const write = scripted(busy, { status: 201, body: {} });
    const created = await write.client.POST('/tasks/create/', { body: { title: 'A task', description: 'A description long enough.', category: 3, budget: '100.00', currency: 'usd' } });
    expect(created.response.status).toBe(503);
    expect(write.seen).toHaveLength(1);
    const slow = scripted({ ...busy, headers: { 'Retry-After': '120' } }, { status: 200, body: {} });
    expect((await slow.client.GET('/tasks/{id}/', { params: { path: { id: 42 } } })).response.status).toBe(503);
    expect(slow.seen).toHaveLength(1);
  });
});

describe('failures without an answer', () => {
  it('reject with a NetworkError naming the call', async () => {
    const { client } = scripted(new TypeError('Failed to fetch'));
    const failure = await client.GET('/tasks/').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NetworkError);
    expect((failure as NetworkError).method).toBe('GET');
    expect((failure as NetworkError).url).toBe('http://api.test/api/tasks/');
  });

  it("leave the caller's abort an AbortError", async () => {
    const controller = new AbortController();
    controller.abort();
    const { client } = scripted({ status: 200, body: {} });
    const failure = await client.GET('/tasks/', { signal: controller.signal }).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(NetworkError);
    expect((failure as Error).name).toBe('AbortError');
  });
});

describe('errors', () => {
  it('carry the request id, even when the answer is not a problem document', async () => {
    const { client } = scripted({ status: 502, body: '<html>Bad gateway</html>', headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'req-proxy' } });
    const failure = (() => {
      return client.GET('/tasks/').then((result) => unwrap(result));
    })();
    await expect(failure).rejects.toBeInstanceOf(ProblemError);
    const error = (await failure.catch((caught: unknown) => caught)) as ProblemError;
    expect(error.problem.code).toBe('unexpected_response');
    expect(error.requestId).toBe('req-proxy');
  });
});

describe('paginate()', () => {
  it('walks every page with the filters given, and stops after the last', async () => {
    const page = (results: number[], next: string | null) => ({ status: 200, body: { count: 5, next, previous: null, results: results.map((id) => ({ id })) } });
    const { seen, client } = scripted(page([1, 2], 'p2'), page([3, 4], 'p3'), page([5], null));
    const ids: number[] = [];
    for await (const task of client.paginate('/tasks/', { query: { category: 3, page_size: 2 } })) ids.push(task.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(seen.map((request) => new URL(request.url).search)).toEqual(['?category=3&page_size=2&page=1', '?category=3&page_size=2&page=2', '?category=3&page_size=2&page=3']);
  });

  it('throws the problem of a page that fails', async () => {
    const { client } = scripted({ status: 400, body: problem(400, 'validation_error') });
    const walk = async () => {
      for await (const _ of client.paginate('/tasks/')) void _;
    };
    await expect(walk()).rejects.toBeInstanceOf(ProblemError);
  });
});
