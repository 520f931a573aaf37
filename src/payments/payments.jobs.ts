/**
 * Payments' background work: the Stripe half of withdrawals, the auto-release of escrows whose
 * client neither released nor refunded, and the pruning of idempotency keys and webhook ids.
 */
import type { MikroORM } from '@mikro-orm/postgresql';
import { deleteInBatches } from '../db/delete-in-batches.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { IDEMPOTENCY_KEY_TTL_MS } from './idempotency.ts';
import type { Payments } from './payments.ts';
import { PAYOUT_QUEUE } from './wallet.service.ts';

export const AUTO_RELEASE = 'escrows.auto-release';
export const PRUNE_PAYMENT_RECORDS = 'payments.prune';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Stripe redelivers an event for up to 3 days: its id is kept well beyond. */
const STRIPE_EVENT_RETENTION_MS = 30 * DAY_MS;

export type PaymentsJobsDeps = { queue: JobQueue; orm: MikroORM; now: () => Date; payments: Payments; autoReleaseDays: number };

async function autoReleaseEscrows(deps: Pick<PaymentsJobsDeps, 'orm' | 'now' | 'payments' | 'autoReleaseDays'>): Promise<number> {
  const completedBefore = new Date(deps.now().getTime() - deps.autoReleaseDays * DAY_MS);
  return deps.payments.escrows.releaseDue(deps.orm.em.fork(), completedBefore);
}

async function prunePaymentRecords(deps: Pick<PaymentsJobsDeps, 'orm' | 'now'>): Promise<number> {
  const now = deps.now().getTime();
  const keys = await deleteInBatches(deps.orm.em.fork(), 'idempotency_key', 'created_at < $1', [new Date(now - IDEMPOTENCY_KEY_TTL_MS)]);
  const events = await deleteInBatches(deps.orm.em.fork(), 'stripe_event', 'received_at < $1', [new Date(now - STRIPE_EVENT_RETENTION_MS)]);
  return keys + events;
}

export async function startPaymentsJobs(deps: PaymentsJobsDeps): Promise<void> {
  const { queue, orm, payments } = deps;
  await queue.work<{ withdrawalId: number }>(PAYOUT_QUEUE, ({ withdrawalId }) => payments.wallet.payOut(orm.em.fork(), withdrawalId));
  await queue.schedule(AUTO_RELEASE, '*/10 * * * *', () => autoReleaseEscrows(deps));
  await queue.schedule(PRUNE_PAYMENT_RECORDS, '37 * * * *', () => prunePaymentRecords(deps));
}
