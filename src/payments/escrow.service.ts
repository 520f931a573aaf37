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
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { recordEvent } from '../events/record-event.ts';
import { fromMinor, toMinor } from '../lib/money.ts';
import { problems } from '../lib/problem.ts';
import { Application, Task } from '../tasks/tasks.entities.ts';
import {
  checkReleasable,
  escrowFromRow,
  escrowViewQuery,
  lockEscrowQuery,
  lockLiveEscrowOfTaskQuery,
  markRefundedStatement,
  markReleasedStatement,
  refundEntry,
  releaseEntry,
  releaseFee,
  requireClientOf,
  type EscrowViewRow,
  type LockedEscrow,
} from './escrow-statements.ts';
import { postEntry } from './ledger.ts';
import { Escrow } from './payments.entities.ts';
import { atStripe } from './stripe-calls.ts';
import { stripeCustomerOf } from './stripe-customers.ts';

export type EscrowDeps = {
  stripe: Stripe;
  now: () => Date;
  /** The platform's share in basis points (10 % = 1000). */
  feeBasisPoints: number;
};

/** Stripe's refund reasons; `task_cancelled` is the customer's request, noted in metadata. */
const STRIPE_REFUND_REASON = { requested_by_customer: 'requested_by_customer', duplicate: 'duplicate', fraudulent: 'fraudulent', task_cancelled: 'requested_by_customer' } as const;
export type RefundReason = keyof typeof STRIPE_REFUND_REASON;

export function createEscrowService({ stripe, now, feeBasisPoints }: EscrowDeps) {
  async function view(em: EntityManager, id: number, viewerId: number): Promise<S.Escrow> {
    const [row] = await querySql<EscrowViewRow>(em, escrowViewQuery(id, viewerId));
    if (!row) throw problems.notFound(`There is no escrow ${id}.`);
    return escrowFromRow(row);
  }

  const lock = async (tx: EntityManager, query: ReturnType<typeof lockEscrowQuery>) => (await querySql<LockedEscrow>(tx, query))[0];

  /** Moves a locked, funded escrow's money to the freelancer's wallet, the fee to the platform (in `tx`). */
  async function releaseLocked(tx: EntityManager, escrow: LockedEscrow, actorId: number | null): Promise<void> {
    const fee = releaseFee(escrow, feeBasisPoints);
    // The entry last: it locks the platform's fee account, which every release shares, until commit.
    await querySql(tx, markReleasedStatement(escrow, fee, actorId, now()));
    await postEntry(tx, releaseEntry(escrow, fee));
  }

  /** Refunds a locked, funded escrow at Stripe and in the ledger (in `tx`). */
  async function refundLocked(tx: EntityManager, escrow: LockedEscrow, reason: RefundReason, actorId: number): Promise<void> {
    const refund = await atStripe('refund the payment', () =>
      stripe.refunds.create(
        { payment_intent: escrow.payment_intent_id, reason: STRIPE_REFUND_REASON[reason], metadata: { escrow_id: String(escrow.id), reason } },
        // One refund per escrow, whoever asks and however often.
        { idempotencyKey: `escrow-refund:${escrow.id}` },
      ),
    );
    await postEntry(tx, refundEntry(escrow));
    await querySql(tx, markRefundedStatement(escrow, { id: refund.id, reason }, actorId, now()));
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

    get(em: EntityManager, user: User, id: number): Promise<S.Escrow> {
      return view(em, id, user.id);
    },

    async release(em: EntityManager, user: User, id: number): Promise<S.Escrow> {
      await em.transactional(async (tx) => {
        const escrow = requireClientOf(await lock(tx, lockEscrowQuery(id)), id, user.id, 'release');
        checkReleasable(escrow);
        await releaseLocked(tx, escrow, user.id);
      });
      return view(em, id, user.id);
    },

    async refund(em: EntityManager, user: User, id: number, reason: RefundReason): Promise<S.Escrow> {
      await em.transactional(async (tx) => {
        const escrow = requireClientOf(await lock(tx, lockEscrowQuery(id)), id, user.id, 'refund');
        if (escrow.status !== 'funded') throw problems.invalidState(`Escrow ${id} is ${escrow.status}; only a funded escrow can be refunded.`);
        if (escrow.task_status === 'completed') {
          throw problems.invalidState(`Task ${escrow.task_id} is completed: completed work is paid by releasing the escrow.`);
        }
        await refundLocked(tx, escrow, reason, user.id);
      });
      return view(em, id, user.id);
    },

    /**
     * Called in the transaction that cancels a task: a funded escrow is refunded, a payment not
     * made yet is called off at Stripe.
     */
    async settleCancelledTask(tx: EntityManager, task: Task, actor: User): Promise<void> {
      const escrow = await lock(tx, lockLiveEscrowOfTaskQuery(task.id));
      if (!escrow) return;
      if (escrow.status === 'funded') {
        await refundLocked(tx, escrow, 'task_cancelled', actor.id);
        return;
      }
      await atStripe('call off the payment', async () => {
        const intent = await stripe.paymentIntents.retrieve(escrow.payment_intent_id);
        if (intent.status !== 'canceled') await stripe.paymentIntents.cancel(escrow.payment_intent_id, {}, { idempotencyKey: `escrow-cancel:${escrow.id}` });
      });
      await querySql(tx, { text: `update escrow set status = 'cancelled', cancelled_at = $2, updated_at = $2 where id = $1`, values: [escrow.id, now()] });
    },

    /**
     * `payment_intent.succeeded`: the client's money is held. Only a pending escrow becomes funded,
     * and the ledger posts a PaymentIntent once, so a replayed event changes nothing.
     */
    async applyPaymentSucceeded(tx: EntityManager, intent: Stripe.PaymentIntent): Promise<void> {
      const escrow = await tx.findOne(Escrow, { paymentIntentId: intent.id }, { populate: ['task'], lockMode: LockMode.PESSIMISTIC_WRITE, lockTableAliases: ['e0'], refresh: true });
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
      const due = await querySql<{ id: number }>(em, {
        text: `select e.id from escrow e join task t on t.id = e.task_id
                where e.status = 'funded' and t.status = 'completed' and t.completed_at <= $1 order by e.id limit 500`,
        values: [completedBefore],
      });
      let released = 0;
      for (const { id } of due) {
        released += await em.fork().transactional(async (tx) => {
          const escrow = (await lock(tx, lockEscrowQuery(id)))!;
          // Refunded or released meanwhile: nothing to do.
          if (escrow.status !== 'funded') return 0;
          await releaseLocked(tx, escrow, null);
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
