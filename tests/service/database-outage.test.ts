/**
 * When the database cannot be reached, every operation answers 503 problem+json with
 * Retry-After (as /api/health/ says 503), never a 500; when it is back, so is the service. The
 * outage is a TCP proxy between the service and its PostgreSQL, cut and restored.
 */
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/create-app.ts';
import { loadConfig } from '../../src/config.ts';
import { ormConfig } from '../../src/db/orm-config.ts';
import { createLogger } from '../../src/logger.ts';
import { contractViolations } from '../support/contract-validator.ts';
import { createTestDatabase } from '../support/database.ts';
import { startTcpProxy } from '../support/tcp-proxy.ts';
import { BASE_URL, UNUSED_STRIPE, UNUSED_ASSISTANT } from '../support/test-app.ts';
import { startQueue, type JobQueue } from '../../src/jobs/queue.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let proxy: Awaited<ReturnType<typeof startTcpProxy>>;
let orm: MikroORM;
let queue: JobQueue;
let app: ReturnType<typeof createApp>['app'];

beforeAll(async () => {
  database = await createTestDatabase();
  const direct = await MikroORM.init(ormConfig(database.url));
  await direct.migrator.up();
  await direct.close();
  const url = new URL(database.url);
  proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port) });
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  orm = await MikroORM.init(ormConfig(url.toString()));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing', LOG_LEVEL: 'silent' });
  const logger = createLogger('silent');
  queue = await startQueue({ connectionString: url.toString(), logger, retention: config });
  ({ app } = createApp({ config, orm, queue, logger, now: () => new Date(), stripe: UNUSED_STRIPE, assistant: UNUSED_ASSISTANT }));
});
afterAll(async () => {
  await queue?.stop();
  await orm?.close();
  await proxy?.close();
  await database?.drop();
});

async function send(method: string, path: string, body?: unknown) {
  const request = new Request(`${BASE_URL}${path}`, {
    method,
    headers: body ? { 'Content-Type': 'application/json' } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  const response = await app.fetch(request);
  expect(await contractViolations(method, path, response), `${method} ${path}`).toEqual([]);
  return response;
}

describe('a database outage', () => {
  it('answers 503 with Retry-After while the database is away, and recovers after', async () => {
    expect((await send('GET', '/tasks/')).status).toBe(200);
    await proxy.cut();
    for (const [method, path, body] of [
      ['GET', '/tasks/'],
      ['GET', '/tasks/42/'],
      ['GET', '/tasks/categories/'],
      ['POST', '/auth/login/', { email: 'sara@example.com', password: 'StrongPass123' }],
    ] as const) {
      const response = await send(method, path, body);
      expect(response.status, `${method} ${path}`).toBe(503);
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await response.json()).toMatchObject({ status: 503, code: 'service_unavailable' });
    }
    expect((await app.fetch(new Request(`${BASE_URL}/health/`))).status).toBe(503);
    expect((await app.fetch(new Request(`${BASE_URL}/health/ready/`))).status).toBe(503);
    await proxy.restore();
    expect((await send('GET', '/tasks/')).status).toBe(200);
    expect((await app.fetch(new Request(`${BASE_URL}/health/`))).status).toBe(200);
    expect((await app.fetch(new Request(`${BASE_URL}/health/ready/`))).status).toBe(200);
  });
});
