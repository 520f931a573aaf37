/**
 * The work behind the mailed-link requests (password reset, resent verification), done after
 * the request has answered: looking the account up, making the token, queueing the mail.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { JobQueue } from '../jobs/queue.ts';
import { AUTH_JOBS, type AuthService, type MailRequest } from './auth.service.ts';

export async function startAuthJobs(queue: JobQueue, orm: MikroORM, auth: AuthService): Promise<void> {
  await queue.work<MailRequest>(AUTH_JOBS.passwordReset, (request) => auth.sendPasswordResetMail(orm.em.fork(), request));
  await queue.work<MailRequest>(AUTH_JOBS.resendVerification, (request) => auth.sendVerificationMail(orm.em.fork(), request));
}
