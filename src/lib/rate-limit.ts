/**
 * Fixed-window rate limits (rate-limiter-flexible) kept in PostgreSQL (the `rate_limit` table),
 * so that they hold across restarts and any number of instances. Two kinds:
 *   - `consume`: every request spends a point (floods of sign-ups, checks);
 *   - `check` + `fail`: only failures spend points, and a subject out of points is refused
 *     before the work (password guessing).
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, type RateLimiterRes } from 'rate-limiter-flexible';
import { deleteInBatches } from '../db/delete-in-batches.ts';
import { querySql } from '../db/sql.ts';
import { problems } from './problem.ts';

export type RateLimit = {
  /** Spends a point of `key`; a 429 when there was none left. */
  consume: (key: string) => Promise<void>;
  /** A 429 (saying `refusal`) when `key` has no point left; spends nothing. */
  check: (key: string) => Promise<void>;
  /** Spends a point of `key` without refusing: a failure counted after the fact. */
  fail: (key: string) => Promise<void>;
  /** Gives `key` its points back. */
  reset: (key: string) => Promise<void>;
};

export type RateLimitOptions = {
  orm: MikroORM;
  /** Names the limit; keys are stored as `<prefix>:<key>`. */
  prefix: string;
  points: number;
  durationSeconds: number;
  /** The 429's detail; `{seconds}` is replaced by the wait. The default says only to wait. */
  refusal?: string;
};

const secondsLeft = (result: RateLimiterRes) => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

export function rateLimit(options: RateLimitOptions): RateLimit {
  const limiter = new RateLimiterPostgres({
    // The store speaks node-postgres' `query({ text, values })`: answer it through the ORM's pool.
    storeClient: {
      async query(query: { text: string; values?: unknown[] }) {
        const rows = await querySql(options.orm.em.fork(), { text: query.text, values: query.values ?? [] });
        return { rows, rowCount: rows.length };
      },
    },
    storeType: 'pool',
    tableName: 'rate_limit',
    tableCreated: true,
    keyPrefix: options.prefix,
    points: options.points,
    duration: options.durationSeconds,
  });
  const refuse = (result: RateLimiterRes) => {
    const seconds = secondsLeft(result);
    return problems.rateLimited(seconds, options.refusal?.replace('{seconds}', String(seconds)));
  };
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (rejection instanceof Error) throw rejection;
        throw refuse(rejection as RateLimiterRes);
      }
    },
    async check(key) {
      const result = await limiter.get(key);
      if (result && result.consumedPoints >= options.points) throw refuse(result);
    },
    async fail(key) {
      await limiter.penalty(key);
    },
    async reset(key) {
      await limiter.delete(key);
    },
  };
}

/**
 * Deletes the windows that ended before `now` (rate-limiter-flexible leaves them behind; its own
 * timer is off, as one per limiter would run the same delete several times over).
 */
export function pruneRateLimits(orm: MikroORM, now: () => Date): Promise<number> {
  return deleteInBatches(orm.em.fork(), 'rate_limit', 'expire < $1', [now().getTime()]);
}
