/**
 * What every request carries through the app (Hono's context variables) and what the app is
 * built from.
 */
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { User } from '../auth/auth.entities.ts';
import type { ProblemError } from '../lib/problem.ts';
import type { JobQueue } from '../jobs/queue.ts';

export type AppEnv = {
  Variables: {
    requestId: string;
    logger: Logger;
    /** A fork of the ORM's EntityManager, private to this request. */
    em: EntityManager;
    /** The signed-in user, or null for an anonymous request. */
    user: User | null;
    /** Why the bearer token was refused, if one was sent and refused (reported by protected routes). */
    authError: ProblemError | null;
  };
};

export type AppDeps = {
  config: Config;
  orm: MikroORM;
  queue: JobQueue;
  logger: Logger;
  /** The current time; tests move it to expire tokens. */
  now: () => Date;
};
