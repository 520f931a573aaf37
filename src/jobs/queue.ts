/**
 * The durable job queue (pg-boss on the same PostgreSQL). Jobs are enqueued inside the
 * transaction of the change that causes them, so they exist exactly when the change committed;
 * workers run after commit, retried with exponential backoff, and survive restarts.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { querySql } from '../db/sql.ts';

export type JobHandler<T> = (data: T) => Promise<void>;

export type JobQueue = {
  /** Enqueues a job in `em`'s current transaction (which must be open). */
  enqueue: (em: EntityManager, name: string, data: object) => Promise<void>;
  /** Runs `handler` for every job of `name`. */
  work: <T extends object>(name: string, handler: JobHandler<T>) => Promise<void>;
  stop: () => Promise<void>;
};

export type QueueOptions = {
  connectionString: string;
  logger: Logger;
  pollingIntervalSeconds?: number;
  /** True once the process is shutting down: lost connections are then expected, not errors. */
  isShuttingDown?: () => boolean;
};

const QUEUE_POLICY = { retryLimit: 10, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600 } as const;

export async function startQueue(options: QueueOptions): Promise<JobQueue> {
  const boss = new PgBoss({ connectionString: options.connectionString, max: 4 });
  boss.on('error', (error) => {
    if (options.isShuttingDown?.()) options.logger.debug({ err: error }, 'job queue connection closed during shutdown');
    else options.logger.error({ err: error }, 'job queue error');
  });
  await boss.start();
  const created = new Set<string>();
  const ensureQueue = async (name: string) => {
    if (created.has(name)) return;
    await boss.createQueue(name, QUEUE_POLICY);
    created.add(name);
  };

  return {
    async enqueue(em, name, data) {
      if (!em.getTransactionContext()) throw new Error(`enqueue(${name}) outside a transaction`);
      await ensureQueue(name);
      // pg-boss writes the job through the caller's transaction.
      const db = { executeSql: async (text: string, values: unknown[] = []) => ({ rows: await querySql(em, { text, values }) }) };
      await boss.send(name, data, { db });
    },
    async work(name, handler) {
      await ensureQueue(name);
      await boss.work<object>(name, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 }, async (jobs) => {
        for (const job of jobs) await handler(job.data as never);
      });
    },
    stop: () => boss.stop({ graceful: true, timeout: 10_000 }),
  };
}
