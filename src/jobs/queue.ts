/**
 * The durable job queue (pg-boss on the same PostgreSQL). Jobs are enqueued inside the
 * transaction of the change that causes them, so they exist exactly when the change committed;
 * workers run after commit, retried with exponential backoff, and survive restarts. A job that
 * keeps failing moves to its queue's dead letter queue with its last error; finished jobs are
 * deleted after the retention the service was started with.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { PgBoss, type JobResult } from 'pg-boss';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { querySql } from '../db/sql.ts';

/** A queue and how its jobs are retried. Whoever touches a queue first creates it with these. */
export type QueueDefinition = {
  name: string;
  retryLimit?: number;
  retryDelaySeconds?: number;
  retryDelayMaxSeconds?: number;
  /** Where a job goes once its retries are spent, kept for DEAD_LETTER_RETENTION_DAYS. */
  deadLetter?: string;
};

export type QueuedJob<T> = { id: string; data: T };
export type JobOutcome =
  | { id: string; status: 'completed' }
  /** Retried with backoff, then dead-lettered once the retries are spent. */
  | { id: string; status: 'failed'; error: string }
  /** Never retried: straight to the dead letter queue (the error is permanent). */
  | { id: string; status: 'deadletter'; error: string };

export type QueueBacklog = {
  queue: string;
  /** Jobs waiting to run (new or waiting for a retry). */
  waiting: number;
  /** Age of the oldest waiting job, in seconds (0 when none waits). */
  oldest_waiting_seconds: number;
  /** Jobs given up on, kept in the dead letter queue. */
  dead_lettered: number;
};

export type JobQueue = {
  /** Enqueues a job in `em`'s current transaction (which must be open). */
  enqueue: (em: EntityManager, queue: QueueDefinition | string, data: object) => Promise<void>;
  /**
   * Enqueues a job outside any transaction (a wake-up, not a change of state) and has this
   * process's workers of the queue fetch it at once instead of at their next poll.
   */
  send: (queue: QueueDefinition | string, data: object) => Promise<void>;
  /** Runs `handler` for every job of the queue, one at a time. */
  work: <T extends object>(queue: QueueDefinition | string, handler: (data: T) => Promise<void>) => Promise<void>;
  /**
   * Runs `handler` on batches of up to `batchSize` jobs, fetching again at once while batches come
   * back full, and settles each job by the outcome the handler gives it.
   */
  workBatches: <T extends object>(
    queue: QueueDefinition,
    options: { batchSize: number },
    handler: (jobs: QueuedJob<T>[]) => Promise<JobOutcome[]>,
  ) => Promise<void>;
  /** Runs `handler` on a cron schedule (UTC), once across every instance. */
  schedule: (queue: QueueDefinition | string, cron: string, handler: () => Promise<unknown>) => Promise<void>;
  /** How far behind the given queues are. */
  backlog: (queues: QueueDefinition[]) => Promise<QueueBacklog[]>;
  stop: () => Promise<void>;
};

export type QueueOptions = {
  connectionString: string;
  logger: Logger;
  pollingIntervalSeconds?: number;
  /** How long finished jobs, and dead-lettered ones (for someone to look at and redrive), are kept. */
  retention: Pick<Config, 'JOB_RETENTION_DAYS' | 'DEAD_LETTER_RETENTION_DAYS'>;
  /** True once the process is shutting down: lost connections are then expected, not errors. */
  isShuttingDown?: () => boolean;
};

const DEFAULT_RETRY = { retryLimit: 10, retryDelaySeconds: 5, retryDelayMaxSeconds: 3600 };
const DAY_SECONDS = 24 * 60 * 60;

export async function startQueue(options: QueueOptions): Promise<JobQueue> {
  // Few connections: workers poll, and enqueueing goes through the caller's own transaction.
  const boss = new PgBoss({ connectionString: options.connectionString, max: 4 });
  boss.on('error', (error) => {
    if (options.isShuttingDown?.()) options.logger.debug({ err: error }, 'job queue connection closed during shutdown');
    else options.logger.error({ err: error }, 'job queue error');
  });
  await boss.start();

  const jobRetentionSeconds = Math.ceil(options.retention.JOB_RETENTION_DAYS * DAY_SECONDS);
  const deadLetterRetentionSeconds = Math.ceil(options.retention.DEAD_LETTER_RETENTION_DAYS * DAY_SECONDS);
  const created = new Map<string, Promise<void>>();
  const ensureQueue = (queue: QueueDefinition | string): Promise<string> => {
    const definition = typeof queue === 'string' ? { name: queue } : queue;
    if (!created.has(definition.name)) {
      // A failed attempt (the database away) is not remembered: the next call tries again.
      created.set(definition.name, createOrUpdate(definition).catch((error: unknown) => {
        created.delete(definition.name);
        throw error;
      }));
    }
    return created.get(definition.name)!.then(() => definition.name);
  };
  // Creating is a no-op for a queue that exists: the update brings an older one to this policy.
  const createOrUpdate = async (definition: QueueDefinition) => {
    if (definition.deadLetter) {
      // Nothing works a dead letter queue: its jobs wait, as created, for their retention.
      const kept = { retentionSeconds: deadLetterRetentionSeconds, deleteAfterSeconds: deadLetterRetentionSeconds };
      await boss.createQueue(definition.deadLetter, kept);
      await boss.updateQueue(definition.deadLetter, kept);
    }
    const retry = { ...DEFAULT_RETRY, ...definition };
    const policy = {
      retryLimit: retry.retryLimit,
      retryDelay: retry.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: retry.retryDelayMaxSeconds,
      deleteAfterSeconds: jobRetentionSeconds,
      ...(definition.deadLetter ? { deadLetter: definition.deadLetter } : {}),
    };
    await boss.createQueue(definition.name, policy);
    await boss.updateQueue(definition.name, policy);
  };

  const workers = new Map<string, string[]>();
  const work: JobQueue['work'] = async (queue, handler) => {
    const name = await ensureQueue(queue);
    const id = await boss.work<object>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
      for (const job of jobs) await handler(job.data as never);
    });
    workers.set(name, [...(workers.get(name) ?? []), id]);
  };

  return {
    async enqueue(em, queue, data) {
      const name = await ensureQueue(queue);
      if (!em.getTransactionContext()) throw new Error(`enqueue(${name}) outside a transaction`);
      // pg-boss writes the job through the caller's transaction.
      const db = { executeSql: async (text: string, values: unknown[] = []) => ({ rows: await querySql(em, { text, values }) }) };
      await boss.send(name, data, { db });
    },
    async send(queue, data) {
      const name = await ensureQueue(queue);
      await boss.send(name, data);
      for (const id of workers.get(name) ?? []) boss.notifyWorker(id);
    },
    work,
    async workBatches(queue, { batchSize }, handler) {
      const name = await ensureQueue(queue);
      await boss.work(
        name,
        { batchSize, perJobResults: true, burstWhenBatchFull: true, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 1 },
        async (jobs): Promise<JobResult[]> => {
          const outcomes = await handler(jobs.map((job) => ({ id: job.id, data: job.data as never })));
          return outcomes.map((outcome) =>
            outcome.status === 'completed' ? { id: outcome.id, status: 'completed' } : { id: outcome.id, status: outcome.status, output: { error: outcome.error } },
          );
        },
      );
    },
    async schedule(queue, cron, handler) {
      await work(queue, async () => {
        await handler();
      });
      await boss.schedule(await ensureQueue(queue), cron, null, { tz: 'UTC' });
    },
    async backlog(queues) {
      const names = await Promise.all(queues.map((queue) => ensureQueue(queue)));
      const deadLetters = queues.map((queue) => queue.deadLetter ?? '');
      // One statement over pg-boss's job table, for the queues and their dead letter queues.
      const { rows } = await boss.getDb().executeSql(
        `select q.name,
                count(j.id) filter (where j.name = q.name and j.state in ('created', 'retry'))::int as waiting,
                coalesce(extract(epoch from now() - min(j.created_on) filter (where j.name = q.name and j.state in ('created', 'retry'))), 0)::float8 as oldest,
                count(j.id) filter (where j.name = q.dead_letter and j.state in ('created', 'retry'))::int as dead_lettered
           from unnest($1::text[], $2::text[]) as q(name, dead_letter)
           left join pgboss.job j on j.name in (q.name, q.dead_letter) and j.state in ('created', 'retry')
          group by q.name`,
        [names, deadLetters],
      );
      const byName = new Map((rows as Array<{ name: string; waiting: number; oldest: number; dead_lettered: number }>).map((row) => [row.name, row]));
      return names.map((name) => {
        const row = byName.get(name);
        return { queue: name, waiting: row?.waiting ?? 0, oldest_waiting_seconds: Math.floor(row?.oldest ?? 0), dead_lettered: row?.dead_lettered ?? 0 };
      });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
