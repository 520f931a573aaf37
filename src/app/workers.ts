/**
 * Every background worker of the service, started once the app is assembled: mail delivery and
 * the domains' jobs. `npm start` and the tests start the same set.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { startAuthJobs } from '../auth/auth.jobs.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Mailer } from '../mail/mailer.ts';
import { startMailWorker } from '../mail/outbox.ts';

export async function startWorkers(deps: { queue: JobQueue; orm: MikroORM; mailer: Mailer; auth: AuthService }): Promise<void> {
  await startMailWorker(deps.queue, deps.mailer);
  await startAuthJobs(deps.queue, deps.orm, deps.auth);
}
