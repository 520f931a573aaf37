/**
 * Escrow: a client funds a task through a Stripe PaymentIntent, the signed webhook marks it
 * funded, and the money leaves escrow once, either released to the freelancer's wallet (minus the
 * platform fee) or refunded to the client. Every state change and its ledger entry share one
 * transaction, under the escrow's row lock, so that a release and a refund racing each other
 * cannot both happen.
 */
import { LockMode, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import type { User } from '../auth/auth.entities.ts';
import { toUserSummary } from '../auth/auth.serializers.ts';
import type * as S from '../contract/schemas.ts';
import { recordEvent } from '../events/record-event.ts';
import { feeMinor, fromMinor, toMinor } from '../lib/money.ts';
import { problems } from '../lib/problem.ts';
import { Application, Task } from '../tasks/tasks.entities.ts';
import { toTaskSummary } from '../tasks/tasks.serializers.ts';
import { postEntry } from './ledger.ts';
import { Escrow } from './payments.entities.ts';
import { atStripe } from './stripe-calls.ts';
import { stripeCustomerOf } from './stripe-customers.ts';

const ESCROW_POPULATE = ['task', 'task.category', 'task.client', 'task.freelancer', 'client'] as const;

export type EscrowDeps = {
  stripe: Stripe;
  now: () => Date;
  /** The platform's share in basis points (10 % = 1000). */
  feeBasisPoints: number;
};

export function toEscrow(escrow: Escrow): S.Escrow {
  const money = (minor: number | null | undefined) => (minor == null ? null : fromMinor(minor));
  const task = escrow.task;
  return {
    id: escrow.id,
    task: toTaskSummary(task),
    client: toUserSummary(escrow.client),
    freelancer: task.freelancer ? toUserSummary(task.freelancer) : null,
    amount: fromMinor(escrow.amountMinor),
    platform_fee: money(escrow.platformFeeMinor),
    freelancer_amount: money(escrow.freelancerAmountMinor),
    currency: escrow.currency,
    status: escrow.status,
    payment_intent_id: escrow.paymentIntentId,
    created_at: escrow.createdAt.toISOString(),
    funded_at: escrow.fundedAt?.toISOString() ?? null,
    released_at: escrow.releasedAt?.toISOString() ?? null,
    refunded_at: escrow.refundedAt?.toISOString() ?? null,
  };
}

/** Stripe's refund reasons; `task_cancelled` is the customer's request, noted in metadata. */
const STRIPE_REFUND_REASON = { requested_by_customer: 'requested_by_customer', duplicate: 'duplicate', fraudulent: 'fraudulent', task_cancelled: 'requested_by_customer' } as const;
export type RefundReason = keyof typeof STRIPE_REFUND_REASON;

export function createEscrowService({ stripe, now, feeBasisPoints }: EscrowDeps) {
  /** The escrow for one of its parties (404 for anyone else), locked when asked. */
  async function findEscrow(em: EntityManager, user: User, id: number, lock = false): Promise<Escrow> {
    const escrow = await em.findOne(Escrow, id, {
      populate: ESCROW_POPULATE,
      ...(lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['e0'], refresh: true } : {}),
    });
    const isParty = escrow && (escrow.client.id === user.id || escrow.task.freelancer?.id === user.id);
    if (!escrow || !isParty) throw problems.notFound(`There is no escrow ${id}.`);
    return escrow;
  }

  function requireClient(escrow: Escrow, user: User, action: string): void {
    if (escrow.client.id !== user.id) throw problems.forbidden(`Only the task's client can ${action} its escrow.`);
  }

  /** Moves a funded escrow's money to the freelancer's wallet, the fee to the platform (in `tx`). */
  async function releaseLocked(tx: EntityManager, escrow: Escrow, actorId: number | null): Promise<void> {
    const freelancer = escrow.task.freelancer!;
    const fee = feeMinor(escrow.amountMinor, feeBasisPoints);
    await postEntry(tx, {
      kind: 'release',
      currency: escrow.currency,
      reference: `escrow:${escrow.id}`,
      taskId: escrow.task.id,
      lines: [
        { account: { kind: 'escrow', taskId: escrow.task.id }, amountMinor: -escrow.amountMinor },
        { account: { kind: 'freelancer_available', userId: freelancer.id }, amountMinor: escrow.amountMinor },
        ...(fee
          ? [
              { account: { kind: 'freelancer_available' as const, userId: freelancer.id }, amountMinor: -fee },
              { account: { kind: 'platform_fees' as const }, amountMinor: fee },
            ]
          : []),
      ],
    });
    escrow.status = 'released';
    escrow.platformFeeMinor = fee;
    escrow.freelancerAmountMinor = escrow.amountMinor - fee;
    escrow.releasedAt = now();
    recordEvent(tx, 'payment_released', {
      recipientId: freelancer.id,
      actorId,
      payload: { escrow_id: escrow.id, task_id: escrow.task.id, amount: fromMinor(escrow.freelancerAmountMinor), currency: escrow.currency },
    });
  }

  /** Refunds a funded escrow at Stripe and in the ledger (in `tx`, the escrow locked). */
  async function refundLocked(tx: EntityManager, escrow: Escrow, reason: RefundReason, actorId: number): Promise<void> {
    const refund = await atStripe('refund the payment', () =>
      stripe.refunds.create(
        { payment_intent: escrow.paymentIntentId, reason: STRIPE_REFUND_REASON[reason], metadata: { escrow_id: String(escrow.id), reason } },
        // One refund per escrow, whoever asks and however often.
        { idempotencyKey: `escrow-refund:${escrow.id}` },
      ),
    );
    await postEntry(tx, {
      kind: 'refund',
      currency: escrow.currency,
      reference: `escrow:${escrow.id}`,
      taskId: escrow.task.id,
      lines: [
        { account: { kind: 'escrow', taskId: escrow.task.id }, amountMinor: -escrow.amountMinor },
        { account: { kind: 'refunds', userId: escrow.client.id }, amountMinor: escrow.amountMinor },
      ],
    });
    escrow.status = 'refunded';
    escrow.refundId = refund.id;
    escrow.refundReason = reason;
    escrow.refundedAt = now();
    const payload = { escrow_id: escrow.id, task_id: escrow.task.id, amount: fromMinor(escrow.amountMinor), currency: escrow.currency, reason };
    recordEvent(tx, 'payment_refunded', { recipientId: escrow.client.id, actorId, payload });
    if (escrow.task.freelancer) recordEvent(tx, 'payment_refunded', { recipientId: escrow.task.freelancer.id, actorId, payload });
  }

  return {
    async createIntent(em: EntityManager, user: User, input: S.CreatePaymentIntentRequest, stripeKey: string | undefined): Promise<S.PaymentIntent> {
      const task = await em.findOne(Task, { id: input.task_id, deletedAt: null });
      if (!task) throw problems.notFound(`There is no task ${input.task_id}.`);
      if (task.client.id !== user.id) throw problems.forbidden("Only the task's client can fund it.");
      if (task.status !== 'open' && task.status !== 'in_progress') {
        throw problems.invalidState(`Task ${task.id} is ${task.status}; only open or in-progress tasks can be funded.`);
      }
      const live = await em.findOne(Escrow, { task, status: { $in: ['pending_payment', 'funded'] } });
      if (live) throw problems.alreadyExists(`Task ${task.id} already has escrow ${live.id} (${live.status}).`);
      const expectedMinor =
        task.status === 'in_progress' && task.acceptedApplicationId
          ? (await em.findOneOrFail(Application, task.acceptedApplicationId)).bidMinor
          : task.budgetMinor;
      if (input.currency !== task.currency) {
        throw problems.businessRule(`Task ${task.id} is priced in ${task.currency}.`, { currency: [`Must be the task's currency, ${task.currency}.`] });
      }
      if (toMinor(input.amount) !== expectedMinor) {
        const what = task.status === 'in_progress' ? 'the accepted bid' : 'the budget';
        throw problems.businessRule(`The amount must be ${what}, ${fromMinor(expectedMinor)} ${task.currency}.`, {
          amount: [`Must equal ${what}: ${fromMinor(expectedMinor)}.`],
        });
      }
      const customer = await stripeCustomerOf(em, stripe, user);
      // Without a caller's key, the key still names this funding attempt: a retry after a failure
      // finds the same PaymentIntent instead of making a second.
      const attempts = await em.count(Escrow, { task });
      const intent = await atStripe('create the payment', () =>
        stripe.paymentIntents.create(
          {
            amount: expectedMinor,
            currency: task.currency,
            customer,
            transfer_group: `task_${task.id}`,
            description: `Escrow for task ${task.id}: ${task.title}`,
            metadata: { task_id: String(task.id), client_id: String(user.id) },
          },
          { idempotencyKey: stripeKey ? `intent:${stripeKey}` : `intent:task-${task.id}:attempt-${attempts + 1}:${expectedMinor}${task.currency}` },
        ),
      );
      let escrowId: number;
      try {
        escrowId = await em.transactional(async (tx) => {
          const locked = await tx.findOneOrFail(Task, task.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
          if (locked.status !== 'open' && locked.status !== 'in_progress') {
            throw problems.invalidState(`Task ${task.id} is ${locked.status}; only open or in-progress tasks can be funded.`);
          }
          const existing = await tx.findOne(Escrow, { paymentIntentId: intent.id });
          if (existing) return existing.id;
          const escrow = tx.create(Escrow, { task: locked, client: user, amountMinor: expectedMinor, currency: task.currency, paymentIntentId: intent.id, status: 'pending_payment' });
          await tx.flush();
          return escrow.id;
        });
      } catch (error) {
        // Lost a race with another funding of the task: the PaymentIntent made here is not needed.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        await stripe.paymentIntents.cancel(intent.id).catch(() => {});
        throw problems.alreadyExists(`Task ${task.id} already has an escrow.`);
      }
      return {
        intent_id: intent.id,
        client_secret: intent.client_secret!,
        status: intent.status as S.PaymentIntent['status'],
        escrow_id: escrowId,
        amount: fromMinor(expectedMinor),
        currency: task.currency,
      };
    },

    async get(em: EntityManager, user: User, id: number): Promise<S.Escrow> {
      return toEscrow(await findEscrow(em, user, id));
    },

    async release(em: EntityManager, user: User, id: number): Promise<S.Escrow> {
      return em.transactional(async (tx) => {
        const escrow = await findEscrow(tx, user, id, true);
        requireClient(escrow, user, 'release');
        if (escrow.status !== 'funded') throw problems.invalidState(`Escrow ${id} is ${escrow.status}; only a funded escrow can be released.`);
        if (escrow.task.status !== 'completed') {
          throw problems.invalidState(`Task ${escrow.task.id} is ${escrow.task.status}; the escrow is released once the task is completed.`);
        }
        await releaseLocked(tx, escrow, user.id);
        await tx.flush();
        return toEscrow(escrow);
      });
    },

    async refund(em: EntityManager, user: User, id: number, reason: RefundReason): Promise<S.Escrow> {
      return em.transactional(async (tx) => {
        const escrow = await findEscrow(tx, user, id, true);
        requireClient(escrow, user, 'refund');
        if (escrow.status !== 'funded') throw problems.invalidState(`Escrow ${id} is ${escrow.status}; only a funded escrow can be refunded.`);
        if (escrow.task.status === 'completed') {
          throw problems.invalidState(`Task ${escrow.task.id} is completed: completed work is paid by releasing the escrow.`);
        }
        await refundLocked(tx, escrow, reason, user.id);
        await tx.flush();
        return toEscrow(escrow);
      });
    },

    /**
     * Called in the transaction that cancels a task: a funded escrow is refunded, a payment not
     * made yet is called off at Stripe.
     */
    async settleCancelledTask(tx: EntityManager, task: Task, actor: User): Promise<void> {
      const escrow = await tx.findOne(Escrow, { task, status: { $in: ['pending_payment', 'funded'] } }, {
        populate: ESCROW_POPULATE,
        lockMode: LockMode.PESSIMISTIC_WRITE,
        lockTableAliases: ['e0'],
        refresh: true,
      });
      if (!escrow) return;
      if (escrow.status === 'funded') {
        await refundLocked(tx, escrow, 'task_cancelled', actor.id);
        return;
      }
      await atStripe('call off the payment', async () => {
        const intent = await stripe.paymentIntents.retrieve(escrow.paymentIntentId);
        if (intent.status !== 'canceled') await stripe.paymentIntents.cancel(escrow.paymentIntentId, {}, { idempotencyKey: `escrow-cancel:${escrow.id}` });
      });
      escrow.status = 'cancelled';
      escrow.cancelledAt = now();
    },

    /**
     * `payment_intent.succeeded`: the client's money is held. Only a pending escrow becomes funded,
     * and the ledger posts a PaymentIntent once, so a replayed event changes nothing.
     */
    async applyPaymentSucceeded(tx: EntityManager, intent: Stripe.PaymentIntent): Promise<void> {
      const escrow = await tx.findOne(Escrow, { paymentIntentId: intent.id }, { populate: ESCROW_POPULATE, lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['e0'], refresh: true });
      if (!escrow || escrow.status !== 'pending_payment') return;
      if (intent.amount_received !== escrow.amountMinor || intent.currency !== escrow.currency) {
        throw new Error(`PaymentIntent ${intent.id} received ${intent.amount_received} ${intent.currency}; escrow ${escrow.id} expects ${escrow.amountMinor} ${escrow.currency}`);
      }
      await postEntry(tx, {
        kind: 'funding',
        currency: escrow.currency,
        reference: intent.id,
        taskId: escrow.task.id,
        lines: [
          { account: { kind: 'client_funding', userId: escrow.client.id }, amountMinor: -escrow.amountMinor },
          { account: { kind: 'escrow', taskId: escrow.task.id }, amountMinor: escrow.amountMinor },
        ],
      });
      escrow.status = 'funded';
      escrow.fundedAt = now();
      const payload = { escrow_id: escrow.id, task_id: escrow.task.id, amount: fromMinor(escrow.amountMinor), currency: escrow.currency };
      recordEvent(tx, 'payment_received', { recipientId: escrow.client.id, payload });
      if (escrow.task.freelancer) recordEvent(tx, 'payment_received', { recipientId: escrow.task.freelancer.id, payload });
    },

    /** `payment_intent.canceled`: an escrow never paid is called off. */
    async applyPaymentCanceled(tx: EntityManager, intent: Stripe.PaymentIntent): Promise<void> {
      await tx.nativeUpdate(Escrow, { paymentIntentId: intent.id, status: 'pending_payment' }, { status: 'cancelled', cancelledAt: now() });
    },

    /** Releases the funded escrows of tasks completed before `completedBefore`; returns how many. */
    async releaseDue(em: EntityManager, completedBefore: Date): Promise<number> {
      const due = await em.find(Escrow, { status: 'funded', task: { status: 'completed', completedAt: { $lte: completedBefore } } }, { fields: ['id'], limit: 500 });
      let released = 0;
      for (const { id } of due) {
        released += await em.fork().transactional(async (tx) => {
          const escrow = await tx.findOneOrFail(Escrow, id, { populate: ESCROW_POPULATE, lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['e0'], refresh: true });
          // Refunded or released meanwhile: nothing to do.
          if (escrow.status !== 'funded') return 0;
          await releaseLocked(tx, escrow, null);
          await tx.flush();
          return 1;
        });
      }
      return released;
    },

    /** Whether the user takes part in an escrow that holds money (as client or freelancer). */
    async holdsFundedEscrow(em: EntityManager, userId: number): Promise<boolean> {
      const count = await em.count(Escrow, { status: 'funded', $or: [{ client: userId }, { task: { freelancer: userId } }] });
      return count > 0;
    },
  };
}

export type EscrowService = ReturnType<typeof createEscrowService>;
