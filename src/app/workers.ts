/**
 * Every background worker of the service, started once the app is assembled: mail delivery, the
 * domains' jobs (recommendations' figures among them) and the scheduled pruning. `npm start` and
 * the tests start the same set.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { startAuthJobs } from '../auth/auth.jobs.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { Config } from '../config.ts';
import { startEventsJobs } from '../events/events.jobs.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Mailer } from '../mail/mailer.ts';
import { startMailWorker } from '../mail/outbox.ts';
import { pruneRateLimits } from '../lib/rate-limit.ts';
import { startNotificationDispatch } from '../notifications/dispatcher.ts';
import { createNotificationMails } from '../notifications/notification-mails.ts';
import { createUnsubscribeTokens } from '../notifications/unsubscribe-tokens.ts';
import { startPaymentsJobs } from '../payments/payments.jobs.ts';
import type { Payments } from '../payments/payments.ts';
import { startRecommendationsJobs } from '../recommendations/recommendations.jobs.ts';

export const PRUNE_RATE_LIMITS = 'rate-limits.prune';

const DAY_MS = 24 * 60 * 60 * 1000;

export type WorkerDeps = {
  queue: JobQueue;
  orm: MikroORM;
  mailer: Mailer;
  auth: AuthService;
  payments: Payments;
  logger: Logger;
  config: Pick<Config, 'TOKEN_RETENTION_DAYS' | 'EVENT_RETENTION_DAYS' | 'AUTO_RELEASE_DAYS' | 'JWT_SECRET' | 'PUBLIC_APP_URL'>;
  now: () => Date;
};

/** Starts them all; `stop` ends what runs outside the queue (the notification listener). */
export async function startWorkers(deps: WorkerDeps): Promise<{ stop: () => Promise<void> }> {
  const { queue, orm, now, config } = deps;
  await startMailWorker(queue, deps.mailer);
  await startAuthJobs({ queue, orm, now, auth: deps.auth, tokenRetentionMs: config.TOKEN_RETENTION_DAYS * DAY_MS });
  await startEventsJobs({ queue, orm, now, eventRetentionMs: config.EVENT_RETENTION_DAYS * DAY_MS });
  await startPaymentsJobs({ queue, orm, now, payments: deps.payments, autoReleaseDays: config.AUTO_RELEASE_DAYS });
  await startRecommendationsJobs({ queue, orm });
  await queue.schedule(PRUNE_RATE_LIMITS, '27 * * * *', () => pruneRateLimits(orm, now));
  const mails = createNotificationMails({ queue, tokens: createUnsubscribeTokens(config.JWT_SECRET), publicAppUrl: config.PUBLIC_APP_URL });
  return startNotificationDispatch({ queue, orm, now, logger: deps.logger, mails }, orm.config.get('clientUrl')!);
}
