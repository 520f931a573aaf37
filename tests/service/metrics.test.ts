/**
 * `/api/metrics/` in Prometheus's text format: requests by operationId and status with their
 * latency, the database pool, the queues' backlog, the process. Behind METRICS_TOKEN when one is
 * set; not served at all in production without one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caller } from '../support/http.ts';
import { startTestApp, type TestApp } from '../support/test-app.ts';

const TOKEN = 'metrics-token-for-the-tests';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ workers: false, env: { METRICS_TOKEN: TOKEN } });
});
afterAll(async () => {
  await t?.close();
});

const scrape = (authorization?: string) =>
  t.app.fetch(new Request('http://taskmarket.test/api/metrics/', { headers: authorization ? { Authorization: authorization } : {} }));

describe('/api/metrics/', () => {
  it('counts and times requests per operationId and status', async () => {
    const call = caller(t);
    await call('GET', '/tasks/');
    await call('GET', '/tasks/');
    await call('GET', '/tasks/999999/');
    await call('GET', '/no-such-path/');
    const response = await scrape(`Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^http_requests_total\{operation="listTasks",status="200"\} 2$/m);
    expect(text).toMatch(/^http_requests_total\{operation="getTask",status="404"\} 1$/m);
    expect(text).toMatch(/^http_requests_total\{operation="unmatched",status="404"\} 1$/m);
    expect(text).toMatch(/^http_request_duration_seconds_count\{operation="listTasks",status="200"\} 2$/m);
    expect(text).toMatch(/^http_request_duration_seconds_bucket\{le="0\.1",operation="listTasks",status="200"\} \d+$/m);
  });

  it('reports the database pool, the queue backlog and the process', async () => {
    const text = await (await scrape(`Bearer ${TOKEN}`)).text();
    expect(text).toMatch(/^db_pool_connections\{state="idle"\} \d+$/m);
    expect(text).toMatch(/^db_pool_connections\{state="in_use"\} \d+$/m);
    expect(text).toMatch(/^db_pool_connections\{state="waiting"\} 0$/m);
    expect(text).toMatch(/^job_queue_waiting\{queue="mail.send"\} \d+$/m);
    expect(text).toMatch(/^job_queue_oldest_waiting_seconds\{queue="mail.send"\} \d+$/m);
    expect(text).toMatch(/^job_queue_dead_lettered\{queue="mail.send"\} 0$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
  });

  it('needs the token when one is set', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-of-some-length', `Bearer ${TOKEN}x`, TOKEN]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(await response.text()).not.toMatch(/http_requests_total/);
    }
  });

  it('is not served in production without a token', async () => {
    const production = await startTestApp({ workers: false, sharedDatabaseOf: t, env: { NODE_ENV: 'production' } });
    try {
      const response = await production.app.fetch(new Request('http://taskmarket.test/api/metrics/'));
      expect(response.status).toBe(404);
    } finally {
      await production.close();
    }
  });
});
