/**
 * Auth's background work: the mailed-link requests (password reset, resent verification), done
 * after the request has answered, and the hourly pruning of spent tokens.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { deleteInBatches } from '../db/delete-in-batches.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { AUTH_JOBS, type AuthService, type MailRequest } from './auth.service.ts';

export const PRUNE_TOKENS = 'auth.prune-tokens';

export type AuthJobsDeps = {
  queue: JobQueue;
  orm: MikroORM;
  auth: AuthService;
  now: () => Date;
  /** How long a spent token is kept after it expired, was revoked or was used. */
  tokenRetentionMs: number;
};

/**
 * Deletes refresh tokens past their expiry or revocation, and mailed tokens past their expiry or
 * use, once `tokenRetentionMs` has gone by. A rotated refresh token is kept until it expires: it
 * is what detects a stolen token being replayed.
 */
export async function pruneTokens(deps: Pick<AuthJobsDeps, 'orm' | 'now' | 'tokenRetentionMs'>): Promise<{ refresh_tokens: number; email_tokens: number }> {
  const em = deps.orm.em.fork();
  const cutoff = new Date(deps.now().getTime() - deps.tokenRetentionMs);
  return {
    refresh_tokens: await deleteInBatches(em, 'refresh_token', 'expires_at < $1 or revoked_at < $1', [cutoff]),
    email_tokens: await deleteInBatches(em, 'email_token', 'expires_at < $1 or used_at < $1', [cutoff]),
  };
}

export async function startAuthJobs(deps: AuthJobsDeps): Promise<void> {
  const { queue, orm, auth } = deps;
  await queue.work<MailRequest>(AUTH_JOBS.passwordReset, (request) => auth.sendPasswordResetMail(orm.em.fork(), request));
  await queue.work<MailRequest>(AUTH_JOBS.resendVerification, (request) => auth.sendVerificationMail(orm.em.fork(), request));
  await queue.schedule(PRUNE_TOKENS, '7 * * * *', () => pruneTokens(deps));
}
