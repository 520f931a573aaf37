/**
 * The wallet: what a freelancer earned, read from the ledger (never stored beside it), and
 * withdrawals. A withdrawal moves the amount from the available balance to "pending withdrawal"
 * in the request's transaction; a background job then makes the Stripe transfer and payout, and
 * the payout's webhook settles it: paid (the money left the platform) or failed (it comes back).
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type Stripe from 'stripe';
import type { User } from '../auth/auth.entities.ts';
import type * as S from '../contract/schemas.ts';
import { querySql } from '../db/sql.ts';
import { recordEvent } from '../events/record-event.ts';
import type { JobQueue, QueueDefinition } from '../jobs/queue.ts';
import { fromMinor, toMinor } from '../lib/money.ts';
import { pageWindow, type PageQuery } from '../lib/pagination.ts';
import { problems } from '../lib/problem.ts';
import { postEntry } from './ledger.ts';
import { ConnectAccount, Withdrawal } from './payments.entities.ts';
import { WALLET_CURRENCY, WALLET_LINES, walletFromRow, walletQuery, walletTransactionFromRow, type WalletLineRow, type WalletRow } from './wallet-views.ts';

export const MIN_WITHDRAWAL_MINOR = 5_000;

export const PAYOUT_QUEUE: QueueDefinition = { name: 'withdrawals.payout', retryLimit: 12, retryDelaySeconds: 30, retryDelayMaxSeconds: 3600, deadLetter: 'withdrawals.payout.dead-letter' };

export type WalletDeps = { stripe: Stripe; queue: JobQueue; now: () => Date };

export function toWithdrawal(withdrawal: Withdrawal): S.Withdrawal {
  return {
    id: withdrawal.id,
    amount: fromMinor(withdrawal.amountMinor),
    currency: withdrawal.currency,
    status: withdrawal.status,
    stripe_payout_id: withdrawal.stripePayoutId ?? null,
    failure_reason: withdrawal.failureReason ?? null,
    created_at: withdrawal.createdAt.toISOString(),
    processed_at: withdrawal.processedAt?.toISOString() ?? null,
  };
}

export function createWalletService({ stripe, queue, now }: WalletDeps, feePercent: string) {
  return {
    async wallet(em: EntityManager, user: User): Promise<S.Wallet> {
      const [row] = await querySql<WalletRow>(em, walletQuery(user.id, WALLET_CURRENCY));
      return walletFromRow(row!, WALLET_CURRENCY, now());
    },

    async transactions(
      em: EntityManager,
      user: User,
      query: PageQuery & { type?: S.WalletTransactionType; created_after?: string; created_before?: string },
    ): Promise<{ count: number; results: S.WalletTransaction[] }> {
      const filters = [user.id, query.type ?? null, query.created_after ?? null, query.created_before ?? null];
      const { limit, offset } = pageWindow(query);
      const [counted] = await querySql<{ count: string }>(em, { text: `${WALLET_LINES} select count(*)::text as count from chosen`, values: filters });
      const rows = await querySql<WalletLineRow>(em, {
        text: `${WALLET_LINES} select chosen.*, chosen.amount_minor::text, chosen.balance_after::text, t.title
                 from chosen left join task t on t.id = chosen.task_id order by chosen.id desc limit $5 offset $6`,
        values: [...filters, limit, offset],
      });
      return { count: Number(counted!.count), results: rows.map((row) => walletTransactionFromRow(row, feePercent)) };
    },

    async withdrawals(em: EntityManager, user: User, query: PageQuery & { status?: S.WithdrawalStatus }) {
      const { limit, offset } = pageWindow(query);
      const [found, count] = await em.findAndCount(Withdrawal, { user, ...(query.status ? { status: query.status } : {}) }, { orderBy: { id: 'desc' }, limit, offset });
      return { count, results: found.map(toWithdrawal) };
    },

    async withdraw(em: EntityManager, user: User, input: S.CreateWithdrawalRequest): Promise<S.Withdrawal> {
      const amountMinor = toMinor(input.amount);
      if (amountMinor < MIN_WITHDRAWAL_MINOR) {
        throw problems.businessRule(`A withdrawal is at least ${fromMinor(MIN_WITHDRAWAL_MINOR)}.`, { amount: [`At least ${fromMinor(MIN_WITHDRAWAL_MINOR)}.`] });
      }
      const account = await em.findOne(ConnectAccount, { user });
      if (!account?.payoutsEnabled) {
        throw problems.businessRule('Withdrawals need a Stripe Connect account with payouts enabled: finish onboarding first.');
      }
      return em.transactional(async (tx) => {
        // The balance row locked: concurrent withdrawals see each other's debit.
        const [available] = await querySql<{ balance_minor: string }>(tx, {
          text: `select balance_minor::text from ledger_account where kind = 'freelancer_available' and user_id = $1 and currency = $2 for update`,
          values: [user.id, input.currency],
        });
        const balance = Number(available?.balance_minor ?? 0);
        if (balance < amountMinor) {
          throw problems.businessRule(`Insufficient funds: the available balance is ${fromMinor(balance)} ${input.currency}.`, {
            amount: [`At most the available balance, ${fromMinor(balance)}.`],
          });
        }
        const withdrawal = tx.create(Withdrawal, { user, amountMinor, currency: input.currency, stripeAccountId: account.stripeAccountId, status: 'pending' });
        await tx.flush();
        await postEntry(tx, {
          kind: 'withdrawal',
          currency: input.currency,
          reference: `withdrawal:${withdrawal.id}`,
          lines: [
            { account: { kind: 'freelancer_available', userId: user.id }, amountMinor: -amountMinor },
            { account: { kind: 'freelancer_pending_withdrawal', userId: user.id }, amountMinor },
          ],
        });
        await queue.enqueue(tx, PAYOUT_QUEUE, { withdrawalId: withdrawal.id });
        return toWithdrawal(withdrawal);
      });
    },

    /** The background half of a withdrawal: the transfer to the connected account, then its payout. */
    async payOut(em: EntityManager, withdrawalId: number): Promise<void> {
      const withdrawal = await em.findOne(Withdrawal, withdrawalId);
      if (!withdrawal || withdrawal.status !== 'pending') return;
      const { amountMinor: amount, currency, stripeAccountId } = withdrawal;
      const metadata = { withdrawal_id: String(withdrawal.id), user_id: String(withdrawal.user.id) };
      // Keys named after the withdrawal: a retried job never transfers or pays out twice.
      const transfer = await stripe.transfers.create(
        { amount, currency, destination: stripeAccountId, transfer_group: `withdrawal_${withdrawal.id}`, metadata },
        { idempotencyKey: `withdrawal-transfer:${withdrawal.id}` },
      );
      const payout = await stripe.payouts.create({ amount, currency, metadata }, { stripeAccount: stripeAccountId, idempotencyKey: `withdrawal-payout:${withdrawal.id}` });
      // Only a pending one moves on to processing: the payout's webhook may have settled it already.
      await querySql(em, {
        text: `update withdrawal set status = case when status = 'pending' then 'processing' else status end,
                 stripe_transfer_id = $2, stripe_payout_id = $3, updated_at = $4 where id = $1`,
        values: [withdrawal.id, transfer.id, payout.id, now()],
      });
    },

    /** A payout's outcome from Stripe's webhook (in the event's transaction): paid, or failed and returned. */
    async settlePayout(tx: EntityManager, payout: Stripe.Payout, paid: boolean): Promise<void> {
      const withdrawalId = Number(payout.metadata?.withdrawal_id);
      const withdrawal = Number.isSafeInteger(withdrawalId)
        ? await tx.findOne(Withdrawal, withdrawalId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true })
        : await tx.findOne(Withdrawal, { stripePayoutId: payout.id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!withdrawal || withdrawal.status === 'paid' || withdrawal.status === 'failed') return;
      const userId = withdrawal.user.id;
      withdrawal.status = paid ? 'paid' : 'failed';
      withdrawal.stripePayoutId = payout.id;
      withdrawal.processedAt = now();
      if (!paid) withdrawal.failureReason = payout.failure_message ?? payout.failure_code ?? 'The payout failed.';
      await postEntry(tx, {
        kind: paid ? 'payout' : 'withdrawal_reversal',
        currency: withdrawal.currency,
        reference: `withdrawal:${withdrawal.id}`,
        lines: [
          { account: { kind: 'freelancer_pending_withdrawal', userId }, amountMinor: -withdrawal.amountMinor },
          paid ? { account: { kind: 'payouts', userId }, amountMinor: withdrawal.amountMinor } : { account: { kind: 'freelancer_available', userId }, amountMinor: withdrawal.amountMinor },
        ],
      });
      recordEvent(tx, paid ? 'withdrawal_paid' : 'withdrawal_failed', {
        recipientId: userId,
        payload: { withdrawal_id: withdrawal.id, amount: fromMinor(withdrawal.amountMinor), currency: withdrawal.currency, ...(paid ? {} : { reason: withdrawal.failureReason }) },
      });
    },

    /** Whether the user has money in a wallet (available or on its way out). */
    async holdsMoney(em: EntityManager, userId: number): Promise<boolean> {
      const [row] = await querySql<{ held: boolean }>(em, {
        text: `select exists (select 1 from ledger_account where user_id = $1 and kind in ('freelancer_available', 'freelancer_pending_withdrawal') and balance_minor > 0) as held`,
        values: [userId],
      });
      return Boolean(row?.held);
    },
  };
}

export type WalletService = ReturnType<typeof createWalletService>;
