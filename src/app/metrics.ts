/**
 * Prometheus metrics (prom-client) at `/api/metrics/`: requests by operation and status, their
 * latency, the database pool, the job queues' backlog, and the process (memory, CPU, event loop).
 * With METRICS_TOKEN set the endpoint needs `Authorization: Bearer <METRICS_TOKEN>`; without one
 * it is open in development and test and absent in production: metrics show the load and name
 * every operation.
 */
import { timingSafeEqual } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { routes } from '../contract/routes.ts';
import type { Config } from '../config.ts';
import type { JobQueue, QueueBacklog, QueueDefinition } from '../jobs/queue.ts';
import { problems } from '../lib/problem.ts';
import type { AppEnv } from './env.ts';
import type { AppRouter } from './router.ts';

/** `GET /api/tasks/:id/` (Hono's form of a contract path) → `getTask`. */
const operationIds = new Map(
  Object.values(routes).map((route) => [`${route.method.toUpperCase()} /api${route.path.replace(/\{(\w+)\}/g, ':$1')}`, route.operationId]),
);

export function createMetrics(deps: { orm: MikroORM; queue: JobQueue; queues: QueueDefinition[] }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered', labelNames: ['operation', 'status'], registers: [registry] });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer an HTTP request',
    labelNames: ['operation', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  let pool: Pool | undefined;
  new Gauge({
    name: 'db_pool_connections',
    help: 'Database pool connections by state (idle, in use, and requests waiting for one)',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      pool ??= (await deps.orm.em.getConnection().getNativeClient()) as Pool;
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  // The three backlog gauges are collected at once in a scrape: they share one query.
  let backlog: Promise<QueueBacklog[]> | undefined;
  const readBacklog = () => (backlog ??= deps.queue.backlog(deps.queues).finally(() => (backlog = undefined)));
  const backlogGauge = (name: string, help: string, pick: (row: QueueBacklog) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['queue'],
      registers: [registry],
      async collect() {
        for (const row of await readBacklog()) this.set({ queue: row.queue }, pick(row));
      },
    });
  backlogGauge('job_queue_waiting', 'Jobs waiting to run', (row) => row.waiting);
  backlogGauge('job_queue_oldest_waiting_seconds', 'Age of the oldest waiting job', (row) => row.oldest_waiting_seconds);
  backlogGauge('job_queue_dead_lettered', 'Jobs given up on, kept in the dead letter queue', (row) => row.dead_lettered);

  /** Counts and times every request, labelled by the contract's operationId. */
  const recordRequests: MiddlewareHandler<AppEnv> = async (c, next) => {
    const started = performance.now();
    await next();
    const route = routePath(c, -1);
    const operation = operationIds.get(`${c.req.method} ${route}`) ?? (route === '/*' ? 'unmatched' : route);
    const labels = { operation, status: String(c.res.status) };
    requests.inc(labels);
    duration.observe(labels, (performance.now() - started) / 1000);
  };

  function registerEndpoint(api: AppRouter, config: Pick<Config, 'NODE_ENV' | 'METRICS_TOKEN'>) {
    const expected = config.METRICS_TOKEN ? Buffer.from(`Bearer ${config.METRICS_TOKEN}`) : undefined;
    if (!expected && config.NODE_ENV === 'production') return;
    api.get('/metrics/', async (c) => {
      if (expected) {
        const given = Buffer.from(c.req.header('authorization') ?? '');
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw problems.unauthenticated('The metrics need "Authorization: Bearer <METRICS_TOKEN>".');
      }
      return c.body(await registry.metrics(), 200, { 'Content-Type': registry.contentType });
    });
  }

  return { recordRequests, registerEndpoint };
}
